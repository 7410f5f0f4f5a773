"""A small hand-made database for the web tests (no spaCy): three articles, one hostile.

Used by tests/test_web_*.py; written without the extraction model so the tests are fast
and their expectations exact.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sitrep.records import ActorRef, Article, Claim, Event, Extraction, Place, PlaceMention, content_id
from sitrep.store import open_db

HOSTILE_DOC = "evil"
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_URL = "javascript:alert(1)"
HOSTILE_SOURCE = '"><script>alert(2)</script>'


def _claim(doc: str, text: str, figure: str, *, quantity: str, category: str = "total",
           source: str | None = None, kind: str = "unknown", place: str | None = None,
           as_of: date | None = None) -> Claim:
    start = text.index(figure)
    s_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    s_end = text.find(".", start) + 1 or len(text)
    value = int(figure.replace(",", ""))
    return Claim(id=content_id(doc, start), doc=doc, quantity=quantity, category=category,
                 value=value, low=value, high=value, qualifier=None, source=source,
                 source_kind=kind, sentence=text[s_start:s_end], start=start,
                 end=start + len(figure), sentence_start=s_start, rule="hand-made",
                 place=place, as_of=as_of)


def _article(doc: str, text: str, **meta: object) -> Article:
    return Article(id=doc, text=text, content_hash=content_id(text, 64), **meta)  # type: ignore[arg-type]


def extractions() -> list[Extraction]:
    wire = ("Rebels entered Aleppo on Friday. The Syrian Observatory for Human Rights said 412 people "
            "had been killed in Aleppo. The UN said 50,000 people had fled their homes.")
    courier = "The army said 1,600 terrorists were killed near Hama. Fighting went on for a week."
    hostile = (f"Breaking {HOSTILE_SCRIPT} news. Officials said 7 people were killed {HOSTILE_IMG} "
               "in the blast. A monitor put the toll at 100% certain; 12 were injured.")
    aleppo = Place(name="Aleppo", lat=36.2, lon=37.16, country="SY", admin1="Aleppo")
    mention = PlaceMention(doc="wire", text="Aleppo", start=wire.index("Aleppo"),
                           end=wire.index("Aleppo") + 6, place=aleppo, precision=1, rule="hand-made")
    event = Event(id=content_id("wire", "event"), doc="wire", type="territory_change",
                  sentence="Rebels entered Aleppo on Friday.", start=7, end=14, sentence_start=0,
                  rule="hand-made", actor1=ActorRef("Hayat Tahrir al-Sham", "opposition"),
                  winner="opposition", place=mention, date=date(2024, 11, 29), date_precision="day")
    return [
        Extraction(_article("wire", wire, title="Rebels take Aleppo", outlet="Wire A",
                            published=date(2024, 12, 1), url="https://example.org/wire"),
                   claims=[_claim("wire", wire, "412", quantity="killed", kind="monitor", place="Aleppo",
                                  source="Syrian Observatory for Human Rights"),
                           _claim("wire", wire, "50,000", quantity="displaced", source="United Nations",
                                  kind="un")],
                   events=[event], places=[mention]),
        Extraction(_article("courier", courier, title="Army claims toll", outlet="Courier B",
                            published=date(2024, 12, 4)),
                   claims=[_claim("courier", courier, "1,600", quantity="killed", category="rebels",
                                  source="Syrian army", kind="government", place="Hama")]),
        Extraction(_article(HOSTILE_DOC, hostile, title=HOSTILE_SCRIPT, outlet="<b>Evil</b> Outlet",
                            published=date(2024, 12, 5), url=HOSTILE_URL),
                   claims=[_claim(HOSTILE_DOC, hostile, "7", quantity="killed", source=HOSTILE_SOURCE),
                           _claim(HOSTILE_DOC, hostile, "12", quantity="injured")]),
    ]


def build_small_db(path: Path) -> Path:
    with open_db(path) as store:
        store.write_many(extractions())
    return path
