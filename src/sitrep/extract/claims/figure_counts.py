"""The figure rules that read a count phrase before a bare figure: a toll ("the death toll
has reached 412"), a running total ("bringing the number of displaced to 172,000"), a
"number of" phrase and its value ("the number of dead is 69,280") and a level verb ("the
number of people displaced has reached 280,000"). Their order is ``candidates.FIGURE_RULES``."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon.claim_rule_words import in_order, words
from ...lexicon.claim_terms import PeopleNoun, load_figure_terms
from ...lexicon.patterns import alternation
from .figure_view import REJECT, Candidate, FigureView

# How far back (in tokens) a toll noun may stand before a bare figure ("the death toll
# has reached 412").
MAX_TOLL_DISTANCE = 7
# Words before a bare figure searched for a people noun or toll noun ("the number of people
# displaced in Idlib and the northern Aleppo countryside had climbed to 115,000").
MAX_LEVEL_CONTEXT = 16
# Words back to a "the number of" that opens the count's subject (set R's Ben Guerdane daily:
# 20 words; checked on dev2, the seeds, the sample and sets J-R; 33 words in set AK's Ethiopian
# agency story, "... by armed members of the Murle tribe of South Sudan on villages in ...").
MAX_NUMBER_OF_REACH = 40

_WORD = re.compile(r"[\w’'-]+|[^\w\s]")
# The word lists of these rules: ``figures`` in data/claim_terms.json.
_TERMS = load_figure_terms()
# "the death toll", "the number of deaths" (in lower-cased words); not "the casualty toll".
_DEATH_TOLL = re.compile("".join(f"(?<!{re.escape(w)} )" for w in _TERMS.other_tolls)
                         + rf"\btoll\b|\b{alternation(_TERMS.death_toll_words, any_space=False)}\b")
# The people a death toll counts: everyone, killed.
TOLL_KILLED = PeopleNoun(("toll",), "total", None, None, "killed")


@lru_cache(maxsize=4)
def _toll_noun_rx(toll_nouns) -> re.Pattern[str]:
    """Any toll noun as a whole word ('number' and 'figure' alone say too little)."""
    words = sorted((t for t in toll_nouns if t not in ("number", "figure")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


# "the government puts the figure at 26,000", "the army put their number at 120": a count of
# the people the clause before counted, as the claimant gives it ("puts the number higher,
# at more than 1,500": set CU's Santiago review).
_PUT_AT = re.compile(rf"\b{in_order('put_at_verbs')}\s+(?:the|its|their|his|her)\s+"
                     rf"(?:[a-z]+\s+)?{alternation(_TERMS.count_nouns + words('put_at_nouns'))}"
                     r"(?:\s+(?:(?:much|far|even|still|slightly|considerably)\s+)?(?:higher|lower)\s*,?)?\s+(?P<at>at\s+)?$",
                     re.IGNORECASE)


# "Relief officials in Ahvaz gave a lower estimate of around 180,000": another's figure for the
# count before, given "of" (set CL's Khorramshahr wire).
_ESTIMATE_OF = re.compile(rf"\b{in_order('account_giving_verbs')}\s+(?:a|an|its|their|his|her)\s+(?:[a-z]+\s+)?"
                          r"(?:estimate|figure|count|tally)\s+(?P<at>of\s+)$", re.IGNORECASE)


# "the force raised that figure to 61", "the ministry revised its count to 45": the count
# before, given anew (set CI's Mitu wire; the toll nouns are the toll rules').
_RAISED_TO = re.compile(rf"\b{alternation(_TERMS.revision_verbs)}\s+(?:that|this|the|its|their|his|her)\s+"
                        rf"(?:[a-z]+\s+)?(?:figure|count|number|tally|estimate|total)\s+(?P<at>to\s+)$", re.IGNORECASE)


def count_put_at(v: FigureView):
    """'Diplomats say more than 60,000 people have been killed; the government puts the figure
    at 26,000': the figure continues the count before it, with another claimant. Also with
    a plain people noun ('An initial UN report put the number at least 70 people', after a
    death toll); a noun that names a side ('at 31 soldiers') is the people rules'. An
    estimate given "of" a figure is one too ('gave a lower estimate of around 180,000'), and
    the count raised or revised "to" one ('the force raised that figure to 61')."""
    m = _PUT_AT.search(v.before) or _ESTIMATE_OF.search(v.before) or _RAISED_TO.search(v.before)
    # "the government puts the figure at least 26,000": the "at" the figure's "at least" shares
    if m and (m.group("at") or (v.fig.qualifier or "").lower().startswith("at ")):
        from .figure_rules import people_noun_after

        named = people_noun_after(v)
        if isinstance(named, Candidate) and named.noun is not None:
            if named.noun.category != "total" or named.noun.quantity or named.noun.unit:
                return None
            return Candidate(v.fig, named.noun, named.noun_start, "figure+put-at", continues=True)
        return Candidate(v.fig, None, None, "figure+put-at", continues=True)
    return None


# "He gave the number of gunmen killed as five", "put the number of those detained as 120": a
# count given "as" a figure, its people and what befell them in the "number of" phrase (set
# AF's Dhaka liveblog; Nigeria and Kashmir-like briefings).
_GIVEN_AS = re.compile(rf"\b{in_order('given_as_verbs')}\s+(?:the|its|their|his|her)\s+"
                       rf"(?:{in_order('given_as_qualifiers')}\s+)?number\s+of\s+(?P<label>[^,;:]{{2,80}}?)\s+as\s+$", re.IGNORECASE)


def count_given_as(v: FigureView):
    """'He gave the number of gunmen killed as five': the "number of" phrase names the people
    and what befell them."""
    m = _GIVEN_AS.search(v.before)
    if m is None:
        return None
    words = [w.lower() for w in _WORD.findall(m.group("label"))]
    if any((found := v.terms.people_at(words, j)) and found[0].unit for j in range(len(words))):
        return None  # "the number of displaced families as 300": households, not people
    return _number_of_label(v, m.group("label"), "figure+given-as")


# People with their own level verb between a toll noun and the figure ("as displaced swell to").
_OWN_LEVEL_SUBJECT = re.compile(rf"\b{in_order('own_level_people')}\s+{in_order('own_level_verbs')}\s+to$")


# A figure set after another by a comma or "and" ("reaches 200, five held"), not a range's end.
_AFTER_THE_TOLLS_FIGURE = re.compile(r"\d[\d,.]*\s*(?:,|;|\band\b)\s*$")
_A_DIGIT = re.compile(r"\b\d")  # the toll's own figure, between the toll's noun and this one


# "and" then a hedge, right before a bare figure that may carry its own casualty word ("and
# 40,000 disappeared", "and some 140 captured"); quantity._own_participle reads it too.
AND_BEFORE_FIGURE = re.compile(r"\band\s+(?:another\s+|some\s+|about\s+|nearly\s+|over\s+|more\s+than\s+)?$")


def death_toll_before(v: FigureView) -> bool:
    """'the death toll stood at 44,211': a death toll's noun just before the figure."""
    prev_words = [w.lower() for w in _WORD.findall(v.before)]
    toll = _toll_noun_rx(v.terms.toll_nouns).search(" ".join(prev_words[-MAX_TOLL_DISTANCE:]))
    return toll is not None and _DEATH_TOLL.search(" ".join(prev_words[-MAX_LEVEL_CONTEXT:])) is not None


