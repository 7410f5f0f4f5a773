"""Speakers who stand for a party: a broadcaster for its owner, a record for its issuer, "the
rebels" for the group the article names them as.

A radio a party owns speaks for it ("UNITA's radio, Vorgan, said", "the rebels' Radio Muhabura
said", a monitoring digest's "Voice of the People of Kurdistan (Kurdistan Front)"); "the radio"
and "the station" point back to the last broadcaster the article named; "the communique" to
the body that issued one, whoever spoke since. An article that names its rebels ("rebels of
the Rwandan Patriotic Front", "the rebels, who call themselves the Zapatista National
Liberation Army") means that group by "the rebels said"."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon.claim_rule_words import in_order
from ...lexicon.claim_terms import claim_words, demonym_words
from ...lexicon.patterns import alternation
from ...sentences import Sentence
from ...records import Claimant
from ..context import is_country_name
from ..entry_labels import STATION_LABEL
from ..state_bodies import state_body_index
from .context import ArticleContext

# A capitalised name of up to seven words, "of", "for" and "and" (with "the") inside it.
# A full stop only inside a word ("U.N"), so that no name runs across a sentence's end.
_WORD = r"[A-Z](?:[\w'’&-]|\.(?=\w))*"
# Words on one line: a headline above a station's label ("CIVILIANS LEAVE THE VALLEY" over
# "Radio Hanoi, in Vietnamese, 0500 GMT") is no part of its name.
_NAME = rf"{_WORD}(?:[ \t]+(?:(?:of|for|and|in)[ \t]+(?:the[ \t]+)?)?{_WORD}){{0,6}}"


@lru_cache(maxsize=1)
def _owned_rx() -> re.Pattern[str]:
    """'UNITA's radio', 'the rebels' Radio Muhabura', 'Aideed's clandestine radio station'."""
    words = claim_words()
    heads = alternation(sorted(words.broadcaster_heads, key=len, reverse=True))
    sides = alternation(words.side_group_nouns)
    return re.compile(rf"(?P<owner>(?:\b[Tt]he\s+)?(?:(?<![\w-]){_NAME}|{sides}))(?:['’]s|(?<=s)['’])\s+"
                      rf"(?:[a-z-]+\s+)?(?P<station>(?i:{heads})\b|Radio\s+[A-Z][\w-]*|[A-Z][\w-]*\s+Radio\b)")


# "Voice of the Islamic Revolution in Iraq (Supreme Council for the Islamic Revolution in Iraq)",
# "Radio 15 de Septiembre (clandestine, FDN, believed to broadcast from Honduras)": a station and,
# among the words in brackets after it, its owner.
_STATION_WORD = r"(?:[A-Z0-9][\w'’-]*|de|del|la|el|of|the|in|for)"
_OWNER_IN_BRACKETS = re.compile(
    rf"(?P<station>(?:Voice\s+of|Radio)(?:\s+{_STATION_WORD}){{1,7}}|{_NAME}\s+(?:Radio|Television|news\s+agency))"
    r"\s*\((?P<inside>[^()\n]{2,120})\)")
# A broadcaster named with no owner: "Radio Muhabura", "Republic of Iraq Radio", "IRNA news agency".
# ("Vladikavkaz radio", "Georgian television": a name before the word in lowercase too)
_NAMED_STATION = re.compile(rf"\b(?:Radio[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*|(?!(?:The|A|An|This|That|Its|Their|Our)\b){_NAME}[ \t]+(?:[Rr]adio|[Tt]elevision)\b|"
                            rf"Voice\s+of\s+(?:the\s+)?{_NAME}|[A-Z]{{2,6}}\s+news\s+agency)")


def owned_broadcaster(ctx: ArticleContext, sentence: Sentence, phrase: str) -> Claimant | None:
    """The owner of the broadcaster a subject phrase names ("UNITA's radio, Vorgan")."""
    m = _owned_rx().search(phrase)
    return _owner(ctx, sentence, m.group("owner")) if m else None


