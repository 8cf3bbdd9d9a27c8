"""The erasure preview is dated today and refuses, in plain words, a person who is not there;
re-applying the erasure log erases again a stub that still has personal records beside it (a
restored backup in which the person was already a stub but their consents came back). Found
by mutation testing (docs/testing.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from peerdesk.errors import NotFoundError
from peerdesk.services import Services
from tests.conftest import TODAY
from tests.unit.test_erasure_rules import add, consent


def test_the_preview_carries_todays_date(services: Services) -> None:
    ann = add(services, "Ann")

    assert services.erasure.preview(ann).erased_on == TODAY


def test_the_preview_of_a_missing_person_says_so_in_plain_words(services: Services) -> None:
    with pytest.raises(NotFoundError, match="That person could not be found"):
        services.erasure.preview(add(services, "Ann") + 100)


def test_reapply_erases_again_a_stub_whose_consents_came_back(services: Services) -> None:
    ann = add(services, "Ann")
    services.erasure.erase(ann)
    consent(services, ann)  # as if a restored backup still held the consent

    assert services.erasure.reapply([ann]) == 1

    with services.db.session() as session:
        left = session.connection().execute(
            text("SELECT count(*) FROM consent WHERE person_id = :p"), {"p": ann}
        )
        assert left.scalar_one() == 0
