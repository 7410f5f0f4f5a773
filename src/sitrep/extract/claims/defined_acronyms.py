"""Acronyms an article defines: "the Rapid Support Forces (RSF)", "RSF (Rapid Support
Forces)", a translated name ("Union of Iranian Communists (Sarbedaran)"); read by
``defined_names.local_names``."""

from __future__ import annotations

import re
from typing import Sequence

from ...records import Claimant
from ...lexicon.claim_rule_words import word_set
from ..claimants import ClaimantLexicon
from ..claimant_names import portfolio_ministry

_FULL_THEN_ACRONYM = re.compile(
    r"(?P<full>[A-Z][\w'’.&-]*(?:\s+(?:of|for|the|and|on|in|de|du|des|al|el|[A-Z][\w'’.&-]*)){1,11})"
    r"\s+\((?P<acr>[A-Z][A-Za-z&]{1,9}(?:-[A-Z][A-Za-z&]{1,5})?)\)")
_ACRONYM_THEN_FULL = re.compile(r"(?<![\w-])(?P<acr>[A-Z][A-Z&]{1,8})\s+\((?P<full>[A-Z][^()]{3,80}?)\)")
# The small words a run of capitalised words may have inside ("National Resistance Army of
# Yoweri Museveni"; ``defined_names._CAPITALISED_RUN``).
RUN_JOINERS = frozenset({"of", "the", "and", "for"})


def initials_fit(acronym: str, full: str) -> bool:
    """'AAA' abbreviates 'Amhara Association of America'; 'MoPH' 'Ministry of Public Health'."""
    caps = [c for c in acronym if c.isupper()]
    initials = [w[0].upper() for w in re.split(r"[\s-]+", full) if w and w[0].isalpha()]
    named = sorted(w[0] for w in re.split(r"[\s-]+", full) if w[:1].isupper())
    if len(caps) >= 3 and sorted(caps) == named:
        return True  # "National Council of Timorese Resistance (CNRT)": the initials of another language's order
    if not caps or not initials or caps[0] != initials[0]:
        return False
    it = iter(initials)
    return all(any(c == i for i in it) for c in caps)


def syllables_fit(acronym: str, full: str) -> bool:
    """'INTERFET' of 'International Force in East Timor', 'UNAMIR', 'MONUSCO': an acronym made
    of the first letters of each capitalised word in order, several of some ("INTER"-national
    "F"-orce "E"-ast "T"-imor); small words may be skipped (set BT's East Timor update)."""
    words = [w for w in re.split(r"[\s-]+", full) if w]
    acr = acronym.upper()
    if len(acr) < 4 or len(acr) <= sum(w[:1].isupper() for w in words):
        return False  # a plain acronym is ``initials_fit``'s

    def fit(a: int, w: int) -> bool:
        if a == len(acr):
            return all(not x[:1].isupper() for x in words[w:])
        if w == len(words):
            return False
        word = words[w].upper()
        if not words[w][:1].isupper():
            return fit(a, w + 1) or (word[:1] == acr[a] and fit(a + 1, w + 1))
        n = 0
        while n < len(word) and a + n < len(acr) and word[n] == acr[a + n]:
            n += 1
            if fit(a + n, w + 1):
                return True
        return False

    return fit(0, 0)


def _name_words(full: str) -> list[str]:
    """The words of a name before brackets, without an opening "The" or a possessive
    ("Lebanon's")."""
    words = [w for w in full.split() if not re.search(r"['’]s$", w)]
    return words[1:] if words and words[0] in ("The", "the") else words


def _reordered_whole(acronym: str, full: str, fitted: list[str]) -> bool:
    """'the Farabundo Marti National Liberation Front (FMLN)': the whole name's initials hold
    the acronym's letters in another order with one initial more (the Spanish name's), where
    only its tail fits in order ("Marti National Liberation Front" is no name)."""
    words = _name_words(full)
    initials = [w[0] for w in words if w[:1].isupper()]
    caps = [c for c in acronym if c.isupper()]
    return len(fitted) < len(words) and len(caps) >= 3 and set(caps) <= set(initials) \
        and len(initials) <= len(caps) + 1


def _translated(acronym: str, full: str) -> list[str]:
    """'the Guerrilla Army of the Poor (EGP)': a name translated from the language its acronym
    keeps (Ejercito Guerrillero de los Pobres) shares only some initials; the words of the
    name when at least half the acronym's letters are initials of its capitalised words."""
    words = _name_words(full)
    while len(words) > 3 and words[1] == "of" and words[0].endswith("s"):
        words = words[3:] if words[2].lower() == "the" else words[2:]  # "Guerrillas of the ...": its members
    # "Permanent Strategic Framework for the Defence of the People of Azawad (CSP-DPA)": a
    # hyphen joins two acronyms of one name (set AE's Azawad release)
    letters = set(acronym.replace("-", ""))
    initials = {w[0] for w in words if w[:1].isupper()}
    if not acronym.isupper() or not 2 <= len(acronym.replace("-", "")) <= 6 or 2 * len(letters & initials) < len(letters):
        return []
    return words


# Record nouns that may open the words before a bracketed name ("Statement of the Union ...").
_RECORD_OPENERS = word_set("record_openers")


def article_acronyms(text: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> dict[str, Claimant]:
    out: dict[str, Claimant] = {}
    for m in _FULL_THEN_ACRONYM.finditer(text):
        acr, full = m.group("acr"), m.group("full")
        words = full.split()
        # the shortest run of the last words that fits: "Lebanon’s Ministry of Public Health
        # (MoPH)" starts at Ministry, "the Information Minister of Khyber Pakhtunkhwa and the
        # Inspector General of Police (IGP)" at Inspector (set AF's Dera Ismail Khan transcript)
        fits = [k for k in range(len(words)) if initials_fit(acr, " ".join(words[k:]))] \
            or [k for k in range(len(words)) if syllables_fit(acr, " ".join(words[k:]))]
        words = words[max(fits):] if fits else []
        if len(words) < 2 or _reordered_whole(acr, full, words):
            words = _translated(acr, full)
        while len(words) > 3 and words[0].lower() in _RECORD_OPENERS and words[1].lower() in ("of", "by", "from"):
            # "Statement of the Union of Iranian Communists (Sarbedaran)": the body, not its statement (set AN)
            words = words[2:][1:] if words[2].lower() == "the" else words[2:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        if name.isupper():  # a header in capitals ("RESISTENCIA NACIONAL MOCAMBICANA (RENAMO)"): its usual case
            name = " ".join(w.lower() if w.lower() in RUN_JOINERS else w[0] + w[1:].lower() for w in words)
        who = lexicon.resolve(full, countries) or lexicon.resolve(name, countries)
        if who is not None and not who.known and countries:
            # "the Ministry of Public Health and Population (MoPHP)": the state's health ministry;
            # "the Ministry of Internal Affairs (MIA)": its interior ministry (set AZ's Belarus report)
            who = lexicon.in_country(who, portfolio_ministry(name) or name, countries[0])
        if who is None or not who.known:
            who = Claimant(name=name, kind=lexicon.guess_kind(name), as_written=name, known=True)
        out.setdefault(acr, Claimant(who.name, who.kind, acr, True))
    for m in _ACRONYM_THEN_FULL.finditer(text):
        acr, full = m.group("acr"), m.group("full").strip()
        if acr in out or not initials_fit(acr, full):
            continue
        who = lexicon.resolve(full, countries)
        if who is None or not who.known:
            who = Claimant(name=full, kind=lexicon.guess_kind(full), as_written=full, known=True)
        out[acr] = Claimant(who.name, who.kind, acr, True)
    return out
