"""When an extracted claim is the gold's: values, vague bands, claimant names, places."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..extract.claimants import ClaimantLexicon
from ..extract.numbers import VAGUE_BANDS
from ..lexicon.loader import read_json
from ..records.rows import ClaimRow
from .gold import GoldClaim

SIDE_SOURCES = {"opposition", "government"}
# The bands a vague gold amount matches in (docs/contract.md: "dozens 24-99, scores 40-99,
# hundreds 100-999 ... likewise"); Sitrep's own low/high for such words (numbers.VAGUE_BANDS)
# read the plural as at least two of the unit, which lies inside these.
MATCH_BANDS: dict[str, tuple[int, int | None]] = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (100, 999), "thousands": (1_000, 9_999),
    "tens of thousands": (10_000, 99_999), "hundreds of thousands": (100_000, 999_999),
    "millions": (1_000_000, None),
}
# A claimant name inside a longer one counts as the same claimant when the longer adds at
# most this many words (titles, roles, a demonym: "Yemeni Mayyun Organization for Human
# Rights", "Nagorno-Karabakh human rights ombudsman Gegham Stepanyan"). Set on the seeds
# and the bundled sample, where no two different claimants nest within four words.
MAX_EXTRA_NAME_WORDS = 4


# --- matching rules ------------------------------------------------------------------------

def value_matches(gold: GoldClaim, pred: ClaimRow) -> bool:
    if gold.value is not None:
        return pred.value == gold.value
    if gold.low is not None and gold.high is not None:  # a range: "10,000 to 40,000"
        return (pred.low, pred.high) == (gold.low, gold.high)
    band = MATCH_BANDS.get((gold.qualifier or "").lower()) or VAGUE_BANDS.get((gold.qualifier or "").lower())
    if band is None:
        return pred.value is None
    lo, hi = band
    hi = hi if hi is not None else 10 ** 12
    if pred.value is not None:
        return lo <= pred.value <= hi
    return any(b is not None and lo <= b <= hi for b in (pred.low, pred.high))


_NAME_ARTICLES = re.compile(r"^(?:the|a|an)\s+")
_MINISTRY_OF = re.compile(r"\bministry of (?:public )?(\w+)\b")
_SPELLINGS = {"defense": "defence", "centre": "center", "organisation": "organization"}
# A state's armed force under its usual names: army, military, armed forces, defence forces.
_STATE_FORCE = re.compile(r"^(.+?)\s+(?:army|military|armed forces|defence forces?|national army)$")


@lru_cache(maxsize=1)
def _demonym_countries() -> dict[str, str]:
    """Lowercased country names and demonyms -> ISO2 (so "Azerbaijani government" and
    "Azerbaijan" name the same state)."""
    from ..extract.gazetteer import get_gazetteer

    data = read_json("gazetteer", "countries.json")
    out: dict[str, str] = {}
    for cc, words in data.get("demonyms", {}).items():
        for w in words:
            out[w.lower()] = cc
    for cc, names in data.get("names", {}).items():
        for n in names:
            out[n.lower()] = cc
    for cc, name in get_gazetteer().country_names.items():
        out.setdefault(name.lower(), cc)
    return out


def name_key(name: str) -> str:
    """A claimant name folded for comparison: accents, case, articles, possessives,
    "Ministry of Health" -> "health ministry", a state's government -> its country."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    text = " ".join(_SPELLINGS.get(w, w) for w in text.split())
    text = _NAME_ARTICLES.sub("", text)
    text = _MINISTRY_OF.sub(lambda m: f"{m.group(1)} ministry", text)
    places = _demonym_countries()
    bare = re.sub(r"\s+(?:government|authorities)$", "", text)
    if bare in places:
        return "state:" + places[bare]
    # "American Embassy" and "United States Embassy", "unnamed Australian staff officer": a
    # state's body or people, the state written either way (sets BU and BT)
    words, out, k = text.split(), [], 0
    while k < len(words):
        n = next((n for n in (3, 2, 1) if k + n <= len(words) and " ".join(words[k:k + n]) in places), 0)
        out.append("state:" + places[" ".join(words[k:k + n])] if n else words[k])
        k += n or 1
    return " ".join(out)


def _state_force(name: str) -> str | None:
    """The state whose armed force a name is ("Kenyan army", "Kenya Defence Forces": KE)."""
    force = _STATE_FORCE.match(name_key(name))
    if force is None:
        return None
    state = force.group(1)
    return state[len("state:"):] if state.startswith("state:") else _demonym_countries().get(state)


def _words(key: str) -> list[str]:
    return key.replace("-", " ").split()


def _nested(a: str, b: str) -> bool:
    """One name's words inside the other's, the longer adding a few words and no second
    party ("diplomatic source and a Yemeni NGO" is two claimants, not one)."""
    wa, wb = _words(a), _words(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not short or len(long_) - len(short) > MAX_EXTRA_NAME_WORDS:
        return False
    if len(short) == 1 and (len(short[0]) < 4 or short[0].startswith("state:")):
        return False  # a state alone is its government, no body of it ("Israel Defense Forces")
    n = len(short)
    # an "and" of the shorter name is its own ("National Security and Defence Council"); one
    # among the longer's extra words joins a second party
    return any(long_[i:i + n] == short and "and" not in long_[:i] + long_[i + n:] for i in range(len(long_) - n + 1))


def same_claimant(gold_source: str | None, pred_source: str | None, pred_kind: str,
                  lex: ClaimantLexicon) -> bool:
    if gold_source is None or pred_source is None:
        return gold_source is None and pred_source is None
    if gold_source.lower() in SIDE_SOURCES and pred_kind == gold_source.lower():
        return True
    # Each name read in the other's war: "Palestinian Health Ministry" is a name the Gaza
    # Health Ministry goes by in Gaza stories.
    p0, g0 = lex.canonical(pred_source) or pred_source, lex.canonical(gold_source) or gold_source
    p = lex.canonical(pred_source, lex.countries_of(g0)) or p0
    g = lex.canonical(gold_source, lex.countries_of(p0)) or g0
    # A UN agency's figure is the UN's: OCHA matches a gold "United Nations" (and back).
    g_line = {name_key(n) for n in lex.lineage(g)}
    p_line = {name_key(n) for n in lex.lineage(p)}
    if g_line & p_line:
        return True
    if _state_force(g) is not None and _state_force(g) == _state_force(p):
        return True  # a state's army, military and armed forces are one body
    return _nested(name_key(g), name_key(p)) or _nested(name_key(gold_source), name_key(pred_source))


def place_key(name: str | None) -> str:
    """Place names compared across spellings: diacritics, al-/el- articles, a possessive
    ("Kidal's airport"), a final -h."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’]s\b", "", text)  # "Bujumbura's international airport" is Bujumbura international airport
    for article in ("al-", "el-", "ad-", "ar-", "as-", "at-", "az-", "an-"):
        text = text.replace(article, "")
    key = "".join(ch for ch in text if ch.isalnum())
    return key[:-1] if key.endswith("h") and len(key) > 3 else key


def claim_key(p: ClaimRow) -> tuple:
    """A figure stated twice in an article ("at least 45" and "45") is one claim."""
    return (p.doc, p.quantity, p.category) + ((p.value,) if p.value is not None else (None, p.low, p.high))


def show_value(p: ClaimRow) -> str:
    if p.value is not None:
        return str(p.value)
    return f"{p.low}-{p.high}" if p.low != p.high else str(p.low)


def rule_of(p: ClaimRow) -> str:
    return p.rule or "?"


