"""ACLED mapping tables: event types, inter codes, country names."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

import pytest

from sitrep.publish.exports.acled import (
    ACLED_TERRITORY_UNKNOWN, ACLED_TYPES, acled_inter, acled_types, country_name,
)
from sitrep.records import EVENT_TYPES
from sitrep.records.rows import EventRow


def _event(type_: str, winner: str | None = None) -> EventRow:
    n_fields = len(dataclasses.fields(EventRow))
    row = EventRow(*(["x"] + [None] * (n_fields - 1)))
    row.type, row.winner, row.sentence = type_, winner, "s"
    return row


def test_export_acled_every_event_type_is_mapped() -> None:
    assert set(EVENT_TYPES) - {"territory_change"} <= set(ACLED_TYPES)


@pytest.mark.parametrize(("type_", "winner", "expected"), [
    ("territory_change", "opposition", ("Battles", "Non-state actor overtakes territory")),
    ("territory_change", "government", ("Battles", "Government regains territory")),
    ("territory_change", None, ACLED_TERRITORY_UNKNOWN),
    ("armed_clash", None, ("Battles", "Armed clash")),
    ("shelling", None, ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("withdrawal", None, ("Strategic developments", "Other")),
    ("reinforcement", None, ("Strategic developments", "Other")),
    ("siege", None, ("Strategic developments", "Other")),  # a type this table predates
])
def test_export_acled_event_types(type_: str, winner: str | None, expected: tuple[str, str]) -> None:
    assert acled_types(_event(type_, winner))[:2] == expected


@pytest.mark.parametrize(("actor_type", "side", "code"), [
    ("State Forces", None, 1), ("rebel_group", "government", 2), ("Political Militias", None, 3),
    ("identity militia", None, 4), ("Civilians", None, 7), ("External/Other Forces", None, 8),
    ("4", None, 4), (None, "government", 1), (None, "opposition", 2), (None, "foreign", 8),
    (None, "unknown", None), ("bandits", None, None),
])
def test_export_acled_inter_codes(actor_type: str | None, side: str | None, code: int | None) -> None:
    assert acled_inter(actor_type, side) == code


@pytest.mark.parametrize(("iso2", "name"), [
    ("SY", "Syria"), ("sd", "Sudan"), ("CD", "Democratic Republic of the Congo"),
    ("XX", "XX"), (None, None),
])
def test_export_acled_country_names(iso2: str | None, name: str | None) -> None:
    assert country_name(iso2) == name


def _acled_types_in(obj: object) -> set[str]:
    if isinstance(obj, dict):
        found = {obj["acled_type"]} if isinstance(obj.get("acled_type"), str) else set()
        return found.union(*(_acled_types_in(v) for v in obj.values()))
    if isinstance(obj, list):
        return set().union(*(_acled_types_in(v) for v in obj))
    return set()


def test_export_acled_actor_data_types_all_have_inter_codes() -> None:
    folder = resources.files("sitrep") / "data" / "actors"
    files = [f for f in folder.iterdir() if f.name.endswith(".json")] if folder.is_dir() else []
    if not files:
        pytest.skip("no actor data files yet")
    types = set().union(*(_acled_types_in(json.loads(f.read_text("utf-8"))) for f in files))
    assert types and all(acled_inter(t, None) is not None for t in types), types
