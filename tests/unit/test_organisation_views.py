"""The organisation's settings as screens read them: a view of the row, or the usual
settings before the organisation is set up."""

from __future__ import annotations

import dataclasses

from peerdesk.services import Services
from peerdesk.services.organisation.views import OrganisationDetails, OrganisationView


def test_before_setting_up_the_usual_settings_are_given(services: Services) -> None:
    assert services.organisation.get() is None
    details = services.organisation.details()
    assert (details.name, details.expiry_warning_days, details.supervision_weeks) == ("", 30, 8)


def test_after_saving_the_saved_settings_are_given_as_a_view(services: Services) -> None:
    chosen = dataclasses.replace(
        OrganisationDetails(name="Wick Peers"), expiry_warning_days=45, supervision_weeks=6
    )
    saved = services.organisation.save(chosen)
    assert isinstance(saved, OrganisationView)
    assert services.organisation.get() == saved
    details = services.organisation.details()
    assert details == saved.details
    assert (details.name, details.expiry_warning_days, details.supervision_weeks) == (
        "Wick Peers",
        45,
        6,
    )
    assert not saved.is_demo
