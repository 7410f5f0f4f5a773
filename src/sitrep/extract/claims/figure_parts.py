"""The figure rules of parts and gaps: a figure that is part of a whole ("88,780 of the
territory's 120,000 Armenians"), shares its noun with the next ("between 30 and 40
civilians"), opens a subset ("of them, 12 were children"), ends a range, heads a colon
list, counts a place of a list ("Mueda (3,800)"), or leaves its noun to the figure before
("killing 12 soldiers and wounding 30"). Ordered with the others in ``candidates.FIGURE_RULES``."""

from __future__ import annotations

import re

from ...lexicon.claim_rule_words import in_order
from ...lexicon.claim_terms import category_words, claim_words, load_figure_terms, quantities_in
from ...lexicon.numbers import number_words
from ...lexicon.patterns import alternation
from .figure_counts import death_toll_before
from .figure_rules import ELLIPSIS_AFTER as _ELLIPSIS_AFTER, MAX_NOUN_GAP, WORD as _WORD
from .figure_view import REJECT, Candidate, FigureView

_TERMS = load_figure_terms()
_STOP_WORDS = claim_words().stop_words

_FROM_TO = re.compile(r"\bfrom\s+[\d,. ]+\s+to\s+$", re.IGNORECASE)
_ELLIPSIS_BEFORE = re.compile(r"(?:,|\band|\bwhile|\bwhereas|\bbut|;|--|—|–)\s+(?:another\s+|a\s+further\s+|some\s+)?$",
                              re.IGNORECASE)


# A figure in digits or in words ("five of the eight gunmen", "seven of the twenty-one").
SPELLED_OR_DIGITS = rf"(?:\d[\d,. ]*|{alternation([*number_words().units, *number_words().tens])}(?:-[a-z]+)?)"
# "of its fighters and 9 villagers" is two figures, not a part of 9 villagers (set S's Cyprus briefing).
_PART_OF_WHOLE = re.compile(rf"^\s+of\s+(?:the|its|their|his|her|our|an?)\s+(?:(?!and\b|or\b)[\w’'-]+\s+){{0,3}}?(?P<whole>{SPELLED_OR_DIGITS})\s+",
                            re.IGNORECASE)
_SHARED_NOUN = re.compile(r"^\s+(?:[\w’'-]+\s+)?(?:and|or)\s+(?:some\s+|about\s+)?[\d][\d,]*\s+", re.IGNORECASE)


def part_of_whole(v: FigureView):
    """'88,780 of the territory's estimated 120,000 Armenians have fled': the part counts
    the whole's people."""
    m = _PART_OF_WHOLE.match(v.after)
    if not m:
        return None
    tail = v.after[m.end():]
    words = [w.lower() for w in _WORD.findall(tail[:60])]
    for i in range(min(len(words), MAX_NOUN_GAP + 1)):
        found = v.terms.people_at(words, i)
        if found:
            return Candidate(v.fig, found[0], None, f"figure+part-of:{' '.join(found[0].words)}")
    return None


def shared_noun(v: FigureView):
    """'86 Israeli and 24 foreign national hostages were released': both figures count the
    noun after the second."""
    m = _SHARED_NOUN.match(v.after)
    first = [w.lower() for w in _WORD.findall(v.after[:30])]
    if not m or v.terms.people_at(first, 0) or (first and v.terms.quantity_words.get((first[0],))):
        return None  # "119 killed and 961 wounded": the first figure has its own word
    if death_toll_before(v):
        return None  # "the death toll stood at 44,211 and 104,567 wounded": the toll's figure
    words = [w.lower() for w in _WORD.findall(v.after[m.end():][:60])]
    for i in range(min(len(words), MAX_NOUN_GAP + 1)):
        found = v.terms.people_at(words, i)
        if found:
            return Candidate(v.fig, found[0], None, f"figure+shared-noun:{' '.join(found[0].words)}")
        if words[i] in _STOP_WORDS:
            break
    return None