def _own_noun_after_the_tolls_figure(v: FigureView, tail: str) -> bool:
    """Whether a people noun stands between the toll's own figure and this one ("dead at 40 and
    the injured at"): this figure counts that noun's people."""
    digits = list(_A_DIGIT.finditer(tail))
    if not digits:
        return False
    words = tail[digits[-1].end():].split()
    return any(v.terms.people_at(words, j) for j in range(len(words)))


def toll_noun_before(v: FigureView):
    """'the death toll has reached 412': a toll noun shortly before a bare figure."""
    prev_words = [w.lower() for w in _WORD.findall(v.before)]
    recent = " ".join(prev_words[-MAX_TOLL_DISTANCE:])
    toll = _toll_noun_rx(v.terms.toll_nouns).search(recent)
    if toll and _OWN_LEVEL_SUBJECT.search(recent[toll.end():]):
        return None  # "death toll disputed as displaced swell to 50,000": the displaced swell (set AO)
    if toll and _AFTER_THE_TOLLS_FIGURE.search(v.before) and _A_DIGIT.search(recent[toll.end():]):
        return None  # "death toll reaches 200, five held": the toll had its figure; the next is its own
    if toll and _own_noun_after_the_tolls_figure(v, recent[toll.end():]):
        return None  # "put the number of dead at 40 and the injured at 120": the toll had its figure (set DE)
    if toll and AND_BEFORE_FIGURE.search(v.before) and (word := _WORD.match(v.after.lstrip())) \
            and word.group(0).lower() in v.words.bare_casualty_words and word.group(0).lower() not in v.terms.toll_nouns:
        return None  # "100,000 people dead and 40,000 disappeared": the toll's word before, the figure's own after
    if toll:
        if v.fig.spelled and v.fig.value is not None and v.fig.value < 2:
            return REJECT
        # "the death toll had risen to 44,211, with 104,567 wounded": the toll says killed.
        death = _DEATH_TOLL.search(" ".join(prev_words[-MAX_LEVEL_CONTEXT:]))
        return Candidate(v.fig, TOLL_KILLED if death else None, None, "figure+toll-noun")
    return None


