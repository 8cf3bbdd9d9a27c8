"""Referral letters (issue 19 point 4): pre-filled from a referral, to the person or to the
referrer, normal and large print, read back; a letter to a referrer is sharing and needs the
person's consent to share with that organisation."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.cli.main import main
from peerdesk.data.database import open_database
from peerdesk.errors import ValidationError
from peerdesk.forms.catalogue import render
from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.organisation.views import OrganisationDetails
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY
from tests.unit.forms.pdftext import normalise, pages_text

REASON = "We cover Caithness only, and Ms Gunn lives in Inverness"
SIGNPOSTED = "Highland Breathe Easy group, Inverness"
RISK = "Has said she sometimes feels unsafe at home"
HOPES = "To talk with someone who has COPD too"
CONDITION = "Chronic obstructive pulmonary disease"


class Records:
    """A small database on disk: one organisation, one person, two referrals."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "records.db"
        self.database = open_database(self.path, backup_dir=folder / "backups", lock=False)
        self.services = Services(self.database, today=lambda: TODAY)
        s = self.services
        s.organisation.save(
            OrganisationDetails(
                name="Caithness Peer Support",
                address="Unit 4, The Old School\nHigh Street, Wick",
                postcode="KW1 4AB",
                phone="01955 600 100",
                email="hello@caithness-peers.example",
                coordinator_name="Fiona Mackenzie",
            )
        )
        person = s.people.add(
            PersonDetails(
                first_name="Eilidh",
                last_name="Gunn",
                address="12 Harbour Road\nInverness",
                postcode="IV1 1AA",
            )
        )
        self.person_id = person.id or 0
        received = TODAY - timedelta(days=20)
        referral = s.referrals.start(
            self.person_id,
            ReferralDetails(
                referral_date=received,
                source="gp",
                referrer_name="Dr Ruth Campbell",
                referrer_organisation="Riverside Medical Practice",
                referrer_contact="ruth.campbell@nhs.example",
                person_agreed=True,
                risks=RISK,
                hopes=HOPES,
                cared_for_condition=CONDITION,
            ),
        )
        self.referral_id = referral.id
        s.referrals.assess(self.referral_id, received + timedelta(days=5))
        s.referrals.not_taken_forward(
            self.referral_id, REASON, received + timedelta(days=10), signposted_to=SIGNPOSTED
        )

    def agree_to_sharing(self, organisation: str) -> None:
        self.services.consents.record(
            self.person_id,
            ConsentEntry(
                kind="sharing",
                given_on=TODAY - timedelta(days=1),
                method="verbal",
                recorded_by="Fiona Mackenzie",
                third_party=organisation,
            ),
        )


@pytest.fixture
def records(tmp_path: Path) -> Iterator[Records]:
    built = Records(tmp_path)
    try:
        yield built
    finally:
        built.database.close()


def text_of(pdf: bytes) -> str:
    return normalise(" ".join(pages_text(pdf)))


def body_sizes(pdf: bytes) -> set[float]:
    sizes: set[float] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        content = page.get_contents().get_data().decode("latin-1")
        sizes |= {float(s) for s in re.findall(r"/F\S+ ([\d.]+) Tf", content)}
    return sizes


def test_outcome_to_the_person_gives_the_reason_and_the_signposting(records: Records) -> None:
    pdf = records.services.printing.render("referral-outcome", "referral", records.referral_id)
    text = text_of(pdf)
    assert "Eilidh Gunn" in text and "12 Harbour Road" in text and "IV1 1AA" in text
    assert "Dear Eilidh," in text
    assert normalise(REASON) in text
    assert normalise(SIGNPOSTED) in text
    assert "not able to offer you peer mentoring" in text
    # Header from Settings, footer with the form's name, version and confidentiality.
    assert "Caithness Peer Support" in text and "KW1 4AB" in text
    assert "Referral outcome · version 1" in text
    assert "Confidential when completed" in text
    assert "Fiona Mackenzie" in text and "01955 600 100" in text
    # Data minimisation: nothing clinical, no risks, nothing about the referrer's note.
    for kept_out in (RISK, HOPES, CONDITION, "Riverside"):
        assert normalise(kept_out) not in text, kept_out


