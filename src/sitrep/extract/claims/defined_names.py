"""Names an article defines for itself: an acronym after a full name ('the Rapid Support
Forces (RSF)', read in ``defined_acronyms``), a person after a title ('Health Minister Firass Abiad'), a person and their
role ('Ahmad Yazji, a volunteer with ...'). Later mentions resolve to them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ...records import Claimant
from ...lexicon.patterns import CAPITALS, alternation, trie_pattern
from ..claimants import ClaimantLexicon
from ..name_text import name_after_title
from ..state_bodies import names_a_region
from ...lexicon.claim_rule_words import in_order
from ...lexicon.date_words import date_words
from ...lexicon.attribution_terms import say_forms
from ...lexicon.claim_terms import claim_words, load_attribution_terms, person_role_words, rank_prefix
from .context import ArticleContext
from .defined_acronyms import RUN_JOINERS, article_acronyms, initials_fit
from .person_offices import PLACE_OFFICES, SPOKESPEOPLE, register_person


# Words that may not be someone's surname when registering a person ("Mr Said").
_NAME_STOP = claim_words().name_stop


# --- names the article defines --------------------------------------------------------------

# Words of a name are on one line: a heading in capitals is no first name of the line under it
# ("SITUATION OVERVIEW\nTukaraq, a small town ..." was a person).
# (middle initials too: "Defense Secretary Fidel V. Ramos", "Robert S. McNamara")
_NAME = (rf"[{CAPITALS}][\w'’]+(?:-[{CAPITALS}]?[\w'’]+)?(?:[ \t]+[{CAPITALS}]\.){{0,2}}(?:[ \t]+(?:(?:al|el|bin|ibn|abu|de|van|von|da|dos|ole|arap|wa)[ \t-])?"
         rf"[{CAPITALS}][\w'’]+(?:-[{CAPITALS}]?[\w'’]+)?){{1,3}}")


def _title_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(load_attribution_terms().title_words)})(?![\w-])", re.IGNORECASE)


# What may follow a title: "... for Houthis," and the name ("Health Minister Firas Abiad",
# "the group's military spokesman, Yahya Saree,"); the body after "for the" is more than its
# article ("The spokesman for the Popular Mobilisation, Karim al-Nuri").
# "..., an army spokesman in Srinagar, Lieutenant Colonel X": a place where the holder sits and
# ranks ("Lt. Gen.") may stand between the title and the name.
# (The "of" phrase ends with its sentence: "The Ministry of Justice gave lower figures. Minister
# Hikmet Sami Turk stated" holds no office "of Justice gave lower figures."; set AN.)
# Nor does it run past a speech verb ("The Georgian Ministry of Health told Helsinki Watch
# that": no minister called Helsinki Watch; set AT's report).
_SPEECH = alternation(sorted(say_forms() - load_attribution_terms().say_lemmas), any_space=False)  # not "state", "count"
_AFTER_TITLE = re.compile(rf"(?:\s+(?P<prep>for|of)\s+(?P<of>(?:(?:the|a|an)\s+)?(?!(?:the|a|an)\s)[^,\s]"
                          rf"(?:(?![.;:]\s|\s{_SPEECH}\b)[^,]){{1,39}}?))?"
                          rf"(?P<where>\s+(?:in|at)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?(?P<comma>,)?\s+"
                          rf"(?:(?:{'|'.join(re.escape(r) for r in claim_words().ranks)})\.?\s+)*(?P<name>{_NAME})\b")
# "the FDS spokesperson for the Northern Operational Theatre, Colonel Chongo Vidigal,": a body
# of capitalised words after "for", then the holder set off by a comma (the lazy "of" above
# would stop inside the body's name and take its last words for a person; set BI's AIM item).
# Only "for": "the director-general of the Defence Media Operations, Musa Danmadami" stays the
# person the title's own "of" introduces.
_AFTER_TITLE_BODY_COMMA = re.compile(rf"\s+(?P<prep>for)\s+(?P<of>(?:(?:the|a|an)\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+|and\s+)?(?:the\s+)?"
                                     rf"[A-Z][\w'’-]*){{1,5}})(?P<where>)(?P<comma>,)\s+"
                                     rf"(?:(?:{'|'.join(re.escape(r) for r in claim_words().ranks)})\.?\s+)*(?P<name>{_NAME})\b")
# Words before a title that may qualify it ("Lebanese Health Minister"): this many at most.
MAX_TITLE_QUALIFIERS = 5


# "Mohammed Alaloul, 37, a journalist working for ...", "Yahya Saree, the Houthi military spokesman",
# "Ahmad Yazji, a volunteer with ...", "Nabil Abdallah, spokesman for the Sudanese army," (a
# spokesman's title needs no article before "for/of").
_NAME_THEN_ROLE = re.compile(rf"(?P<name>{_NAME}),\s+(?:\d{{1,3}},\s+)?(?:(?:a|an|the)\s+|"
                             rf"(?={alternation(load_attribution_terms().spokes_titles + tuple(sorted(PLACE_OFFICES)) + tuple(sorted(claim_words().positions)))}\s+(?:for|of)\s)|"
                             rf"(?P<heads>who\s+{in_order('heading_verbs')}\s+))"
                             r"(?P<role>[^,.;:“”\"\n]{3,90})")


_TITLE_RX: list[re.Pattern[str]] = []
# Titles whose holder speaks for a body (the office), as opposed to personal roles
# ("surgeon Kamal Adam" speaks for himself).
_OFFICE_TITLES = claim_words().office_titles
_RANK = rank_prefix()
_PRE_STOP = re.compile(rf"^(?:the|a|an|and|{in_order('pre_name_stops')}|by|to|with|at|on|in|as|according|that|while|when|"
                       r"whom|who)$", re.IGNORECASE)


def _joins_a_name(pre: list[str], i: int, kept: list[str]) -> bool:
    """Whether ``pre[i]`` ("of", "the") joins capitalised words of one body's name before a
    title ("Armed Forces of the Philippines spokesman": set CO's Zamboanga blog)."""
    w = pre[i].lower()
    if w not in ("of", "the") or not kept or not kept[0][:1].isupper():
        return False
    left = pre[i - 1] if i > 0 else ""
    if w == "the":
        return left.lower() == "of" and i > 1 and pre[i - 2][:1].isupper()
    return left[:1].isupper() and not left.endswith((",", ".", ";", ":", ")"))


def _names_a_state(name: str) -> bool:
    """Whether a name after a title is a state's or a body's, not a person's ("Sahrawi Arab
    Democratic Republic" after "Ministry of Defence of the"): ``state_name_ends``, body heads."""
    last = name.split()[-1].lower()
    return last in claim_words().state_name_ends or last in load_attribution_terms().neuter_heads


def _one_body_name(of: str, name: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> bool:
    """Whether the words after a title's "of" and the name after them are one body's name the
    lexicon knows ("of Iran Human Rights", not "of Iraq Mustafa al-Kadhimi")."""
    whole = lexicon.resolve(f"{of} {name}", countries)
    if whole is None or not whole.known or not whole.as_written:
        return False
    written = whole.as_written.split()
    return of.split()[-1] in written and written[-1] == name.split()[-1]


def _people(text: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> dict[str, Claimant]:
    """People introduced with a title: 'Lebanese Health Minister Firas Al-Abyad' speaks for
    the ministry, 'surgeon Kamal Adam' for himself. Registers the full name and surname."""
    if not _TITLE_RX:
        _TITLE_RX.append(_title_regex())
    out: dict[str, Claimant] = {}
    for t in _TITLE_RX[0].finditer(text):
        m = _AFTER_TITLE_BODY_COMMA.match(text, t.end()) or _AFTER_TITLE.match(text, t.end())
        if m is None or "\n" in text[t.end():m.start("name")] or _names_a_state(m.group("name")):
            continue  # a name on the next line is no title's ("... of the Ministry of Defence\n\nBir Lehlou")
        if m.group("where") and m.group("comma") and names_a_region(m.group("name")):
            continue  # "A church official in Tobelo, North Maluku, said": the town's province, no name
        if m.group("of") and m.group("of").lower().startswith(("the ", "a ", "an ")) and not m.group("comma"):
            continue  # "a spokesman for the pro-Ouattara Republican Forces": the body, not a name
        if m.group("of") and not m.group("comma") and _one_body_name(m.group("of"), m.group("name"), lexicon, countries):
            continue  # "the director of Iran Human Rights": a body's name runs on, no person "Human Rights" (set DE)
        # "Colonel Rodolphe Sorgho" is Rodolphe Sorgho; "(Deputy) Prime Minister Tigran Khachatryan" is Tigran Khachatryan
        unranked = _RANK.sub("", m.group("name"))
        name = re.sub(r"['’]s$", "", name_after_title(unranked))  # "Raila Odinga's party"
        # "Chief Military Prosecutor Anatoliy Matios": the words between the first title word and
        # the name are the title's too, its last office word the title (set AZ's Ilovaisk explainer)
        more_title = unranked[:len(unranked) - len(name_after_title(unranked))].strip() if name != unranked else ""
        if len(name.split()) < 2 or name.split()[0].lower() in _NAME_STOP or name in out:
            continue
        # qualifiers stand on the title's line ("19:05 GMT" above "Government spokesman X" is none)
        line_before = text[max(0, t.start() - 80):t.start()].rpartition("\n")[2]
        pre = line_before.split()[-MAX_TITLE_QUALIFIERS:]
        if pre and not text[:t.start()].endswith((" ", "\n")):
            pre = pre[:-1]  # a word glued to the title is not a word of its own
        kept: list[str] = []
        for i in range(len(pre) - 1, -1, -1):
            w = pre[i]
            if _joins_a_name(pre, i, kept):
                kept.insert(0, w)  # "Armed Forces of the Philippines spokesman X": the body's own "of the"
                continue
            if _PRE_STOP.match(w) or w.endswith((",", ".", ";", ":", ")")) or not any(ch.isalpha() for ch in w) \
                    or any(q in w for q in '"“”') or w.lower() in _WHEN_WORDS:
                # ("In February France's cooperation minister X": a month is no qualifier; set BV)
                break  # "15:45 - Gbagbo's spokesman": a time or a dash is no qualifier; nor the end of a
                # quotation ('"... the western part of town," ECOMOG spokesman X': set BM's Freetown wire)
            kept.insert(0, w)
        title = f"{t.group(0)} {more_title}" if more_title else t.group(0)
        before = pre[len(pre) - len(kept) - 1].lower() if len(pre) > len(kept) else ""
        if before in claim_words().former_holders:
            out[name] = Claimant(name, "unknown", name, False)  # "former police chief Guy Philippe": himself
            continue
        office = " ".join(kept + [title] + ([f"{m.group('prep')} {m.group('of')}"] if m.group("of") else []))
        title_word = title.split()[-1].split("-")[-1].lower() if more_title else title.lower()
        register_person(out, name, office, title_word, bool(kept or m.group("of") or more_title), lexicon, countries)
    _roster(text, out, lexicon, countries)
    for m in _NAME_THEN_ROLE.finditer(text):
        name, role = _without_a_day(m.group("name")), m.group("role").strip()
        # "the People's Front commander who was named interior minister this week": the role,
        # not what the clause after it says of him (set BN's Dushanbe 1992 story)
        role = _ROLE_CLAUSE.split(role, maxsplit=1)[0] if not m.group("heads") else role
        if m.group("heads"):
            role = f"head of {role}"  # "Valery Andreyev, who heads the FSB directorate": its head
        if name in out and _office_of_a_place_first(out[name], name, role):
            _forget(out, out[name])
        if name in out or name.split()[0].lower() in _NAME_STOP:
            continue
        title = next((w for w in role.lower().split() if w in _OFFICE_TITLES or w in PLACE_OFFICES), "")
        register_person(out, name, role, title, True, lexicon, countries)
    return out


_ROLE_CLAUSE = re.compile(r"\s+(?:who|whom|whose|which|that)\s+")


def _without_a_day(name: str) -> str:
    """'Saturday Lev Dzugayev' of "On Saturday Lev Dzugayev, head of ...": the name after the day."""
    words = name.split()
    days = date_words().weekdays
    for k in range(min(2, len(words) - 1)):
        if words[k].lower() in days and (k == 0 or words[0].lower() == "on"):
            return " ".join(words[k + 1:])
    return name


def _office_of_a_place_first(registered: Claimant, name: str, role: str) -> bool:
    """Whether "Jean Pierre, mayor of the nearby coastal town of Gonaives" should replace
    the bare person "Mayor Jean Pierre" registered before it: the office of that place
    speaks (dev2's Haiti)."""
    return registered.name == name and any(w in PLACE_OFFICES for w in role.lower().split())


def _forget(out: dict[str, Claimant], who: Claimant) -> None:
    """Every entry (full name, surname, given name) registered for ``who``."""
    for key in [k for k, v in out.items() if v is who]:
        del out[key]


@lru_cache(maxsize=1)
def _roster_line() -> re.Pattern[str]:
    labels = alternation(load_attribution_terms().roster_labels)
    return re.compile(rf"^[ \t]*{labels}[ \t]*:[ \t]*(?P<list>[^\n]+)$", re.MULTILINE)


_ROSTER_ENTRY = re.compile(rf"^(?:with\s+|and\s+)?(?P<name>{_NAME}),\s+(?P<role>.+?)\.?$")


def _roster(text: str, out: dict[str, Claimant], lexicon: ClaimantLexicon, countries: Sequence[str]) -> None:
    """'Present: Dr Alfred Mutua, Government Spokesman; Abbas Gullet, Secretary General, Kenya
    Red Cross Society': a transcript's speakers, each under the body the last words of its
    role name that resolve to one ("DR MUTUA:" then speaks for the government)."""
    for line in _roster_line().finditer(text):
        for entry in line.group("list").split(";"):
            m = _ROSTER_ENTRY.match(entry.strip())
            name = _RANK.sub("", m.group("name")) if m else ""  # "Dr Alfred Mutua" is Alfred Mutua
            if not name or name in out:
                continue
            body = _roster_body(m.group("role"), lexicon, countries)
            if body is not None:
                person = Claimant(body.name, body.kind, name, True)
                out[name] = person
                out.setdefault(name.split()[-1], person)


def _roster_body(role: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """The body of a roster role: a body named after the title ("Secretary General, Kenya Red
    Cross Society"), or a state's body the title names ("Police Spokesman": the police)."""
    parts = [p.strip() for p in role.split(",")]
    if len(parts) > 1 and sum(w[:1].isupper() for w in parts[-1].split()) >= 2:
        return lexicon.resolve(parts[-1], countries)
    who = lexicon.resolve(parts[0].lower(), countries)
    if who is not None and not who.known:
        who = lexicon.in_country(who, parts[0].lower(), countries[0] if countries else None)
    return who if who is not None and (who.known or who.kind not in ("unknown", "medical")) else None


def local_names(text: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> dict[str, Claimant]:
    """Names the article defines: acronyms in brackets and people with a title."""
    SPOKESPEOPLE.clear()
    out = _people(text, lexicon, countries)
    out.update(_surnames(out))
    acronyms = article_acronyms(text, lexicon, countries)
    for name, who in out.items():
        spelt = acronyms.get(who.name) if not who.known else None
        if spelt is not None:  # "MILF spokesman Eid Kabalu" after "the Moro Islamic Liberation Front (MILF)"
            out[name] = Claimant(spelt.name, spelt.kind, name, spelt.known)
    out.update(acronyms)
    return out


# A particle glued to a surname ("al-Abyad", "el-Sisi"): the name is also written without it.
_SURNAME_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|az)-(?=[A-Z])")


# Months and weekdays: a time before a title, never its qualifier.
_WHEN_WORDS = frozenset(date_words().month_names + date_words().weekdays)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or bool(_SURNAME_PARTICLE.match(word))


def _surnames(people: dict[str, Claimant]) -> dict[str, Claimant]:
    """'Serhiy Cherevaty, spokesman for the Eastern Group ...' then '"...," Cherevaty said':
    a person the article introduced is named again by the last word of the name, when no
    other person it introduced shares that word."""
    last: dict[str, list[str]] = {}
    for name in people:
        if people[name].known and people[name].name == name:
            continue  # a body's own name has no surname ("Amnesty International")
        words = name.split()
        if len(words) >= 2 and all(_capitalised(w) for w in words) and len(words[-1]) > 3:
            last.setdefault(words[-1], []).append(name)
            if _SURNAME_PARTICLE.match(words[-1]):  # "al-Abyad" is also written "Abyad"
                last.setdefault(_SURNAME_PARTICLE.sub("", words[-1]), []).append(name)
        if len(words) >= 3 and all(_capitalised(w) for w in words) and not words[-2].endswith("."):
            # "Joseph Ole Lenku" then "Ole Lenku says": a surname of two words (set BF's liveblog)
            last.setdefault(" ".join(words[-2:]), []).append(name)
    return {word: people[names[0]] for word, names in last.items() if len(names) == 1 and word not in people}


# A run of capitalised words, "of", "the", "and" and "for" allowed inside ("National Resistance
# Army of Yoweri Museveni").
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|the|and|for)\s+)*[A-Z][\w'’-]*)+")


def spelt_out(text: str, acronym: str) -> str | None:
    """The name the article spells out, without brackets, that ``acronym`` abbreviates: the
    first run of capitalised words whose initials are its letters ("NRA": "National
    Resistance Army"), joining words not counted; None when no run fits."""
    letters = acronym.upper()
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group(0).split()
        for i in range(len(words)):
            if words[i][0] != letters[0] or words[i].lower() in RUN_JOINERS:
                continue
            caps, j = [], i
            while j < len(words) and len(caps) < len(letters):
                if words[j].lower() not in RUN_JOINERS:
                    caps.append(words[j])
                j += 1
            if "".join(w[0] for w in caps) != letters or len(caps) < 2:
                continue
            if not caps[-1].isupper():
                return " ".join(words[i:j])
            if len(caps) >= 3 and all(len(w) >= 4 for w in caps):
                # a header in capitals ("SOUTH WEST AFRICA PEOPLE'S ORGANISATION (SWAPO)"), not
                # a run of acronyms: the name in its usual case
                return " ".join(w if w.lower() in RUN_JOINERS else w[0] + w[1:].lower() for w in words[i:j])
    return None


# An acronym: a capital, then letters with at least one more capital ("MoPH", "HAC", "AAA").
_ACRONYM_LIKE = re.compile(r"^(?=[A-Z][a-z]*[A-Z])[A-Z][A-Za-z]{1,7}$")


# Dots and slashes inside an acronym ("N.R.A.", "SLM/A"): the same acronym without them.
_ACRONYM_MARKS = re.compile(r"(?<=[A-Z])[./](?=[A-Z]|$)")


def local_name(ctx: ArticleContext, phrase: str) -> Claimant | None:
    """The claimant a phrase names through the article's own names ('the AAA', 'Al-Abyad',
    'schoolteacher Abdel-Majed Abdullah'), or None."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(" ,.;:\"'“”‘’()"), flags=re.IGNORECASE)
    bare = re.sub(r"['’]s$", "", bare)
    if bare in ctx.local:
        return ctx.local[bare]
    undotted = _ACRONYM_MARKS.sub("", bare)  # "the N.R.A." after "the National Resistance Army (NRA)"
    if undotted != bare and _ACRONYM_LIKE.match(undotted):
        found = ctx.local.get(undotted) or next((who for name, who in ctx.local.items()
                                                 if _ACRONYM_MARKS.sub("", name) == undotted), None)
        if found is not None:
            return found
    shouted = _shouted_name(ctx, bare)
    if shouted is not None:
        return shouted
    if _ACRONYM_LIKE.match(bare) and (own := spelt_over_another_wars(ctx, bare)) is not None:
        return own
    if _ACRONYM_LIKE.match(bare) and not ctx.lexicon.find(bare, ctx.countries):
        # "(MoPH)" with "Lebanon's Ministry of Public Health" named earlier in the article
        for m in ctx.mentions:
            words = (m.claimant.as_written or "").split()
            if m.claimant.known and any(initials_fit(bare, " ".join(words[i:])) for i in range(max(len(words) - 1, 0))):
                return m.claimant
        spelt = spelt_out(ctx.article.text, bare)
        if spelt is not None:  # "The NRA" after "the National Resistance Army of Yoweri Museveni"
            who = ctx.lexicon.resolve(spelt, ctx.countries)
            return Claimant(who.name if who is not None and who.known else spelt,
                            ctx.lexicon.guess_kind(spelt) if who is None else who.kind, bare, True)
    if ctx.local_regex is None:
        return None
    first = ctx.local_regex.match(bare)
    if first and bare[first.end():first.end() + 1] == ",":
        # "Mohammed Alaloul, 37, a journalist working for Anadolu": the person speaks
        return ctx.local[first.group(0)]
    hits = list(ctx.local_regex.finditer(bare))
    if len(hits) == 1 and (_another_person(ctx, bare, hits[0]) or _POSSESSIVE_AFTER.match(bare, hits[0].end())):
        return None  # "Raila Odinga's party" is the party, not Odinga
    if len(hits) > 1 and len({ctx.local[h.group(0)].name for h in hits}) == 1 and ctx.local[hits[0].group(0)].known:
        return ctx.local[hits[0].group(0)]  # "MILF spokesman Eid Kabalu": the person speaks for the body named
    if len(hits) == 1 and _words_beside(bare, hits[0]) <= 40:
        # "Ministry spokesman Ashraf al-Qedra" is al-Qedra; a longer phrase is something else
        who = ctx.local[hits[0].group(0)]
        named = ctx.lexicon.resolve(bare, ctx.countries)
        if named is not None and named.known and named.name != who.name and not who.known:
            return named
        return who
    return None


_POSSESSIVE_AFTER = re.compile(r"['’]s\s+\w")


def spelt_over_another_wars(ctx: ArticleContext, bare: str) -> Claimant | None:
    """'A spokesman for the SNA' after "Aideed's Somali National Alliance" in a Somali story:
    the name the article spells out, not another war's body the lexicon knows by the same
    letters (the Syrian National Army); None when the lexicon's body is this war's."""
    if len(bare) < 3 or not ctx.countries:
        return None
    found = [m for m in ctx.lexicon.find(bare, ctx.countries) if m.claimant.known]
    if not found:
        return None
    theirs = ctx.lexicon.countries_of(found[0].claimant.name)
    if not theirs or ctx.countries[0] in theirs:
        return None
    spelt = spelt_out(ctx.article.text, bare)
    if spelt is None:
        return None
    who = ctx.lexicon.resolve(spelt, ctx.countries)
    if who is not None and who.known and who.name == found[0].claimant.name:
        return None
    return Claimant(who.name if who is not None and who.known else spelt,
                    ctx.lexicon.guess_kind(spelt) if who is None else who.kind, bare, True)


def _words_beside(bare: str, hit: re.Match[str]) -> int:
    """Characters of the phrase beside the name, ranks not counted ("Western Mindanao Command
    spokesperson Lt. Col. Ramon Zagala" is the spokesperson's name and role, not something else)."""
    ranks = {r.lower() for r in claim_words().ranks}
    before = " ".join(w for w in bare[:hit.start()].split() if w.lower().rstrip(".") not in ranks)
    return len(before) + len(bare) - hit.end()


def _another_person(ctx: ArticleContext, bare: str, hit: re.Match[str]) -> bool:
    """'Human Rights Defender Kristine Grigoryan' in a story that introduced 'Security Council
    Secretary Armen Grigoryan': a surname after another first name is someone else (Armenia
    2022 probe); after a title ('President Grigoryan') it is the one introduced."""
    surname = hit.group(0)
    before = bare[:hit.start()].split()
    if " " in surname or not before:
        return False
    first = before[-1]
    if not first[:1].isupper() or first.endswith(".") or _is_title(first):
        return False
    full = [name for name in ctx.local if name.endswith(" " + surname) and len(name.split()) >= 2]
    return bool(full) and f"{first} {surname}" not in ctx.local


def _is_title(word: str) -> bool:
    """Ranks ("ADMIRAL McDONALD:" in a transcript: any case), titles and roles before a surname."""
    return word.lower() in person_role_words()


def _shouted_name(ctx: ArticleContext, bare: str) -> Claimant | None:
    """'DR MUTUA', 'ADMIRAL McDONALD': a transcript's speaker label in capitals is the person
    of that surname the article introduced (roster or title)."""
    letters = [c for c in bare if c.isalpha()]
    if len(letters) < 3 or sum(c.isupper() for c in letters) < SHOUTED_SHARE * len(letters):
        return None
    last = bare.split()[-1].lower()
    return next((who for name, who in ctx.local.items() if name.lower() == last), None)


# A label is in capitals when this share of its letters is ("McDONALD" is 7 of 8).
SHOUTED_SHARE = 0.75


# "DR MUTUA: ...", "PONS (recorded): ...", "CORRESPONDENT (by telephone): ...": a transcript
# line's speaker, with how the line was heard in brackets.
_SPEAKER_LABEL = re.compile(r"^\s*(?P<label>[A-Z][A-Za-z'’.]*(?:\s+[A-Z][A-Za-z'’.]*){0,3})\s*(?:\([^()\n]{1,30}\)\s*)?:\s")


def label_speaker(ctx: ArticleContext, text: str, start: int | None = None, people_only: bool = False) -> Claimant | None:
    """The person whose capitalised label opens a transcript's line ("MS ATIENO: Our teams
    estimate ..."): who "we" and "our" are in it, in any sentence of the line when ``start``
    (the sentence's offset) is given; a spokesman's label is the briefing's publisher
    ("SPOKESMAN: ... Our field hospital has treated 300 wounded": the ministry's); with
    ``people_only``, only a person the article introduced."""
    if start is not None:
        text = ctx.article.text[ctx.article.text.rfind("\n", 0, start) + 1:]
    m = _SPEAKER_LABEL.match(text)
    if m is None:
        return None
    if m.group("label").strip().lower() in load_attribution_terms().spokes_titles:
        return None if people_only else ctx.publisher
    return _shouted_name(ctx, m.group("label"))
