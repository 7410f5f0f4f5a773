"""Candidate place names: runs of capitalised words, joined across 'of'/'de', and the
countries an article's candidates point to (its country context)."""

from __future__ import annotations

import functools
import re
import weakref
from collections import Counter

from sitrep.extract.gazetteer.lookup import FEATURE_ORDER, Gazetteer
from sitrep.lexicon.date_words import date_words
from sitrep.lexicon.place_words import dotted_abbreviations, place_name_prefixes, place_words


# How far back (characters, within the sentence) a cue such as "the towns of"
# may sit before a name. Calibrated on Syria/Ukraine wire copy: cues sit right
# before the name or before the first item of a list.
CUE_WINDOW = 60
# Cities cited as country evidence must be this big: a mention of Hama or Goma
# says which country a story is about, a homonym hamlet of a common word does not.
CONTEXT_CITY_MIN_POPULATION = 50_000
ADMIN_FEATURES = ("admin1", "admin2", "region")


# --------------------------------------------------------------------------- candidates

# A word: letters/digits with inner hyphens or apostrophes ("al-Nasiriyah", "Ma'arrat"),
# or a dotted abbreviation ("U.S.", "D.C.", "W.Va.", "Ill.": a short capitalised word and
# its dot; a dotted word that the gazetteer does not know is read without its dot).
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}(?![^\W_])|(?:[A-Z][a-z]{0,3}\.\s?)?[A-Z][a-z]{0,4}\.(?![^\W_])"
                    r"|[^\W_]+(?:[-'’ʿʾ‘][^\W_]+)*")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    out = []
    abbreviations = dotted_abbreviations()
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[-1] == "." and not _INITIALS.fullmatch(tok) and tok.replace(" ", "") not in abbreviations:
            # "Paris." at a sentence end: the word without its dot (a two-word match splits)
            for w in _WORD.finditer(tok):
                out.append((m.start() + w.start(), m.start() + w.end(), w.group()))
            continue
        out.append((m.start(), m.end(), tok))
    return out


_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s$")
# "Britain-based", "HTS-led", "Russia-backed": a capitalised word glued to a participle.
ADJECTIVE = re.compile(r"-[a-z]+$")
ADJECTIVE_AFTER = re.compile(r"-[a-z]")
ZONE_TIME = re.compile(r"\s+time\b")
CLOCK_BEFORE = re.compile(r"(?:\d[:.h]?\d{2}|\d\s*(?:a\.?m\.?|p\.?m\.?)|\bnoon|\bmidnight)\s*$", re.IGNORECASE)
# Unknown all-capital short words are agencies and groups (IRNA, SANA, HTS);
# capitalised place names in datelines ("DUBAI") are resolved before this applies.
ACRONYM = re.compile(r"^[A-Z0-9]{2,6}$")


def _is_capitalised(token: str) -> bool:
    """'Hama', 'DUBAI', 'al-Nasiriyah' (article glued to a capitalised word)."""
    head, sep, rest = token.partition("-")
    if sep and head.lower() in place_words().articles and rest[:1].isupper():
        return True
    if token[:2] in ("d'", "d’", "l'", "l’") and token[2:3].isupper():
        return True  # "Côte d'Ivoire", "Val d'Aosta"
    return token[:1].isupper()