def test_large_print_letters_are_16_point_or_more(records: Records) -> None:
    for name in ("referral-acknowledgement", "referral-outcome"):
        pdf = records.services.printing.render(
            name, "referral", records.referral_id, large_print=True
        )
        assert "Eilidh Gunn" in text_of(pdf)
        # Everything but the footer line (13 pt) is 16 pt or more.
        assert min(body_sizes(pdf) - {13.0}) >= 16, sorted(body_sizes(pdf))
        normal = records.services.printing.render(name, "referral", records.referral_id)
        assert min(body_sizes(normal)) < 16  # so the check above measures large print


def test_acknowledgement_says_what_happens_next_and_who_to_contact(records: Records) -> None:
    text = text_of(
        records.services.printing.render(
            "referral-acknowledgement", "referral", records.referral_id
        )
    )
    received = TODAY - timedelta(days=20)
    assert f"{received.day} {received:%B %Y}" in text
    assert "What happens next" in text and "Who to contact" in text
    assert "first conversation" in text
    assert "hello@caithness-peers.example" in text
    assert normalise(REASON) not in text  # the decision belongs to the outcome letter


def test_a_letter_to_the_referrer_needs_consent_to_share(
    records: Records, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "letter.pdf"
    arguments = ["--db", str(records.path), "form", "referral-outcome"]
    arguments += ["--referral", str(records.referral_id), "--to", "referrer", "--out", str(out)]
    assert main(arguments) == 2
    message = normalise(capsys.readouterr().err)
    assert "no current consent to share information with Riverside Medical Practice" in message
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(("letter", "."))] == []

    # Consent to share with another organisation is not consent to share with this one.
    records.agree_to_sharing("Highland Carers Centre")
    assert main(arguments) == 2
    assert "only with Highland Carers Centre" in normalise(capsys.readouterr().err)
    assert not out.exists()

    records.agree_to_sharing("Riverside  medical practice")
    assert main(arguments) == 0
    text = text_of(out.read_bytes())
    assert "Dr Ruth Campbell" in text and "Riverside Medical Practice" in text
    assert "Dear Dr Ruth Campbell," in text and "About: Eilidh Gunn" in text
    assert normalise(REASON) in text and normalise(SIGNPOSTED) in text
    assert "12 Harbour Road" not in text  # the person's address stays with the person
    for kept_out in (RISK, HOPES, CONDITION):
        assert normalise(kept_out) not in text, kept_out


def test_the_cli_writes_to_the_person_by_default(records: Records, tmp_path: Path) -> None:
    out = tmp_path / "ack.pdf"
    arguments = ["--db", str(records.path), "form", "referral-acknowledgement"]
    assert main([*arguments, "--referral", str(records.referral_id), "--out", str(out)]) == 0
    text = text_of(out.read_bytes())
    assert "Dear Eilidh," in text and "12 Harbour Road" in text


def test_refusals_are_plain(records: Records) -> None:
    printing = records.services.printing
    other = records.services.people.add(PersonDetails(first_name="Calum", last_name="Bain"))
    received = records.services.referrals.start(
        other.id or 0,
        ReferralDetails(referral_date=TODAY - timedelta(days=2), source="self"),
    )
    with pytest.raises(ValidationError, match="outcome letter is for a referral that has been"):
        printing.render("referral-outcome", "referral", received.id)
    with pytest.raises(ValidationError, match="referred themselves"):
        printing.render("referral-acknowledgement", "referral", received.id, to="referrer")
    with pytest.raises(ValidationError, match="Only the referral letters"):
        printing.render("session-log", "pairing", 1, to="referrer")


def test_blank_letters_leave_room_to_write(tmp_path: Path) -> None:
    for name in ("referral-acknowledgement", "referral-outcome"):
        text = text_of(render(name, None))
        assert "To" in text and "Address" in text and "Who to contact" in text
        assert not {"None", "null"} & set(text.split())
    assert "We can offer peer mentoring" in text_of(render("referral-outcome", None))


def test_the_forms_list_offers_the_letters_for_a_referral(records: Records) -> None:
    names = {form.name for form in records.services.printing.forms("referral")}
    assert names == {"referral-acknowledgement", "referral-outcome"}
    choices = records.services.printing.subjects("referral")
    assert [c.id for c in choices] == [records.referral_id]
    assert "Eilidh Gunn" in choices[0].label and "Not taken forward" in choices[0].label