def last_broadcaster(ctx: ArticleContext, sentence: Sentence, agency: bool = False) -> Claimant | None:
    """Whom "the radio" of ``sentence`` is: the last broadcaster named before it, as its owner
    when the article gives one. For "the agency" only a news agency named since the current
    reporter spoke ("TEHRAN, IRNA news agency ... The agency said"), else the UN agency or the
    wire before it is meant (``subject_anaphora.reporter_or_last``)."""
    label = STATION_LABEL.match(sentence.text)  # "Radio Rakoczi (clandestine), 2210: The station said"
    before = ctx.article.text[:sentence.start + (label.end() if label else 0)]
    found = [(m.start(), "owned", m) for m in _owned_rx().finditer(before)]
    found += [(m.start(), "bracket", m) for m in _OWNER_IN_BRACKETS.finditer(before)]
    found += [(m.start(), "named", m) for m in _NAMED_STATION.finditer(before)]
    if not found:
        return None
    # the latest mention; of mentions at one place the one that gives an owner
    _, how, m = max(found, key=lambda f: (f[2].end(), f[1] != "named"))
    if agency:
        spoke = ctx.reporter.sentence if ctx.reporter is not None else -1
        said_since = spoke >= 0 and ctx.sentences and ctx.sentences[spoke].start > m.end()
        if "agency" not in m.group(0).lower() or said_since:
            return None
    owner = _bracket_owner(m.group("inside")) if how == "bracket" else m.groupdict().get("owner")
    if owner is None:
        from .subject_resolve import resolve_subject

        name = m.group("station") if how == "bracket" else m.group(0)
        if name.lower() in claim_words().broadcaster_anaphors:
            return None  # "the radio" again: no name to read it by
        return resolve_subject(ctx, sentence, name)
    return _owner(ctx, sentence, owner)


def _bracket_owner(inside: str) -> str | None:
    """The owner among the words in brackets after a station: the first part that is a name
    and no place ("clandestine, FDN, believed to broadcast from Honduras": FDN; "(ZAGREB)": none)."""
    from ..gazetteer import get_gazetteer

    for part in inside.split(","):
        part = part.strip()
        if re.fullmatch(_NAME, part) and not is_country_name(part) and not get_gazetteer().lookup(part):
            return part
    return None


def _owner(ctx: ArticleContext, sentence: Sentence, owner: str) -> Claimant | None:
    from .subject_resolve import resolve_subject

    return side_group_speaker(ctx, owner) or resolve_subject(ctx, sentence, owner)


# --- "the rebels" ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _group_definitions() -> tuple[re.Pattern[str], ...]:
    sides = "(?i:" + alternation(claim_words().side_group_nouns) + ")"
    return (
        # "rebels of the Tutsi-led Rwandan Patriotic Front", "fighters from the Arakan Army"
        re.compile(rf"\b{sides}\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+-led\s+)?(?P<name>{_NAME})"),
        # "The rebels, who call themselves the Zapatista National Liberation Army,"
        re.compile(rf"\b{sides},?\s+who\s+call\s+themselves\s+(?:the\s+)?(?P<name>{_NAME})"),
        # "the Strategic Framework ... (CSP), an alliance of rebel groups"
        re.compile(rf"(?P<name>{_NAME})(?:\s+\([^()]{{1,20}}\))?,\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,5}}?"
                   rf"{in_order('armed_side_adjectives')}\s+{in_order('armed_group_heads')}\b"),
    )


def _defined_group(ctx: ArticleContext) -> Claimant | None:
    """The one rebel group the article names its rebels as, if it names exactly one."""
    names: list[str] = []
    for rx in _group_definitions():
        for m in rx.finditer(ctx.article.text):
            name = re.sub(r"^(?:The|A|An)\s+", "", m.group("name")).strip()
            if len(name.split()) >= 2 and not is_country_name(name) and name.split()[-1].lower() not in demonym_words():
                names.append(name)
    # one group written in full and in short is one ("Zapatista National Liberation Army",
    # "National Liberation Army")
    groups = [n for n in names if not any(n != o and f" {n} " in f" {o} " for o in names)]
    if len(set(groups)) != 1:
        return None
    who = ctx.lexicon.resolve(groups[0], ctx.countries)
    if who is not None and who.known:
        return who
    return Claimant(name=groups[0], kind="opposition", as_written=groups[0], known=False)


