"""GeoNames dump import: villages missing from cities500 become resolvable."""

import zipfile

import pytest

from sitrep.extract.gazetteer import extra_db_path, import_geonames
from sitrep.extract.gazetteer.lookup import Gazetteer

# Made-up places in GeoNames dump format (19 tab-separated columns).
_ROWS = [
    ["99000001", "Qaryat Zaytunah", "Qaryat Zaytunah", "Zaytouneh,Zeitouneh,زيتونة", "35.30", "36.70",
     "P", "PPL", "SY", "", "10", "", "", "", "0", "", "300", "Asia/Damascus", "2024-01-01"],
    ["99000002", "Tall Bardawil", "Tall Bardawil", "Tell Bardaouil", "35.35", "36.72",
     "P", "PPL", "SY", "", "10", "", "", "", "120", "", "310", "Asia/Damascus", "2024-01-01"],
    ["99000003", "Jabal Bardawil", "Jabal Bardawil", "", "35.36", "36.73",  # a mountain: dropped
     "T", "MT", "SY", "", "10", "", "", "", "0", "", "600", "Asia/Damascus", "2024-01-01"],
    ["99000004", "Muhafazat Zaytun", "Muhafazat Zaytun", "Zaytun Governorate", "35.0", "37.0",
     "A", "ADM1", "ZZ", "", "01", "", "", "", "0", "", "0", "", "2024-01-01"],
    ["99000005", "Kafr Zaytun", "Kafr Zaytun", "", "35.01", "37.01",
     "P", "PPL", "ZZ", "", "01", "", "", "", "900", "", "0", "", "2024-01-01"],
]


def _dump(path):
    path.write_text("".join("\t".join(r) + "\n" for r in _ROWS), encoding="utf-8")
    return path


@pytest.fixture
def gazetteer_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_GAZETTEER_DIR", str(tmp_path / "store"))
    return tmp_path


@pytest.mark.parametrize("zipped", [False, True])
def test_gazetteer_import_plain_and_zipped(gazetteer_dir, zipped):
    dump = _dump(gazetteer_dir / "SY.txt")
    if zipped:
        archive = gazetteer_dir / "SY.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            zf.writestr("readme.txt", "not data")
            zf.write(dump, "SY.txt")
        dump.unlink()
        dump = archive
    assert import_geonames(dump) == 4  # the mountain is not a populated place or admin area
    assert extra_db_path().exists()
    gaz = Gazetteer()
    village = gaz.resolve("Zeitouneh", context_countries=["SY"])
    assert village is not None
    assert (village.geonameid, village.country, village.admin1) == (99000001, "SY", "Hama")
    assert gaz.resolve("Tell Bardaouil", context_countries=["SY"]).geonameid == 99000002
    assert gaz.resolve("Jabal Bardawil", context_countries=["SY"]) is None


def test_gazetteer_import_reimport_and_admin_names(gazetteer_dir):
    dump = _dump(gazetteer_dir / "ZZ.txt")
    import_geonames(dump)
    assert import_geonames(dump) == 4  # same ids: replaced, not duplicated
    gaz = Gazetteer()
    assert len([p for p in gaz.lookup("Kafr Zaytun") if p.geonameid == 99000005]) == 1
    # An imported ADM1 row names the province of places in a country admin1.json lacks.
    assert gaz.resolve("Kafr Zaytun", context_countries=["ZZ"]).admin1 == "Muhafazat Zaytun"


def test_gazetteer_import_without_store_finds_nothing(gazetteer_dir):
    assert Gazetteer().resolve("Zeitouneh", context_countries=["SY"]) is None