# "bringing the number of internally displaced persons ... to 172,000", "brings to 11 the
# number of US troops killed": a running total, its people and what happened to them said in
# the "number of" phrase. Tuned on probe articles from Chechnya, Iraq, Turkey and Pakistan.
_RUNNING_VERB = r"\b" + alternation(_TERMS.running_total_verbs)
# (or a participle right after the count noun: "bringing the number killed in action to 20")
_RUNNING_NUMBER = (rf"(?:(?:the|its|their|his|her)\s+)?(?:{alternation(_TERMS.count_modifiers)}\s+)?{alternation(_TERMS.count_nouns)}"
                   rf"\s+(?:of\s+|(?={in_order('count_participles')}\b))")
_RUNNING_BEFORE = re.compile(_RUNNING_VERB + r"\s+" + _RUNNING_NUMBER + r"(?P<label>[^,;:]{3,140}?)\s+to\s+$", re.IGNORECASE)
_RUNNING_FIRST = re.compile(_RUNNING_VERB + r"\s+to\s+$", re.IGNORECASE)
_RUNNING_AFTER = re.compile(r"^\s+" + _RUNNING_NUMBER + r"(?P<label>[^,;:.]{3,140})", re.IGNORECASE)


def running_total(v: FigureView):
    """'bringing the number of people displaced since March to 26,000', 'brings to 11 the
    number of troops killed': the "number of" phrase names the people and what happened."""
    m = _RUNNING_BEFORE.search(v.before)
    if m is None and _RUNNING_FIRST.search(v.before):
        m = _RUNNING_AFTER.match(v.after)
    return _number_of_label(v, m.group("label"), "figure+running-total") if m else None


# "revised the number of people killed in Friday's shooting sharply downward, from 86 to 68":
# the count before the revision, of the "number of" phrase's people (its "to" figure is
# figure_from_to's); the phrase ends where the direction or "from" starts.
_REVISED_FROM = re.compile(r"\b" + alternation(_TERMS.revision_verbs) + r"\s+(?:its\s+|their\s+)?" + _RUNNING_NUMBER
                           + r"(?P<label>[^,;:]{3,140}?)(?:\s+(?:sharply\s+|slightly\s+)?(?:down|up)(?:ward|wards)?)?,?"
                           r"\s+from\s+(?:an?\s+(?:earlier|initial|previous)\s+)?$", re.IGNORECASE)