def capitalised_candidates(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words joined by single spaces or Arabic articles
    ("Tal al-Nasiriyah", "Jisr al Shughur", "Deir ez-Zor", "Khan Younis"),
    without leading function words ("In Hama" -> "Hama") or a possessive 's."""
    return list(_capitalised_runs(text))


@functools.lru_cache(maxsize=8)  # the country context and the mentions read the same article
def _capitalised_runs(text: str) -> tuple[tuple[int, int], ...]:
    words = place_words()
    articles, function_words, prefixes = words.articles, words.function_words, place_name_prefixes()
    type_words = words.name_type_words
    weekdays = frozenset(d.capitalize() for d in date_words().weekdays)
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        while run and run[-1][2].lower() in articles and not run[-1][2].isupper():
            run.pop()  # "Jisr al" -> "Jisr"; "US" is no article
        while run and (run[0][2].lower() in function_words or run[0][2].lower() in type_words):
            run.pop(0)  # "In Hama" -> "Hama", "Barangay Talon-Talon" -> "Talon-Talon"
        if run:
            end = run[-1][1]
            if _POSSESSIVE.search(run[-1][2]):
                end -= 2
            spans.append((run[0][0], end))
        run.clear()

    for tok_start, tok_end, tok in _tokens(text):
        first = tok[0]
        if first.isupper():
            capitalised = True
        elif first.isdigit() or ("-" not in tok and "'" not in tok and "’" not in tok):
            capitalised = False
        else:
            capitalised = _is_capitalised(tok)
        if not capitalised and not run:
            continue  # the common case: a lowercase word outside any run
        if run:
            prev = run[-1][2]
            joined = (text[run[-1][1]:tok_start] == " " and not _POSSESSIVE.search(prev)
                      and not (prev[-1] == "." and not _INITIALS.fullmatch(prev) and prev not in prefixes))
        else:
            joined = False
        if capitalised:
            if run and (not joined or tok in weekdays):
                close()  # "retook Jisr al-Shughur Thursday": a weekday is no part of a name
            run.append((tok_start, tok_end, tok))
        elif joined and tok.lower() in articles:
            run.append((tok_start, tok_end, tok))  # "Jisr al Shughur": kept, dropped again if nothing follows
        elif joined and tok.isdigit() and run[-1][2] in words.numbered_heads:
            run.append((tok_start, tok_end, tok))  # "Point 5140", "Hill 355": the number is the name's
            close()
        elif run:
            close()
    close()
    return tuple(spans)


# --------------------------------------------------------------------------- context


# Per gazetteer, the evidence of each run read so far: a pure function of the run and the
# gazetteer (which does not change once loaded), asked again for every "Sunday", "Hama" and
# "Syria" of every article (1-3 % of extraction). Emptied when full.
_EVIDENCE: weakref.WeakKeyDictionary[Gazetteer, dict[str, tuple[tuple[str, ...], bool]]] = weakref.WeakKeyDictionary()
EVIDENCE_MEMO_MAX = 50_000


def country_evidence(run: str, gazetteer: Gazetteer) -> tuple[list[str], bool]:
    """Countries a capitalised run points to, and whether the evidence is strong (see
    ``_country_evidence``)."""
    memo = _EVIDENCE.setdefault(gazetteer, {})
    found = memo.get(run)
    if found is None:
        if len(memo) >= EVIDENCE_MEMO_MAX:
            memo.clear()
        codes, strong = _country_evidence(run, gazetteer)
        found = memo[run] = (tuple(codes), strong)
    return list(found[0]), found[1]


def _country_evidence(run: str, gazetteer: Gazetteer) -> tuple[list[str], bool]:
    """Countries a capitalised run points to, and whether the evidence is strong.

    Strong: a country name or demonym ("Syria", "Syrian"), a province or state named in full
    or abbreviated ("Idlib", "Ohio", "Ky.", "Laurel County") when only one country has it.
    Weak: a big city under its own name ("Goma", "Paris"): cities share names across
    countries (Paris, Texas), so they rank a country only after the strong evidence; and
    a name that is a country here and a state there ("Georgia") is weak for both.
    """
    cc = gazetteer.country_of(run)
    stop = cc is None and gazetteer.is_stopword(run)
    cands = () if stop else gazetteer.matches(run)
    areas = {c.place.country for c in cands if c.place.country and c.main and c.match == "exact"
             and c.place.feature in ("admin1", "admin2")}
    if cc is not None:
        return ([cc, *sorted(areas - {cc})], False) if areas - {cc} else ([cc], True)
    if areas:
        # a big town of the same name elsewhere makes it no evidence ("Gaza": Mozambique's
        # province, the Palestinian city)
        towns = {c.place.country for c in cands if c.place.country and c.main and c.match == "exact"
                 and c.place.feature == "city" and c.place.population >= CONTEXT_CITY_MIN_POPULATION}
        both = areas | towns
        return (sorted(both), True) if len(both) == 1 else ([], False)  # ambiguous: no evidence
    if not stop:
        trusted = [c for c in cands if gazetteer.trusted(c)]
        cand = min(trusted, key=lambda c: (c.match != "exact", FEATURE_ORDER.get(c.place.feature, 9),
                                           -c.place.population), default=None)
        # Cities count only under their own name ("Goma", not "Key" as an alternate of Kericho).
        if cand and cand.place.country and (cand.place.feature != "city"
                                            or (cand.main and cand.place.population >= CONTEXT_CITY_MIN_POPULATION)):
            return [cand.place.country], cand.place.feature != "city"
    return [c for t in run.split() if (c := gazetteer.country_of(t))], True


def country_context(text: str, gazetteer: Gazetteer) -> list[str]:
    """ISO2 codes of the countries an article is about: those with the most strong evidence
    (country names, demonyms, provinces and states) first, then those only big cities
    point to (see ``country_evidence``)."""
    strong: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for start, end in capitalised_candidates(text):
        codes, is_strong = country_evidence(text[start:end], gazetteer)
        for code in codes:
            (strong if is_strong else weak)[code] += 1
            first_seen.setdefault(code, start)
    return sorted(first_seen, key=lambda c: (-strong[c], -weak[c], first_seen[c]))

# Words inside a place's name, joined only when the whole name is in the gazetteer ("Santiago
# de Cuba", "San Cristobal de las Casas", "Bosnia and Herzegovina").
_NAME_JOINERS = re.compile(r"^(?: of the | of | and the | and | de las | de los | de la | de | del | da | do | dos "
                           r"| das | d['’](?=[A-Z]))")


# Joiners inside Spanish and Portuguese names: the parts are never two places in English text.
_ROMANCE_JOINER = re.compile(r"^ (?:de las|de los|de la|del|de|da|do|dos|das) $")


def _building_of_name(text: str, head: tuple[int, int], rest: tuple[int, int], joiner: str,
                      gazetteer: Gazetteer) -> bool:
    """'Palace of Justice', 'Tomb of the Unknown Soldier', 'House of Government': a building
    whose name goes on after 'of' (place_words ``of_name_heads``) is one name, unless what
    follows is a known place ('the Coptic Orthodox Church of Alexandria', 'the Science
    Museum of Virginia': the place stays a place)."""
    if joiner not in (" of ", " of the ") or text[head[0]:head[1]].rsplit(" ", 1)[-1] not in place_words().of_name_heads:
        return False
    return not _known_place(text[rest[0]:rest[1]], gazetteer)


def _known_place(name: str, gazetteer: Gazetteer) -> bool:
    """A country, a province or a big town under its own name (the country context's test
    of a city: a hamlet called Justice is no reason to split 'Palace of Justice')."""
    if gazetteer.country_of(name):
        return True
    return any(c.main and c.match == "exact" and (c.place.feature != "city"
                                                  or c.place.population >= CONTEXT_CITY_MIN_POPULATION)
               for c in gazetteer.matches(name))


def join_names(text: str, runs: list[tuple[int, int]], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        while i + 1 < len(runs) and (m := _NAME_JOINERS.match(text[end:runs[i + 1][0]] + "\0")) is not None \
                and end + m.end() == runs[i + 1][0]:
            whole = text[start:runs[i + 1][1]]
            if not _ROMANCE_JOINER.match(m.group(0)) and not _building_of_name(text, (start, end), runs[i + 1], m.group(0), gazetteer) \
                    and not any(c.main and c.match == "exact" for c in gazetteer.matches(whole)):
                break  # "Gaza and Rafah" are two places; "San Juan del Norte" is one, known or not
            end = runs[i + 1][1]
            i += 1
        out.append((start, end))
        i += 1
    return out
