"""Demo people: names, contact details, conditions, availability and consents."""

from __future__ import annotations

from datetime import date, timedelta

from peerdesk.data.models import (
    Availability,
    Consent,
    MeetingModePreference,
    Person,
    PersonCondition,
)
from peerdesk.services.demo import vocabulary as vocab
from peerdesk.services.demo.state import BuilderState
from peerdesk.vocabulary import (
    ConditionLink,
    ConsentKind,
    MeetingMode,
    PartOfDay,
    Weekday,
)


class PeopleRows(BuilderState):
    def person(self, role_date: date, *, age_range: tuple[int, int] = (18, 85)) -> Person:
        rng = self.rng
        if self.name_index < len(vocab.FEATURED_PEOPLE):
            first, last = vocab.FEATURED_PEOPLE[self.name_index]
        else:
            first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
        self.name_index += 1
        area = rng.choice(vocab.AREAS)
        stem = rng.choice(vocab.POSTCODE_STEMS[area])
        postcode = (
            f"{stem} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
            f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        )
        age = rng.randint(*age_range)
        dob = self.today - timedelta(days=age * 365 + rng.randint(0, 364))
        person_id = self.ids("person")
        ascii_first = "".join(ch for ch in first.lower() if ch.isascii() and ch.isalpha())
        person = Person(
            id=person_id,
            first_name=first,
            last_name=last,
            date_of_birth=dob if self.chance(0.9) else None,
            gender=rng.choice(["woman", "woman", "man", "man", "non_binary", "prefer_not_to_say"])
            if self.chance(0.92)
            else None,
            ethnicity=rng.choice(vocab.ETHNICITIES) if self.chance(0.85) else None,
            disability=rng.choice(["yes", "yes", "no", "prefer_not_to_say"])
            if self.chance(0.8)
            else None,
            area=area,
            postcode=postcode,
            address=f"{rng.randint(1, 120)} {rng.choice(vocab.STREETS)}",
            phone=f"07700 9{rng.randint(0, 99999):05d}",
            email=f"{ascii_first or 'person'}{person_id}@example.org",
            languages=rng.choice(
                [
                    "English",
                    "English",
                    "English, Polish",
                    "English, Arabic",
                    "English, Gaelic",
                    "English, Mandarin",
                ]
            ),
            needs_large_print=self.chance(0.08),
            energy_needs=rng.choice(
                ["", "", "Short sessions (45 minutes)", "Mornings are better", "Needs rest breaks"]
            ),
            access_needs=rng.choice(["", "", "", "Ground floor only", "Hearing loop helps"]),
        )
        self.add(person, "people")
        return person

    def conditions(self, person_id: int, link: ConditionLink, count: int) -> list[str]:
        names = self.rng.sample(vocab.CONDITIONS, count)
        for name in names:
            self.put(
                PersonCondition,
                person_id=person_id,
                condition_id=self.condition_ids[name],
                link=link,
            )
        return names

    def availability(self, person_id: int) -> None:
        slots = {
            (self.rng.choice(list(Weekday)[:6]), self.rng.choice(list(PartOfDay)))
            for _ in range(self.rng.randint(2, 5))
        }
        for day, part in sorted(slots):
            self.put(Availability, person_id=person_id, weekday=day, part_of_day=part)
        modes = self.rng.sample(list(MeetingMode), self.rng.randint(1, 3))
        for mode in sorted(modes):
            self.put(MeetingModePreference, person_id=person_id, mode=mode)

    def consent(
        self,
        person_id: int,
        kind: ConsentKind,
        given_on: date,
        *,
        third_party: str = "",
        withdraw_chance: float = 0.0,
        review_years: int | None = None,
    ) -> None:
        review_on = None
        if review_years is not None:
            review_on = given_on + timedelta(days=365 * review_years)
        withdrawn = None
        if withdraw_chance and self.chance(withdraw_chance):
            withdrawn = self.day_between(given_on, self.today)
        self.put(
            Consent,
            "consents",
            id=self.ids("consent"),
            person_id=person_id,
            kind=kind,
            wording_id=self.wording_ids[kind.value],
            agreed=True,
            third_party=third_party,
            purpose="Joint support planning" if third_party else "",
            given_on=given_on,
            method="signed_form",
            recorded_by="Coordinator (demo)",
            evidence_reference=f"F{person_id:05d}-{kind.value[:3].upper()}",
            review_on=review_on,
            withdrawn_on=withdrawn,
            withdrawal_method="email" if withdrawn else None,
        )

    # -- mentors -------------------------------------------------------------------------