def revised_from(v: FigureView):
    """'revised the number of people killed ... from 86 to 68': the first figure counts the
    people the "number of" phrase names (set AZ's Oslo daily; checked on dev2 and the seeds)."""
    m = _REVISED_FROM.search(v.before)
    return _number_of_label(v, m.group("label"), "figure+revised-from") if m else None


# "bringing its total losses since February 2022 to 624,150": a side's losses raised to a total.
_LOSSES_TO = re.compile(_RUNNING_VERB + r"\s+(?:(?:its|their|the)\s+)?(?:[\w-]+['’]s?\s+)?(?:(?:total|overall|cumulative|combat)\s+)?"
                        r"(?:[A-Z][\w-]*\s+)?losses(?:\s+(?:since|in|of|this|last|over|during)\s+[^,;:]{1,40}?)?\s+"
                        r"to\s+(?:about\s+|some\s+|nearly\s+)?$", re.IGNORECASE)
_LOSSES = PeopleNoun(("losses",), "total", None, None, "killed")


def losses_brought_to(v: FigureView):
    """'Russia has lost about 540 troops over the past day, bringing its total losses since
    February 2022 to 624,150': the side's losses, raised to a total (GUIDE: losses are
    deaths), of the people the figure before counted (daily tallies of the Ukraine war)."""
    if _LOSSES_TO.search(v.before):
        return Candidate(v.fig, _LOSSES, None, "figure+losses-brought-to", continues=v.previous is not None)
    return None


# "the number of people who died in the conflict is 69,280", "the number of displaced
# stood at 1.2 million": the "number of" phrase is the subject, the figure its value.
# Written on truth-commission and UN report phrasing (Peru, Sri Lanka, Darfur).
_NUMBER_IS_BEFORE = re.compile(r"\b" + _RUNNING_NUMBER + r"(?P<label>[^,;:]{3,140}?)\s+"
                               + alternation(_TERMS.count_is_verbs) +
                               r"\s+(?:(?:an\s+)?estimated\s+)?$", re.IGNORECASE)


def number_of_is(v: FigureView):
    """'the most probable number of people who died ... is 69,280': the subject's "number
    of" phrase names the people and what happened to them."""
    m = _NUMBER_IS_BEFORE.search(v.before)
    return _number_of_label(v, m.group("label"), "figure+number-of-is") if m else None


# "The wounded are 470", "Our martyrs number 73": a casualty noun as the subject, the figure
# its count; a hedge may come between ("the dead number at least 40").
_NOUN_IS_BEFORE = re.compile(r"\b(?:the|our|their|its)\s+(?:own\s+)?(?P<noun>[a-z]+)\s+"
                             rf"{alternation(_TERMS.noun_count_verbs)}\s+(?:{alternation(_TERMS.opening_hedges)}\s+)?$",
                             re.IGNORECASE)


# "prisoners numbered only 146": a verb that only counts needs no article before its noun
# (set BT's Tarawa wire); "soldiers were 40 km away" still does.
_NOUN_NUMBERED_BEFORE = re.compile(r"(?<![’'])(?<![’']s)\s(?P<noun>[a-z]+)\s+(?:now\s+)?(?:number(?:ed)?|total(?:l?ed)?)\s+"
                                   rf"(?:{alternation(_TERMS.lost_hedges)}\s+)?$", re.IGNORECASE)


