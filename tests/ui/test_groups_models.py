"""The Groups screen's table models, checked by qtmodeltester and on their own."""

from __future__ import annotations

from PySide6.QtCore import Qt

from peerdesk.services import Services
from peerdesk.services.groups.service import RegisterCandidate
from peerdesk.ui.groups.register_model import RegisterModel
from peerdesk.ui.groups.table_models import (
    GroupsFilterProxy,
    GroupsTableModel,
    MeetingsTableModel,
    PeopleTableModel,
)
from peerdesk.ui.widgets.rows_model import ID_ROLE


def test_groups_model_and_proxy(qtmodeltester, demo_services: Services) -> None:
    rows = demo_services.groups.rows()
    model = GroupsTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    proxy = GroupsFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == len([r for r in rows if r.status != "closed"])
    proxy.set_search(rows[0].facilitators[0].upper())
    names = {proxy.index(i, 0).data() for i in range(proxy.rowCount())}
    assert rows[0].name in names
    proxy.set_search("no group is called this")
    assert proxy.rowCount() == 0
    text = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(9)]
    assert all(t and "None" not in t for t in text)


def test_meetings_model(qtmodeltester, demo_services: Services) -> None:
    group = demo_services.groups.rows()[0]
    model = MeetingsTableModel()
    model.set_rows(demo_services.groups.meeting_rows(group.id))
    qtmodeltester.check(model)
    first = model.rows()[0]
    assert model.index(0, 0).data(ID_ROLE) == first.id
    assert model.index(0, MeetingsTableModel.ATTENDED).data() == str(first.named + first.unnamed)
    assert demo_services.groups.attendance_count(first.id) == first.total


def test_people_model(qtmodeltester) -> None:
    model = PeopleTableModel(("Member", "Lately"))
    model.set_rows([(1, "Ann", "Regular"), (2, "Bob", "Not often lately")])
    qtmodeltester.check(model)
    assert model.index(1, 0).data(ID_ROLE) == 2


def test_register_model_ticks_adds_and_counts(qtmodeltester) -> None:
    model = RegisterModel()
    model.set_candidates(
        [
            RegisterCandidate(1, "Ann", is_member=True, returning=True, present=False),
            RegisterCandidate(2, "Bob", is_member=True, returning=False, present=False),
        ]
    )
    qtmodeltester.check(model)
    assert model.setData(
        model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    model.tick(3, "Cat", returning=False)
    model.add_new_person("Morag")
    model.add_new_person("morag")  # typed twice: still one Morag
    assert model.present_ids() == [1, 3]
    assert model.new_people() == ["Morag"]
    assert model.counts() == (3, 2)
    assert model.index(0, 1).data() == "Returning"
    model.set_returning({3})
    assert model.index(2, 1).data() == "Returning"
    model.remove_row(3)
    model.remove_row(0)
    assert model.new_people() == [] and model.present_ids() == [3]
    qtmodeltester.check(model)