def side_group_speaker(ctx: ArticleContext, phrase: str) -> Claimant | None:
    """'The rebels said', 'Mali rebels say': the group the article names its rebels as."""
    words = re.sub(r"^(?:the|The)\s+", "", phrase.strip()).split()
    if not words:
        return None
    noun = " ".join(words[1:] if len(words) > 1 and (words[0].lower() in demonym_words()
                                                    or is_country_name(words[0])) else words).lower()
    if noun not in claim_words().side_group_nouns:
        return None
    if ctx.side_group is None:
        ctx.side_group = (_defined_group(ctx),)
    return ctx.side_group[0]


def issuer_of_record(ctx: ArticleContext, sentence: Sentence, low: str) -> Claimant | None:
    """'The Defence Ministry said in a communique read on the radio ... The radio said ...
    The communique said 19 were killed': "the communique" is the one the ministry issued, not
    whoever spoke last; the claimant of the last sentence before that names such a record
    ("said in a communique", "issued today its fourth military communique")."""
    noun = low.split()[-1]
    rx = re.compile(rf"\b(?:(?:an?|the|its)\s+(?:[\w-]+\s+){{0,2}}|from\s+){re.escape(noun)}\b", re.IGNORECASE)
    for earlier in reversed(ctx.sentences[:sentence.index]):
        if rx.search(earlier.text):
            by = re.search(rf"\b{re.escape(noun)}\s+(?:issued\s+)?(?:by|of|from)\s+(?P<who>(?:the\s+)?[A-Z][^,:;.]{{2,80}}?)"
                           rf"(?=\s*[,:;.]|\s+(?:and|on|in|at|read|broadcast|{_RECORD_SAID})\b)", earlier.text)
            if by is not None:
                # "Text of an official statement by the Ministry of Home and Religious Affairs:"
                # (set AP's Burma digest): the body named with the record, whoever read it out
                from .subject_resolve import resolve_subject

                who = resolve_subject(ctx, earlier, by.group("who"))
                if who is not None:
                    return who
            # the speaker its words say issued the record ("..., Marshal Stalin announced last night
            # in an order of the day": set AT's wires), before whoever its figures were given to
            who = _resolved(ctx, earlier, _SAID_IN_RECORD, noun)
            if who is not None:
                return who
            found = ctx.attributions.get(earlier.index)
            if found:
                return found[0]
            # "Excerpts from communique issued by the Ministry of the Interior and read on the
            # radio:" (set AK's monitoring digest): the body it was issued by
            who = _resolved(ctx, earlier, _RECORD_ISSUED_BY, noun)
            if who is not None:
                return who
            # "The communique described the garrison as ...": the record named again, by no one;
            # the sentence that introduced it is further back (set BT's Tarawa wire)
    return None


# "X said in a communique", "X announced last night in an order", "X issued its fourth
# communique"; "communique issued by X" ({noun}: the record's noun).
_SAID_IN_RECORD = (r"(?:^\W*|\s[-–—]+\s+|,\s+)(?P<who>[^,]{{3,80}}?)\s+(?:(?:has|have|had)\s+)?(?:{said}\s+(?:[\w-]+\s+){{0,3}}?in|"
                   r"issued\s+(?:\w+\s+){{0,2}}?)\s*(?:an?|its|the)\s+(?:[\w-]+\s+){{0,2}}{noun}\b")
_RECORD_ISSUED_BY = r"\b{noun}\s+{issued}\s+by\s+(?P<who>[^,:;]{{3,80}}?)(?=\s+(?:and|on|in|at)\b|[,:;.]|$)"


def _resolved(ctx: ArticleContext, sentence: Sentence, pattern: str, noun: str) -> Claimant | None:
    """The claimant ``pattern`` (filled with the record's ``noun``) names in ``sentence``, or None."""
    from .subject_resolve import resolve_subject

    m = re.search(pattern.format(said=_RECORD_SAID, issued=_RECORD_ISSUED, noun=re.escape(noun)),
                  sentence.text, re.IGNORECASE)
    return resolve_subject(ctx, sentence, m.group("who")) if m is not None else None


# "X said in a statement", "communique issued by X": the issuer of a record named later.
_RECORD_SAID = in_order("record_said_verbs")
_RECORD_ISSUED = in_order("record_issuing_verbs")


