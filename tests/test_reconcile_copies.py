"""Wire copies: a syndicated copy is found, a different story about the same events is not."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest

from sitrep.publish.exports import export_rows
from conftest import article_row
from sitrep.reconcile.copies import copy_map, find_copies
from sitrep.records.groups import copy_rows

# An invented wire story (written for this test), one sentence a line.
WIRE = [
    "Fighters of an armed coalition entered the river town of Kessab Nord on Tuesday after two days of fighting with army units.",
    "The army said its soldiers had redeployed to defensive lines south of the town to protect civilians.",
    "A monitoring group based abroad said at least 41 people were killed, among them 12 civilians, in the battle for the town.",
    "Residents reached by telephone described heavy shelling overnight and long queues of cars leaving on the southern road.",
    "The coalition's spokesman said his forces would advance on the provincial capital within days unless the army withdrew.",
    "Aid groups warned that two hospitals in the area had closed and that fuel for generators would run out by the weekend.",
    "The fighting is the most serious in the province since a ceasefire agreed four years ago collapsed last month.",
    "Neighbouring countries called for restraint and an emergency meeting of regional foreign ministers was set for Friday.",
    "Officials in the capital did not answer requests for comment on the loss of the town.",
]
# Another invented story about the same events, in another outlet's words.
OTHER = [
    "Kessab Nord changed hands on Tuesday, the latest town to fall in a fast offensive by the armed coalition.",
    "Army units pulled back to the south after what a military statement called a planned repositioning.",
    "The monitoring group put the toll at 41 dead, including a dozen civilians, after two days of battles around the town.",
    "Families fleeing south told our correspondent that shells had fallen on the market and on the school.",
    "Hospitals in the district have shut their doors and aid workers fear a shortage of fuel and medicine.",
    "Diplomats from the region will meet on Friday to discuss the crisis, which has ended a four-year truce.",
    "The government has yet to comment on the fall of the town or on the coalition's threat to march on the capital.",
]


Art = article_row  # (id, outlet, published, text)


def _wire(headline: str = "Coalition fighters take Kessab Nord", *, drop: int | None = None,
          top: str = "", bottom: str = "") -> str:
    lines = [line for i, line in enumerate(WIRE) if i != drop]
    return "\n".join(filter(None, [top, headline, *lines, bottom]))


ORIGINAL = Art("wire", "Wire Agency", date(2024, 5, 7), _wire())


@pytest.mark.parametrize(
    ("name", "text", "is_copy"),
    [
        ("same text, other headline", _wire("Armed coalition seizes river town"), True),
        ("trimmed sentence", _wire("Town falls to coalition", drop=6), True),
        ("other boilerplate", _wire("Kessab Nord falls", drop=3, top="Home | World | Opinion | Sport",
                                    bottom="Copyright Daily Planet. All rights reserved. Sign up for our newsletter."), True),
        ("top half only", "\n".join(WIRE[:5]), True),
        ("different story, same events", "\n".join(OTHER), False),
        ("one sentence shared", "\n".join(OTHER + WIRE[2:3]), False),
    ],
)
def test_reconcile_copies_found(name, text, is_copy):
    other = Art("other", "Daily Planet", date(2024, 5, 8), text)
    groups = find_copies([ORIGINAL, other])
    mapping = copy_map(groups)
    if is_copy:
        assert mapping == {"wire": "wire", "other": "wire"}, name
        (member,) = groups[0].members
        assert member.doc == "other" and member.outlet == "Daily Planet"
    else:
        assert groups == [], name


@pytest.mark.parametrize(
    ("dates", "canonical"),
    [
        ((date(2024, 5, 8), date(2024, 5, 7)), "b"),  # earliest published wins
        ((None, date(2024, 5, 7)), "b"),  # a known date beats an unknown one
        ((date(2024, 5, 7), date(2024, 5, 7)), "a"),  # same day: the longest
    ],
)
def test_reconcile_copies_canonical(dates, canonical):
    a = Art("a", None, dates[0], _wire(bottom="Additional reporting by our regional bureau staff."))
    b = Art("b", None, dates[1], _wire())
    c = Art("c", None, None, "\n".join(OTHER))
    groups = find_copies(iter([a, b, c, Art("empty", None, None, None)]))
    assert [g.canonical for g in groups] == [canonical]
    assert copy_map(groups)["a"] == copy_map(groups)["b"] == canonical
    assert "c" not in copy_map(groups)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_reconcile_copies_export(fmt):
    groups = find_copies([ORIGINAL, Art("copy", "Daily Planet", date(2024, 5, 8), _wire("Other"))])
    out = StringIO()
    assert export_rows(copy_rows(groups), out, fmt) == 2
    assert "Daily Planet" in out.getvalue()
