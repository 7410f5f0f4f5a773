"""GeoJSON: a FeatureCollection of the located events, one Point feature a line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from sitrep.publish.exports.values import json_line, row_dict, row_fields
from sitrep.records.rows import EventRow


def write_geojson(events: Iterable[EventRow], out: TextIO) -> int:
    """A FeatureCollection of Point features, one per line, written as it streams. Events
    without coordinates are left out (the count says how many went in)."""
    fields = row_fields(EventRow)
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for event in events:
        if event.lat is None or event.lon is None:
            continue
        feature = {
            "type": "Feature",
            "id": event.id,
            "geometry": {"type": "Point", "coordinates": [event.lon, event.lat]},
            "properties": row_dict(event, fields),
        }
        out.write(("" if n == 0 else ",\n") + json_line(feature))
        n += 1
    out.write("\n]}\n")
    return n