_SUBSET_CONDITION = re.compile(
    rf"^\s+of\s+(?:the|those|them|these)\s+(?:[\w’'-]+\s+){{0,2}}?{alternation(_TERMS.subset_nouns)}"
    r"\s+(?:are|were|is|was|remain|remained|have\s+been)\s+(?P<pred>[\w’'-]+)",
    re.IGNORECASE)


# "More than 80 of the dead were killed inside the Bataclan concert hall": a part by a named
# place is a breakdown (GUIDE.md), not a subset by condition (set AY's Paris liveblog); "at the
# scene", "in hospital" name no place.
_IN_A_NAMED_PLACE = re.compile(r"\s+(?:in|inside|at|near)\s+(?:the\s+)?[A-Z]")
# A named shelter or ward after "in": a subset by where its people are kept ("in Kenyatta hospital").
_A_SHELTER = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:hospitals?|clinics?|camps?|shelters?|schools?|centres?|centers?|stadium)\b")


# Words after "were" searched for a people noun ("Nine of those killed were special police
# officers": who they were, not their condition; set L's Croatia press release).
MAX_PREDICATE_WORDS = 3


def _names_people(v: FigureView, predicate: str) -> bool:
    words = [w.lower() for w in _WORD.findall(predicate[:60])][:MAX_PREDICATE_WORDS + 1]
    return any(v.terms.people_at(words, i) for i in range(min(len(words), MAX_PREDICATE_WORDS)))


# "Of these, 444,000 are in Albania and 247,000 in Macedonia": the sentence opens by naming
# the figure before it as the whole, and a bare figure says where part of it is.
# "Of these,", "Of the 176 deaths reported by the Ministry of Health," opening a sentence.
_PART_OPENING = re.compile(r"^\W*(?:of|among)\s+(?:these|them|those|the\s+\d[\d,.]*\s+[^,;]{1,80}?)\s*,?\s*$",
                           re.IGNORECASE)