def casualty_noun_is(v: FigureView):
    """'The wounded are 470', 'Our martyrs number 73', 'prisoners numbered only 146': what
    befell the people is the noun's."""
    m = _NOUN_IS_BEFORE.search(v.before) or _NOUN_NUMBERED_BEFORE.search(v.before)
    found = v.terms.people_at([m.group("noun").lower()], 0) if m else None
    if found is not None and found[0].quantity is None and m.re is _NOUN_NUMBERED_BEFORE \
            and m.group("noun").lower() in load_figure_terms().captive_words:
        # "prisoners numbered only 146": people taken (set BT's Tarawa wire)
        found = (PeopleNoun(found[0].words, found[0].category, found[0].subgroup, found[0].unit, "detained"), found[1])
    if found is None or found[0].quantity is None:
        return None  # "the soldiers are 40 km away": only a casualty noun counts itself
    after = [w.lower() for w in _WORD.findall(v.after)[:3]]
    if v.before[:m.start()].rstrip().lower().endswith("among") or (after and v.terms.people_at(after, 0)):
        return None  # "Among the dead were 11 women": a part of them, named after the figure
    if after and (after[0] in v.terms.not_people_units or after[0] in ("year", "years")):
        return None  # "Six of the dead were 17 years of age": their age (set BO's Derry story)
    return Candidate(v.fig, found[0], None, "figure+noun-is")


def _number_of_label(v: FigureView, label: str, rule: str) -> Candidate | None:
    """A candidate whose people and quantity come from a "number of <label>" phrase."""
    words = [w.lower() for w in _WORD.findall(label)]
    noun = next((found[0] for j in range(len(words)) if (found := v.terms.people_at(words, j))), None)
    # the label is not parsed: its verbs are tried as written and as "-e"/"-" stems ("neutralised")
    stems = [w[:-1] if w.endswith("ed") else w for w in words]
    q = noun.quantity if noun is not None and noun.quantity else next(
        (found[0] for lemmas in (words, stems, [w[:-2] if w.endswith("ed") else w for w in words])
         for j in range(len(words)) if (found := v.terms.quantity_at(words, lemmas, j))), None)
    if q is None:
        return None  # "the number of checkpoints": nothing happened to anyone
    base = noun or PeopleNoun(("people",), "total", None, None)
    return Candidate(v.fig, PeopleNoun(base.words, base.category, base.subgroup, base.unit, q), None, rule)


_LEVEL_COUNT = re.compile(rf"\b{alternation(_TERMS.level_count_nouns)}\b")


def _level_reach(prev_words: list[str]) -> int:
    """How many words before the figure its count's subject may start: MAX_LEVEL_CONTEXT, or
    back to "the number of" when the sentence opens its subject with it further back ("The
    number of terrorists killed in the failed attack of Monday against the city of Ben
    Guerdane has reached 46"), up to MAX_NUMBER_OF_REACH."""
    for j in range(len(prev_words) - MAX_LEVEL_CONTEXT - 1, max(len(prev_words) - MAX_NUMBER_OF_REACH, 0) - 1, -1):
        if prev_words[j:j + 2] == ["number", "of"]:
            return len(prev_words) - j
    return MAX_LEVEL_CONTEXT


def death_toll_subject(v: FigureView):
    """'The death toll from a week of sectarian fighting in the southeastern Turkish city of
    Kahramanmaras has risen to 106': a death toll that opens the clause is what the level
    verb raises, however long the phrase after it (set AP's Ankara wire: 14 words between),
    when no other figure and no clause break stand between."""
    prev_words = [w.lower() for w in _WORD.findall(v.before)]
    clause = " ".join(prev_words[-MAX_LEVEL_CONTEXT:])
    if not any(_ends_with_words(clause, verb) or _ends_with_words(clause, f"{verb} {v.fig.qualifier or ''}".strip())
               for verb in v.terms.level_verbs):
        return None
    at = v.before.lower().rfind("toll")
    between = v.before[at:] if at >= 0 else ""
    if not between or len(_WORD.findall(between)) > MAX_NUMBER_OF_REACH or _A_DIGIT.search(between) \
            or _CLAUSE_BREAK.search(between):
        return None
    if _DEATH_TOLL.search(" ".join(w.lower() for w in _WORD.findall(v.before[max(0, at - 40):at + 4]))) is None:
        return None  # "the casualty toll": no deaths said
    return Candidate(v.fig, TOLL_KILLED, None, "figure+level-verb")