# A side's word before a broadcaster's anaphor: "the rebel station", "Insurgent station" in a
# monitoring digest are the station named before (Cuba 1958, Hungary 1956 probes).
def _a_states_station(name: str) -> bool:
    """'Radio Oman', 'Radio Kabul': a station named for a state or its capital is the state's."""
    owners = state_body_index()[1]
    return any(w.lower() in owners for w in name.split())


# "The rebel radio in Aden": where a station broadcasts from is no part of it.
_STATION_SEAT = re.compile(rf"(?P<station>\s{in_order('side_station_nouns', any_space=False)})\s+(?:in|from)\s+[a-z][\w'’ -]*$")
_SIDE_OF_STATION = re.compile(rf"^(?:the\s+)?{in_order('station_sides')}\s+"
                              rf"(?={in_order('side_station_nouns', any_space=False)}$)")


# "A Communist broadcast from Pyongyang, heard here last night", "a Japanese broadcast from
# Tokyo": the radio of the city it came from (sets AR's Seoul wire and AS's Manila wire).
_BROADCAST_FROM = re.compile(r"^(?:(?:a|an|the)\s+)?(?:[A-Za-z-]+\s+){0,2}?(?:broadcast|transmission)\s+from\s+"
                             r"(?P<city>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)(?:,.*)?$")


def broadcast_from(phrase: str) -> Claimant | None:
    """The radio of the city a broadcast came from ("Pyongyang radio"), or None."""
    m = _BROADCAST_FROM.match(phrase.strip())
    return Claimant(f"{m.group('city')} radio", "media", phrase.strip(), False) if m else None


def party_speaker(ctx: ArticleContext, sentence: Sentence, phrase: str) -> Claimant | None:
    """The party a subject phrase speaks for when it is a broadcaster, a record issued before
    or "the rebels"."""
    seatless = _STATION_SEAT.sub(r"\g<station>", phrase.lower().strip())  # "The rebel radio in Aden"
    low = _SIDE_OF_STATION.sub("the ", seatless)  # "the rebel station", "Insurgent station"
    if low in claim_words().broadcaster_anaphors or low == "the agency":
        station = last_broadcaster(ctx, sentence, agency=low == "the agency")
        if low != seatless and (station is None or _a_states_station(station.name)):
            # "The rebel radio in Aden claimed" with no rebel station named before (Radio Oman
            # is the state's): the rebels speak through it (set CY's Dhofar relay)
            return side_group_speaker(ctx, "the rebels")
        return station
    if low in claim_words().record_anaphors:
        return issuer_of_record(ctx, sentence, low)
    if _STATIONS_STAFF.match(low):  # "the station's reporter in Soyapango": the station
        return last_broadcaster(ctx, sentence)
    return side_group_speaker(ctx, phrase) or owned_broadcaster(ctx, sentence, phrase) \
        or _named_owners_station(ctx, sentence, phrase) or broadcast_from(phrase)


# "the station's reporter", "the radio's correspondent in X": the station speaks through them.
_STATIONS_STAFF = re.compile(rf"^the\s+{in_order('station_nouns', any_space=False)}['’]s\s+{in_order('station_staff_nouns')}\b")
# "the FMLN station", "the Taliban radio": a party named before a broadcaster's noun.
_NAMED_OWNERS_STATION = re.compile(r"^(?:the\s+)?(?P<owner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+"
                                   rf"{in_order('station_nouns', any_space=False)}$")


def _named_owners_station(ctx: ArticleContext, sentence: Sentence, phrase: str) -> Claimant | None:
    """'The FMLN station claimed ...': the party the station is named for, when it is a body
    the article or the lexicon knows and no news outlet."""
    m = _NAMED_OWNERS_STATION.match(phrase.strip())
    if m is None or m.group("owner").lower() in demonym_words() or is_country_name(m.group("owner")):
        return None  # "Slovenian radio", "Iraqi television": a state's broadcaster, not its government
    from .subject_resolve import resolve_subject

    owner = resolve_subject(ctx, sentence, m.group("owner"))
    if owner is None or owner.kind in ("media", "unknown") or not owner.known:
        return None
    return owner