_PART_WHERE = re.compile(r"^\s+(?:are|were|is|was|remain|have\s+been|had\s+been|have|has|had)?\s*"
                         rf"(?:{in_order('part_where_participles')}\s+)?"
                         r"(?:in|at|inside|from|to|into)\s+"
                         r"(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)  # a named place; "in shelters" is a condition


def subset_condition(v: FigureView):
    """'10 of the wounded are critical', '4,000 of the displaced are in shelters': a subset
    of people already counted, split by condition or shelter, is no claim (a breakdown by
    group, '12 of the dead were children', is)."""
    m = _SUBSET_CONDITION.match(v.after)
    if m and m.group("pred").lower() not in ("a", "an") and not _names_people(v, v.after[m.start("pred"):]) \
            and not _IN_A_NAMED_PLACE.match(v.after, m.end("pred")) and not (
                _IN_A_NAMED_PLACE.match(v.after, m.start("pred") - 1) and not _A_SHELTER.match(v.after, m.end("pred"))):
        return REJECT  # (not "103 of the dead were in Almaty": a part by a named place is a claim; "in Kenyatta hospital" is none)
    if _PART_OPENING.match(v.before) and v.words.sheltered.match(v.after):
        return REJECT  # "Of these, some 21,000 people are staying in 79 evacuation centres"
    return None


# "one of the wounded died", "two of the injured had succumbed": wounded people who died since.
_WOUNDED_WHO_DIED = re.compile(r"^\s+of\s+(?:the|those|them)\s+(?:[\w’'-]+\s+)?(?:wounded|injured)\s+"
                               r"(?:(?:had|have|has)\s+(?:since\s+|also\s+)?)?(?:died|succumbed)\b", re.IGNORECASE)
# A toll raised before them in the sentence: "raised the death toll to 11, saying", "the number
# of martyrs passed from 12 to 13 yesterday, after".
# (data ``raised_toll_verbs``, as ``category_toll.toll_of_people`` reads a toll grown)
_RAISED_BEFORE = re.compile(rf"\b{alternation(category_words().raised_toll_verbs)}\b[^.;]{{0,80}}?"
                            r"\bto\s+(?:[\d,]+|[a-z]+)\b", re.IGNORECASE)


def died_behind_a_raise(v: FigureView):
    """'raised the death toll to 11, saying two of the wounded had died', 'the number of martyrs
    passed from 12 to 13, after one of the wounded died': the wounded who died are why the toll
    grew, counted in it, not a figure of their own (sets R, S and Z: every gold leaves them out)."""
    if _WOUNDED_WHO_DIED.match(v.after) and _RAISED_BEFORE.search(v.before):
        return REJECT
    return None


# "up from the 56 he gave on Sunday", "down from an earlier estimate of 6,000": the figure a
# count stood at before counts what the new one does (read from sets N and R's revised tolls,
# checked on dev2's Kyrgyz-Tajik liveblog).
_UP_FROM = re.compile(rf"\b(?:up|down)\s+from\s+(?:the\s+|an?\s+{in_order('earlier_count_ages')}\s+"
                      rf"(?:[\w-]+\s+)?{in_order('earlier_count_nouns')}\s+of\s+)?$", re.IGNORECASE)


def figure_up_from(v: FigureView):
    """'63 rebels have been killed, up from the 56 he gave on Sunday': the earlier figure
    counts the people of the figure it was raised or lowered to."""
    if v.previous is not None and _UP_FROM.search(v.before) and not _own_people_noun(v):
        return Candidate(v.fig, v.previous.noun, None, "figure+up-from", continues=True)
    return None


def _own_people_noun(v: FigureView) -> bool:
    """'up from the 58 dead it announced': a figure with its own people noun right after it
    counts those (set DE's Tehran analysis: the dead, not the wounded named last)."""
    words = [w.lower() for w in _WORD.findall(v.after[:40])][:3]
    return bool(words) and v.terms.people_at(words, 0) is not None


def figure_from_to(v: FigureView):
    """'climbed from 558 to 569': the figure a count became counts what the first did."""
    if v.previous is not None and _FROM_TO.search(v.before):
        return Candidate(v.fig, v.previous.noun, None, "figure+from-to", continues=True)
    return None


_COLON_LIST = re.compile(r"(?P<lead>[^.;:]{3,160}):\s+(?:[^:]{0,80}?(?:,|\band)\s+)?$")


def where_they_died(v: FigureView):
    """'86 people have lost their lives: 62 at the scene and 24 in hospital': a bare figure
    of where people died splits the sentence's figure by condition, no claim of its own."""
    if v.previous is not None and _DEATH_SITE.match(v.after):
        return REJECT
    return None


_DEATH_SITE = re.compile(rf"^\s+{in_order('death_sites')}\b", re.IGNORECASE)


def colon_list(v: FigureView):
    """'Bodies were found in morgues: 37 in Khartoum and 12 in Omdurman': bare figures
    listed after a colon count what the lead before it names."""
    m = _COLON_LIST.search(v.before)
    if m is None or not _ELLIPSIS_AFTER.match(v.after):
        return None
    lead = [w.lower() for w in _WORD.findall(m.group("lead"))]
    for i in range(len(lead)):
        found = v.terms.people_at(lead, i)
        if found:
            return Candidate(v.fig, found[0], None, f"figure+colon-list:{' '.join(found[0].words)}")
    return None


def part_by_place(v: FigureView):
    """'Of these, 444,000 are in Albania': a part of the previous sentence's figure, by
    place; it counts what that figure counts (its parent is the sentence before). So do
    figures in brackets after the places of a list ('They arrived in Mueda (3,800), Nangade
    (2,600) and Pemba (3,200)')."""
    if _PART_OPENING.match(v.before) and _PART_WHERE.match(v.after):
        return Candidate(v.fig, None, None, "figure+part-by-place", continues=True)
    if _NAME_BRACKET_BEFORE.search(v.before) and v.after.startswith(")") and not v.year_like \
            and len(_NAME_BRACKET_FIGURE.findall(v.text)) >= 2:
        # (the first of the list takes the casualty word its own sentence opens with, if any:
        # "displaced people have arrived mainly in Cucuta (about 15,000), Ocana (nearly 13,000)";
        # else it continues the figure of the sentence before: "They arrived in Mueda (3,800)")
        return Candidate(v.fig, None, None, "figure+part-by-place",
                         continues=v.previous is not None or not quantities_in(v.before))
    of_them = _OF_THEM_AFTER.match(v.after)  # "About 40,000 of them are in Nariman district"
    if of_them and _SENTENCE_OPENING.fullmatch(v.before) and _PART_WHERE.match(v.after[of_them.end():]):
        return Candidate(v.fig, None, None, "figure+part-by-place", continues=True)
    if of_them and v.previous is not None and _NAMED_WHERE.match(v.after[of_them.end():]):
        # "68 people have been arrested since yesterday, 41 of them on the Capitol grounds": a
        # part of the sentence's figure by place (set AE's Capitol transcript; GUIDE: a
        # breakdown by place is a claim)
        return Candidate(v.fig, None, None, "figure+part-by-place", continues=True)
    if v.previous is not None and _INCLUDING_BEFORE.search(v.before) \
            and (_NAMED_WHERE.match(v.after) or _WENT_WHERE.match(v.after)):
        # "850,000 refugees had fled, including 444,000 in Albania", "including about 84,000
        # who crossed into Ethiopia", "includes 192,800 into Tunisia": a part of the sentence's
        # figure by place, the bare figure counting what the whole counts (sets CJ, CK, CL)
        return Candidate(v.fig, None, None, "figure+part-by-place", continues=True)
    return None


# "including 444,000", "among them some 3,000": a part of the figure before it.
_INCLUDING_BEFORE = re.compile(r"(?:,|\s)\s*(?:including|includes|included|among\s+them|of\s+whom)\s+(?:some\s+|about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?$",
                               re.IGNORECASE)
# "in Gao", "on the Capitol grounds": a named place right after "of them".
_NAMED_WHERE = re.compile(r"\s+(?:in|on|at|inside|near)\s+(?:the\s+)?[A-Z]")
# "who crossed into Ethiopia", "into Tunisia": a part named by where its people went.
_WENT_WHERE = re.compile(rf"\s+(?:who\s+(?:have\s+|had\s+)?{in_order('went_where_verbs')}\s+)?"
                         r"(?:into|to|across|in)\s+(?:the\s+)?[A-Z]")


# "Mueda (3,800)": a capitalised name, then the figure alone in brackets.
_NAME_BRACKET_BEFORE = re.compile(r"\b[A-Z][\w'’-]+\s+\($")
_NAME_BRACKET_FIGURE = re.compile(r"\b[A-Z][\w'’-]+\s+\(\s*(?:[a-z]+\s+){0,2}[\d,.]+\s*\)")  # ("(more than 5,000)")
_OF_THEM_AFTER = re.compile(r"^\s+of\s+(?:them|these|those)\b", re.IGNORECASE)
_SENTENCE_OPENING = re.compile(rf"\W*(?:{alternation(load_figure_terms().opening_hedges)}\s+)?", re.IGNORECASE)


def figure_ellipsis(v: FigureView):
    """'21,000 were wounded in Gaza and 2,050 in the West Bank', '315,000 in December and
    75,000 in January', 'and another 980 on 26 December': a bare figure in a list after a
    figure of people counts the same people."""
    if v.previous is None or v.fig.spelled and v.fig.value is not None and v.fig.value < 2:
        return None
    if _ELLIPSIS_BEFORE.search(v.before) and _ELLIPSIS_AFTER.match(v.after):
        return Candidate(v.fig, None, None, "figure+ellipsis", continues=True)
    return None