# "has raised the death toll from the weekend attack on the town of Seytenga to 79": a verb
# that sets a toll, the toll, what it is of (no figure, no clause break), then "to" or "at".
_TOLL_SET_TO = re.compile(rf"\b{in_order('toll_setting_verbs')}\s+(?:the|its|their|his|her)\s+(?P<toll>(?:[\w-]+\s+)?toll)\b"
                          r"[^;:.\d]{0,200}?\s+(?:to|at)\s+$", re.IGNORECASE)


def toll_set_to(v: FigureView):
    """'Burkina Faso's government has raised the death toll from the weekend attack on the
    northern town of Seytenga to 79': the toll a verb sets, however long what it is of
    (set CJ's Seytenga bulletin); a death toll counts the killed, a casualty toll no one kind
    (no claim)."""
    m = _TOLL_SET_TO.search(v.before)
    if m is None:
        return None
    death = _DEATH_TOLL.search(" ".join(w.lower() for w in _WORD.findall(m.group("toll"))))
    return Candidate(v.fig, TOLL_KILLED, None, "figure+toll-set-to") if death else REJECT


# Marks that end the clause a death toll opens (a sentence's or a list's).
_CLAUSE_BREAK = re.compile(r"[;:.]\s")


def _ends_with_words(clause: str, words: str) -> bool:
    """The clause's last words are ``words``: "put it at", not "said that" (which ends in the
    letters of "at": set BJ's Shusha wire, "told reporters that about 150 ... had died")."""
    return clause == words or clause.endswith(" " + words)


def level_verb(v: FigureView):
    """'the number of people displaced ... has reached an estimated 280,000'."""
    prev_words = [w.lower() for w in _WORD.findall(v.before)]
    reach = _level_reach(prev_words)
    clause = " ".join(prev_words[-reach:])
    label_at = 0 if reach > MAX_LEVEL_CONTEXT else clause.rfind("number of ")
    # "puts the number of martyrs at 161 and the wounded at 1,440": a label with a figure after
    # it is that figure's, not this one's (set DE's Turkish coup blog)
    label_taken = label_at >= 0 and reach <= MAX_LEVEL_CONTEXT and bool(_A_DIGIT.search(clause[label_at:]))
    if not label_taken and (label_at == 0 or clause[label_at - 1:label_at] == " ") and \
            any(_ends_with_words(clause, verb) for verb in v.terms.level_verbs):
        # "The number of terrorists killed in ... has reached 46", "The number of people killed
        # in Monday's dawn attacks on Katima Mulilo rose to 14" (set AK): what befell them is in
        # the label, however far its verb is from the figure; a label beyond the usual reach
        # that says nothing befell anyone gives no figure
        labelled = _number_of_label(v, clause[label_at + len("number of "):], "figure+level-verb")
        if labelled is not None or reach > MAX_LEVEL_CONTEXT:
            return labelled
    if any(_ends_with_words(clause, verb) or _ends_with_words(clause, verb + " " + (v.fig.qualifier or ""))
           for verb in v.terms.level_verbs):
        noun = None
        for j in range(len(prev_words) - 1, max(len(prev_words) - reach, 0) - 1, -1):
            if prev_words[j] == "toll":
                break  # "The Philippine National Police said the death toll ... remained at 57": the toll's, not the speaker's (set DE)
            found = v.terms.people_at(prev_words, j)
            if found:
                noun = found[0]
                break
        if noun is None and _DEATH_TOLL.search(clause):
            noun = TOLL_KILLED  # "the death toll ... climbed from 558"
        if noun is not None or _LEVEL_COUNT.search(clause):
            return Candidate(v.fig, noun, None, "figure+level-verb")
    return None
