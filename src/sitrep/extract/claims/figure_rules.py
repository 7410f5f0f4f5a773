"""The figure rules: each looks at one figure and says whether it counts people (see
``candidates.FIGURE_RULES`` for their order)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import MAX_PEOPLE
from ...lexicon.claim_rule_words import word_set
from ...lexicon.claim_terms import PeopleNoun, category_words, claim_words, demonym_words, load_figure_terms, quantities_in
from ...lexicon.date_words import date_words
from ...lexicon.patterns import alternation
from ...lexicon.numbers import number_words
from .figure_view import REJECT, Candidate, FigureView


# Words between a figure and its people noun that may be skipped ("1,600 Islamist rebels",
# "hundreds of prisoners"). Tuned on the dev seeds and the bundled sample.
MAX_NOUN_GAP = 3

WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[\w’'-]+|[^\w\s]")  # "U.S." is one word
# What may follow a figure whose noun is left to the figure before ("and 30 in Kharkiv", "and 30.")
# What closes a part named by a people's name ("35 of them Han and two Uighur,").
# "..., 1,900 of them in the past week.": a part by the time it took, and nothing after it.
_PERIOD_PART = re.compile(r"\s+(?:(?:in|during|over|within)\s+the\s+(?:past|last|previous|first)\s+"
                          r"(?:\w+\s+)?(?:days?|weeks?|months?|years?|hours?|fortnight)|since\s+\w+|this\s+(?:week|month|year))"
                          r"\s*(?:[.;]|$)", re.IGNORECASE)
_ENDS_PART = re.compile(r"\s*(?:[,.;)]|and\b|$)")
ELLIPSIS_AFTER = re.compile(r"^\s*(?:in|into|on|at|from|during|since|across|near|around|inside|outside)\b|^\s*[,.;)]|^\s*$",
                            re.IGNORECASE)
# The word lists of these rules: ``figures`` in data/claim_terms.json.
_TERMS = load_figure_terms()
_LABEL_QUANTITY = {w: claim_words().word_quantity[w] for w in claim_words().label_words}
_LABEL_BEFORE = re.compile(r"(?:^|[.;|]\s*)(" + "|".join(_LABEL_QUANTITY) + r")\s*:\s*$", re.IGNORECASE)
# A list's label then a comma, after a colon or a semicolon: "as follows: killed, 13 nationals
# and 7 askari; wounded, 35" (the label with a colon is _LABEL_BEFORE's).
# Every figure of the label's segment, up to the next semicolon, is of the label's kind.
_LIST_LABEL_BEFORE = re.compile(r"[:;]\s*(" + "|".join(_LABEL_QUANTITY) + r"),\s+(?:[^;:,]*\s)?$", re.IGNORECASE)
# People nouns that are participles: "and 31 wounded" continues a figure, "60 injuries" is its own.
_PARTICIPLE_NOUNS = claim_words().participle_nouns
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
_CASUALTY_VERB_FORMS = claim_words().casualty_verb_forms
_STOP_WORDS = claim_words().stop_words
# Determiners that open a time phrase after a figure ("43 this week", "12 last night").
_DEICTIC_DETERMINERS = frozenset({"this", "last", "next", "every"})
_SPELLED_UNITS = frozenset(number_words().units) | frozenset(number_words().tens)
_COMPOUND_AFTER = re.compile(r"^-[A-Za-z]")  # "36-year-old", "600-kilometer-long"


@lru_cache(maxsize=1)
def _date_context() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A month name just before or after a figure ("September 29", "29 September"), a word
    that makes the number before it a year ("in 2011"): (month before, month after, year cue)."""
    months = "|".join(sorted(date_words().months, key=len, reverse=True))  # "jan", "january", "sept"
    cues = "|".join(sorted(claim_words().year_cues_before, key=len, reverse=True))
    return (re.compile(rf"\b(?:{months})\.?\s*$", re.IGNORECASE), re.compile(rf"^\s*(?:{months})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{cues})\s*$", re.IGNORECASE))


def _days(v: FigureView) -> bool:
    """'In the operations of 25 to 30 August', 'between 3 and 9 May': a range of days in
    digits (a month must follow it to make it a date)."""
    f = v.fig
    return f.value is None and not f.vague and not f.spelled and f.qualifier in (None, "between") \
        and f.high is not None and f.high <= 31


# "88,780 of the territory's estimated 120,000 Armenians": the second is the whole, a population.
# "6,000 of the town's estimated 9,000 residents": the 9,000 is the whole; not "27 of its
# fighters and 9 villagers", two figures (set S's Cyprus briefing).
_WHOLE_AFTER_PART = re.compile(r"\d[\d,. ]*\s+of\s+(?:the|its|their|an?)\s+(?:(?!and\b|or\b)[\w’'-]+\s+){0,3}$",
                               re.IGNORECASE)


def figure_label(v: FigureView):
    """'Killed: 1,200. Injured: 3,400.', 'Refugees in Chad: 600,000' (fact boxes): the
    label says what happened, and to whom when it names people."""
    listed = _LIST_LABEL_BEFORE.search(v.before)
    if listed:
        # "are as follows: killed, 13 nationals and 7 askari; wounded, 35": a communique's list,
        # the label says what happened, the noun after the figure to whom (set AX's Rome bulletin)
        word = listed.group(1).lower()
        after = [w.lower() for w in WORD.findall(v.after)[:4]]
        found = v.terms.people_at(after, 0)
        people = found[0] if found and not found[0].quantity else PeopleNoun((word,), "total", None, None)
        noun = PeopleNoun(people.words, people.category, people.subgroup, people.unit, _LABEL_QUANTITY[word])
        return Candidate(v.fig, noun, v.fig.end + 1 if found else None, f"figure+list-label:{word}")
    label = _LABEL_BEFORE.search(v.before)
    if label:
        word = label.group(1).lower()
        noun = PeopleNoun((word,), "total", None, None, _LABEL_QUANTITY[word])
        return Candidate(v.fig, noun, None, f"figure+label:{word}")
    m = _PEOPLE_LABEL.search(v.before)
    if m and v.terms.people_at([w.lower() for w in WORD.findall(v.after)[:4]], 0):
        m = None  # "Eleven people were killed: eight civilians and ...": the figure names its own people
    if m:
        words = [w.lower() for w in WORD.findall(m.group("label"))]
        quantity = next((_LABEL_QUANTITY[w] for w in words if w in _LABEL_QUANTITY), None)
        for i in range(len(words)):
            found = v.terms.people_at(words, i)
            if found and (found[0].quantity or quantity):
                noun = found[0]
                if quantity and not noun.quantity:
                    noun = PeopleNoun(noun.words, noun.category, noun.subgroup, noun.unit, quantity)
                return Candidate(v.fig, noun, None, f"figure+label:{' '.join(noun.words)}")
        if quantity:
            noun = PeopleNoun(tuple(words), "total", None, None, quantity)
            return Candidate(v.fig, noun, None, f"figure+label:{' '.join(words)}")
    m = _RECORD_LABEL.search(v.before)
    if m and v.after.strip() in ("", ".", ";"):
        # "Killings recorded in Wellington: 486.": a table's row turned into a sentence, the
        # figure all that follows its label
        first = m.group("label").split()[0].lower()
        quantity = _ROW_QUANTITY.get(first)
        if quantity:
            return Candidate(v.fig, PeopleNoun((first,), "total", None, None, quantity), None, f"figure+label:{first}")
    return None


# "Killings recorded in Kissy and Kissy Mess Mess: 1,204.": a casualty noun leads a longer label.
_RECORD_LABEL = re.compile(r"(?:^|[.;|]\s*)(?P<label>[A-Z][\w'’-]*(?:\s+[\w'’,-]+){1,9})\s*:\s*$")
_ROW_QUANTITY = {w: q for w, q in claim_words().word_quantity.items() if " " not in w} | {
    w: min(found) for w in claim_words().casualty_event_nouns if (found := quantities_in(w))}


_PEOPLE_LABEL = re.compile(r"(?:^|[.;|]\s*)(?P<label>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3})\s*:\s*$")


# "had put the toll at 49: 41 people at ...", "rose to 31: 22 in ...": a level, its parts
# after the colon (set AY's Christchurch daily); "10:30", "Table 3:" stay no count.
_LEVEL_THEN_ITS_PARTS = re.compile(r"\b(?:at|to)\s+$")


# An hour written after its number ("5 a.m.", "11 pm", "4 o'clock", "0600 GMT"; "at 5 a." where
# the sentence splitter ended a sentence at "a.m. Croatian forces ...": set BH's Knin wire).
_CLOCK_AFTER = re.compile(r"^\s*(?:[ap]\.m\.?|[ap]\.\s*$|[ap]m\b|o['’]clock\b|hrs\b|hours\s+(?:GMT|UTC|local)\b|GMT\b|UTC\b)", re.IGNORECASE)


# "at one time", "at one point", "at one stage": a moment.
_ONE_TIME_AFTER = re.compile(r"^\s+(?:time|point|stage|moment)\b", re.IGNORECASE)
# "between the two sides", "between the two neighbours": the parties to something.
_BETWEEN_THE = re.compile(r"\bbetween\s+the\s+$", re.IGNORECASE)


def not_a_count(v: FigureView):
    """Ages, codes, sums of money, dates, negated counts, years, wholes of a part: none of
    these is a count of people."""
    if _COMPOUND_AFTER.match(v.after) or v.after.startswith(("%", "/")) or v.before.endswith(("-", ":", "/", "$", "#")) \
            or v.after.startswith(":") and not (v.after.startswith(": ") and _LEVEL_THEN_ITS_PARTS.search(v.before)):
        return REJECT
    if _CLOCK_AFTER.match(v.after):
        return REJECT  # "the operation began at 5 a.m.": an hour
    if v.fig.text.lower() == "one" and _ONE_TIME_AFTER.match(v.after):
        return REJECT  # "prisoners were held at one time": a moment, no one counted (set CU)
    if v.fig.value == 2 and _BETWEEN_THE.search(v.before):
        return REJECT  # "the war between the two Central American neighbours": two parties, no count (set CU)
    if v.fig.qualifier is None and v.words.not_a_count_before.search(v.before):
        return REJECT  # "Resolution 2334", "aged 12"; "the number at least 70" is a count
    if v.words.container_before.search(v.before):
        return REJECT  # "home to some 3 million people", "has around a hundred members": a size
    if v.words.population_before.search(v.before) and v.words.population_after.match(v.after):
        return REJECT  # "a third of Sierra Leone's 4.5 million people": the population
    if v.fig.vague and (v.fig.qualifier or "") in v.words.vague_not_claims:
        return REJECT  # "several others": too vague to be a figure
    # days are written in digits: "On 3 May two soldiers were killed" counts two soldiers
    day_or_year = v.fig.qualifier is None and v.fig.value is not None and (v.fig.value <= 31 or v.year_like) \
        and not v.fig.spelled or _days(v)
    month_before, month_after, year_before = _date_context()
    if day_or_year and (month_before.search(v.before) or month_after.match(v.after)):
        return REJECT  # "September 29", "29 September 2023"
    if v.words.negated_before.search(v.before):
        return REJECT  # "no one was killed", "not one soldier"
    if v.year_like and year_before.search(v.before):
        return REJECT  # "in 2011 people rose up": a year
    if _WHOLE_AFTER_PART.search(v.before):
        return REJECT
    if _person_age(v):
        return REJECT  # "including Sky News cameraman Mick Deane, 61."
    return None


# "cameraman Mick Deane, 61.", "her son Ahmed Saleh, 12, and": a name after a word that is no
# preposition or article, then the figure closing its apposition (a place would follow "in").
# A short title with its dot may open the name ("One of the dead was Dr. Paul Carlson, 36,").
# (the ranks and titles of data/claim_terms.json, abbreviated with their dot)
_NAME_THEN_COMMA = re.compile(rf"\b(?P<word>[a-z]+)\s+(?:{alternation(sorted(w for w in claim_words().ranks if len(w) <= 4))}\.\s+)?"
                              r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|bin\s+)?[A-Z][\w'’-]+){1,3},\s*$")
_AGE_CLOSES = re.compile(r"^\s*(?:[,.;)]|$|and\b)")
# Ages end here; a larger bare figure after a name is some other count.
MAX_AGE = 110


def _person_age(v: FigureView) -> bool:
    m = _NAME_THEN_COMMA.search(v.before)
    return bool(m and v.fig.qualifier is None and v.fig.value is not None and v.fig.value <= MAX_AGE
                and not v.fig.spelled and m.group("word") not in v.words.place_function_words
                and _AGE_CLOSES.match(v.after))


def too_many_people(v: FigureView):
    """More than the world's population ("Killed: 99,999,999,999,999,999,999"): an id, a
    sum or garbage, whatever label or noun it has. First of the rules, so none can keep it."""
    if any(x is not None and x > MAX_PEOPLE for x in (v.fig.value, v.fig.low, v.fig.high)):
        return REJECT
    return None


# "killed a family of six", "an entire family of eight": the figure counts the family's members.
_FAMILY_OF = re.compile(r"\bfamily\s+of\s+$", re.IGNORECASE)


def family_of(v: FigureView):
    """'an air raid killed a family of six': the family's members, civilians (as its relatives
    are), when no people noun follows the figure ('a family of six children' is the children's)."""
    m = _FAMILY_OF.search(v.before[-40:])
    if m is None or people_noun_after(v) is not None:
        return None
    found = v.terms.people_at(["relatives"], 0)
    if found is None:
        return None
    return Candidate(v.fig, found[0], len(v.before) - 40 + m.start() if len(v.before) > 40 else m.start(),
                     "figure+family-of")


# "five of the Irish": a demonym with no plural of its own, as a people after "of the".
_OF_THE_PEOPLE = re.compile(r"^\s+of\s+the\s+(?P<people>[A-Z][a-z]+(?:ish|sh|ench|utch))\b(?P<rest>.{0,40})")


def _of_the_people(v: FigureView) -> Candidate | None:
    """'Radio Katanga claimed that five of the Irish had been wounded' (set BR's Jadotville
    story): "the Irish", "the British", "the French" are people; "the British soldiers" are the
    soldiers, read on."""
    m = _OF_THE_PEOPLE.match(v.after)
    if m is None or m.group("people").lower() not in demonym_words():
        return None
    rest = [w.lower() for w in WORD.findall(m.group("rest"))[:3]]
    if rest and v.terms.people_at(rest, 0):
        return None
    word = m.group("people").lower()
    return Candidate(v.fig, PeopleNoun((word,), "total", None, None, None), v.fig.end + m.start("people"),
                     f"figure+noun:{word}")


def people_noun_after(v: FigureView):
    """A people noun after the figure ('214 rebels', 'hundreds of prisoners', '16 others'),
    or after a copula ('12 were children', '512 were wounded')."""
    of_the = _of_the_people(v)
    if of_the is not None:
        return of_the
    matches = list(WORD.finditer(v.after[:120]))
    lowered = [m.group(0).lower() for m in matches]
    gap = 0
    for i, w in enumerate(lowered):
        if w in _DEICTIC_DETERMINERS:
            break  # "reached 43 this week": a time phrase after the figure, not its unit
        if w in v.terms.not_people_units:
            return REJECT
        if w in ("and", "or") and 0 < i < len(matches) - 1 and matches[i - 1].group(0)[:1].isupper() \
                and matches[i + 1].group(0)[:1].isupper():
            gap += 1  # "18 Saudi and Qatari soldiers": two owners of one noun
            continue
        if w in v.words.continuation_nouns and i <= 1 and not (
                lowered[i + 1: i + 2] == ["of"] and lowered[i + 2: i + 3] and category_words().own_people.match(lowered[i + 2])):
            # "20 more", "16 others" continue a figure; "20 more of its servicemen" names its people
            continued = _continuation(v, lowered, matches, i)
            if continued is not None:
                return continued
        found = v.terms.people_at(lowered, i)
        if found and i + found[1] < len(lowered) and lowered[i + found[1]] in v.terms.not_people_units:
            return REJECT  # "13 armored personnel carriers": people words naming a thing
        if found:
            return _noun_candidate(v, lowered, matches, i, found)
        if v.year_like:
            return REJECT  # "the 2024 offensive": a year, unless people follow ("2000 people")
        if i == 0 and w in claim_words().word_quantity and not (w.endswith("ed") and len(lowered) > 1 and v.terms.people_at(lowered, 1)):
            # "9 died of their injuries": the verb says what befell them, not a noun after it;
            # "12 kidnapped women": a participle describing the people named next
            break
        if w in _QUOTES or w in _PEOPLE_HEDGES:
            continue  # 'killed nearly 1,000 "terrorists"', "117 of them suspected gang members"
        if i == 0 and _PEOPLE_NAME.fullmatch(matches[i].group(0)):
            # "about 11,000 Meskhetians had been moved": a people's name no list holds (set AN)
            return Candidate(v.fig, PeopleNoun((w,), "total", None, None, None), v.fig.end + matches[i].start(),
                             f"figure+noun:{w}")
        predicate = _casualty_predicate(v, lowered, matches, i)
        if predicate is not None:
            return predicate
        if w in _STOP_WORDS or not w[0].isalnum() or w.isdigit() or w in _SPELLED_UNITS:
            break  # another figure's noun is not this one's ("One survivor said 11 members",
            # "five members of one family including three women": "three" counts the women)
        if i > 0 and matches[i].group(0)[:1].isupper() and matches[i - 1].group(0)[:1].isupper():
            continue  # "96 Abkhaz and North Caucasian volunteers": a name of two words is one owner
        gap += 1
        if gap > MAX_NOUN_GAP:
            break
    return None


_PEOPLE_HEDGES = word_set("people_hedges")


# "taken" of "over 5,000 taken prisoner": the participle that makes a captive noun say what happened.
_TAKEN = word_set("taken_captive_participles")


def _people_past_owners(v: FigureView, lowered: list[str], matches: list[re.Match[str]], i: int):
    """(word index, people noun) of the first people noun after word ``i`` past the demonyms
    of whose they are ("wounded Iraqis", "wounded German and Hungarian soldiers"), within one
    clause (no punctuation between); (None, None) when there is none."""
    for k in range(i + 1, min(i + 1 + MAX_OWNER_WORDS, len(lowered))):
        if not _WORDS_ONLY.fullmatch(v.after[matches[i].end():matches[k].start()]):
            break  # "50 wounded, Ukrainian officials said": another clause
        found = v.terms.people_at(lowered, k)
        if found:
            return k, found
        if not (lowered[k] in demonym_words() or lowered[k] == "and" and k > i + 1):
            break  # "34 Dead, 78 Wounded As Police Open Fire": a headline's words, no owner's
    return None, None


# Names of whose the people are, between a participle and its noun ("wounded German and
# Hungarian soldiers": three words).
MAX_OWNER_WORDS = 4
_WORDS_ONLY = re.compile(r"[\s\w'’-]*")


# A capitalised plural with an ethnonym's ending ("Meskhetians", "Ossetians", "Alawites").
_PEOPLE_NAME = re.compile(r"[A-Z][a-z]{3,}(?:ians|ans|ites|ese)")


def _continuation(v: FigureView, lowered: list[str], matches: list[re.Match[str]], i: int) -> Candidate | None:
    """'16 others', 'two other children': the figure continues the one before, or counts
    the people noun after "other"."""
    w = lowered[i]
    nxt = v.terms.people_at(lowered, i + 1) if i + 1 < len(lowered) else None
    if nxt and nxt[0].words[0] not in v.words.continuation_nouns:  # "two other children"
        return Candidate(v.fig, nxt[0], v.fig.end + matches[i + 1].start(), f"figure+noun:{' '.join(nxt[0].words)}")
    if w != "other":  # "250 other armoured vehicles" goes on to its own noun
        if _counts_things(v):
            return REJECT  # "Five helicopters were lost and nine others were hit": more of the things
        return Candidate(v.fig, None, v.fig.end + matches[i].start(), f"figure+continues:{w}", continues=True)
    return None


def _counts_things(v: FigureView) -> bool:
    """Whether the last figure before this one counts things ("Five helicopters"), which
    "N others" then continues (set BO's Ap Bac wire)."""
    from ..numbers import find_figures

    before = [f for f in find_figures(v.before) if f.end <= len(v.before)]
    if not before:
        return False
    words = _WORD_AFTER.match(v.before, before[-1].end)
    return words is not None and words.group(1).lower() in v.terms.not_people_units


_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")


def _noun_candidate(v: FigureView, lowered: list[str], matches: list[re.Match[str]], i: int,
                    found: tuple[PeopleNoun, int]) -> Candidate:
    """The candidate of the people noun ``found`` at word ``i``, or of the noun right after
    it when ``found`` only says what happened or where they are from."""
    if " ".join(found[0].words) in _PARTICIPLE_NOUNS and i + 1 < len(lowered):
        # "150 wounded civilians": civilians, wounded; "10,000 wounded German and Hungarian
        # soldiers": the soldiers, past the names of whose they are (set AT's Budapest wire)
        j, after = _people_past_owners(v, lowered, matches, i)
        if after and after[0].quantity is None:
            a = after[0]
            noun = PeopleNoun(a.words, a.category, a.subgroup, a.unit, found[0].quantity)
            return Candidate(v.fig, noun, v.fig.end + matches[j].start(), f"figure+noun:{' '.join(a.words)}")
    if found[0].category == "total" and found[0].quantity is None and i + found[1] < len(lowered):
        j = i + found[1]
        if j + 2 < len(lowered) and lowered[j] in ("and", "or") and matches[j + 1].group(0)[:1].isupper():
            j += 2  # "6,450 British and Polish soldiers": two owners of one noun (set BU's Arnhem daily)
        after = v.terms.people_at(lowered, j)  # "1,200 Congolese soldiers": a demonym, then who
        if after and after[0].category != "total":
            a = after[0]
            return Candidate(v.fig, a, v.fig.end + matches[j].start(), f"figure+noun:{' '.join(a.words)}")
    noun, _ = found
    if noun.words[0] in load_figure_terms().captive_words and i > 0 and lowered[i - 1] in _TAKEN:
        # "had been killed in Wilno and over 5,000 taken prisoner": taken, whatever verb the
        # parse joins the phrase to (set AT's Polish agency release)
        noun = PeopleNoun(noun.words, noun.category, noun.subgroup, noun.unit, "detained")
    # "9 soldiers were killed and 31 wounded": a noun that only says what happened
    # counts the people of the figure before
    says_what = " ".join(noun.words) in _PARTICIPLE_NOUNS and v.previous is not None and i == 0
    return Candidate(v.fig, noun, v.fig.end + matches[i].start(), f"figure+noun:{' '.join(noun.words)}",
                     continues=says_what)


_HEDGED_PREDICATE = word_set("hedged_predicate_verbs")


def _casualty_predicate(v: FigureView, lowered: list[str], matches: list[re.Match[str]], i: int) -> Candidate | None:
    """'12 were children', '512 were wounded', '300 had been killed': a copula or a perfect
    auxiliary at word ``i`` and the people noun or casualty word after it."""
    w = lowered[i]
    if w in v.words.copulas and i + 1 < len(lowered):
        # "one was a National Guardsman": one person, named by a noun after its article
        j = i + 2 if lowered[i + 1] in ("a", "an") and v.fig.value == 1 and i + 2 < len(lowered) else i + 1
        nxt = v.terms.people_at(lowered, j)
        if not nxt and j + 1 < len(lowered) and lowered[j].isalpha() and lowered[j] not in _STOP_WORDS:
            # "57 were army officers": one word that says whose before the people noun (set W's
            # Dhaka feature)
            nxt = v.terms.people_at(lowered, j + 1)
            j = j + 1 if nxt else j
        if nxt:
            # "512 were wounded" says what happened, not who: the people of the figure before
            says_what = nxt[0].quantity is not None and nxt[0].category == "total"
            return Candidate(v.fig, nxt[0], v.fig.end + matches[j].start(),
                             f"figure+predicate-noun:{' '.join(nxt[0].words)}", continues=says_what)
        rest = lowered[i + 1: i + 4]
        if rest[:1] and rest[0] in _HEDGED_PREDICATE and lowered[i + 2: i + 5] == ["to", "have", "been"]:
            rest = lowered[i + 5: i + 7]  # "of whom 38 are known to have been killed" (set AX's Somaliland communique)
        # "36 were taken prisoner", "5,000 were held captive": a captive word says it too
        if any(r in v.words.bare_casualty_words or r in v.words.captive_words for r in rest[:3]) \
                or i == 0 and _TREATED_AFTER.match(" ".join(lowered[i + 1:i + 5])):
            # (not "dozens of them were treated": a part of people counted before, by condition)
            return Candidate(v.fig, None, None, "figure+were-casualty-word", continues=True)

    if i == 0 and (w in v.words.copulas or w in claim_words().perfect_auxiliaries):
        tail = lowered[1:7]
        while tail[:1] and tail[0] in ("been", "being", "have", "had"):
            tail = tail[1:]
        if len(tail) > 1 and tail[0] not in ("in", "under", "at") and v.terms.quantity_at(tail, tail, 0):
            # "more than 500 had been taken to hospital": a casualty phrase of several words (set BU)
            return Candidate(v.fig, None, None, "figure+were-casualty-word", continues=True)
    if i == 1 and matches[0].group(0)[:1].isupper() and lowered[0].endswith("s") \
            and (w in v.words.copulas or w in claim_words().perfect_auxiliaries) \
            and quantities_in(v.after[matches[1].start():matches[1].start() + 60]):
        # "20,000 Malaitans have been forced from their homes": a people's name, then what befell them
        return Candidate(v.fig, None, None, "figure+name-casualty-verb")
    if i == 1 and matches[0].group(0)[:1].isupper() and (w in _CASUALTY_VERB_FORMS or w in claim_words().word_quantity):
        # "30 Houthis died", "12 Shabaab were killed" (the copula case above): a group's name
        # stands for its members (category.group_as_noun gives their side)
        return Candidate(v.fig, None, None, "figure+name-casualty-verb")
    if i == 0 and w == "of" and len(lowered) > 2 and lowered[1] in ("them", "whom", "those", "these"):
        # "Twenty-four of them died of their injuries": part of the people before, and what
        # happened to that part
        rest = lowered[2:7]  # "1,800 of them were being held as prisoners of war"
        if any(r in v.words.bare_casualty_words or r in _CASUALTY_VERB_FORMS or r in v.words.captive_words
               for r in rest):
            said_who = _predicate_people(v, lowered, matches, 3)
            if said_who is not None:  # "Nine of those killed were special police officers": who they were
                return said_who
            named = v.terms.people_at(lowered, 2) if lowered[1] in ("them", "whom") else None
            if named and named[0].quantity is None and len(matches) > 3 and v.after[matches[1].end():matches[2].start()].strip() == "":
                # "Nine people, six of them children, were killed": the part's people named right
                # after "of them" (Ukraine, Gaza, Sudan)
                return Candidate(v.fig, named[0], v.fig.end + matches[2].start(),
                                 f"figure+of-them-noun:{' '.join(named[0].words)}")
            return Candidate(v.fig, None, None, "figure+of-them-casualty-word", continues=True)
        if _PERIOD_PART.match(v.after, matches[1].end()):
            # "5,000 had fled over the border since May, 2,100 of them in the past week": a part
            # by when, no verb of its own (set CZ's Paramaribo wire)
            return Candidate(v.fig, None, None, "figure+of-them-period", continues=True)
        if len(matches) > 2 and matches[2].group(0)[:1].isupper() and lowered[2].isalpha() \
                and _ENDS_PART.match(v.after, matches[2].end()):
            # "37 civilians were killed, 35 of them Han and two Uighur": a part named by its
            # people's name alone (set AF's Xinjiang analysis; "five of them Syrian")
            return Candidate(v.fig, None, None, "figure+of-them-people", continues=True)
    if i == 0 and w in claim_words().perfect_auxiliaries:
        # "2 million have fled abroad", "300 had been killed"
        rest = lowered[1:4]
        if any(r in v.words.bare_casualty_words or r in _CASUALTY_VERB_FORMS for r in rest) \
                or any(r in v.words.captive_words for r in lowered[1:5]) \
                or _TREATED_AFTER.match(" ".join(lowered[1:5])) \
                or lowered[1:2] == ["sought"] and any(r in claim_words().wound_nouns for r in lowered[2:8]):
            # "1,400 had been taken prisoner", "1,966 had sought medical treatment for injuries"
            return Candidate(v.fig, None, None, "figure+have-casualty-word", continues=True)
    return None


# "165 had been treated in the capital's hospitals", "40 were treated for burns": a bare
# figure treated somewhere or for something (the quantity rule ``treated_in_hospital`` reads
# what; set CC's Vilnius daily).
_TREATED_AFTER = re.compile(r"^(?:been\s+)?(?:being\s+)?treated\s+(?:in|at|for|by)\b")


def _predicate_people(v: FigureView, lowered: list[str], matches: list[re.Match[str]], start: int) -> Candidate | None:
    """The people noun after the copula that follows word ``start`` ("... were special
    police officers"), a few words in at most (set L's Croatia press release)."""
    at = next((j for j in range(start, min(len(lowered), start + 3)) if lowered[j] in v.words.copulas), None)
    if at is None:
        return None
    for j in range(at + 1, min(len(lowered), at + 4)):
        found = v.terms.people_at(lowered, j)
        if found and found[0].quantity is None:
            return Candidate(v.fig, found[0], v.fig.end + matches[j].start(), f"figure+predicate-noun:{' '.join(found[0].words)}")
    return None


def counted_things(v: FigureView):
    """'including the crews of the two torpedo boats': a figure after "the" and before a
    plural that names no people counts things, not people (set AW's War of Attrition digest)."""
    if not _THE_BEFORE.search(v.before):
        return None
    m = _PLURAL_AFTER.match(v.after)
    if m is None:
        return None
    words = [w.lower() for w in m.group(0).split()]
    if any(v.terms.people_at(words, i) or w in v.words.bare_casualty_words or w in v.words.continuation_nouns
           or w in claim_words().word_quantity for i, w in enumerate(words)):
        return None
    return REJECT


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# one or two lowercase words, the last a plural: "torpedo boats", "villages"
_PLURAL_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+)?[a-z-]{3,}s\b")


def after_casualty_verb(v: FigureView):
    """A bare figure right after a casualty verb ('and wounded 22') counts the same people
    as the figure before it in the sentence."""
    prev = [w.lower() for w in WORD.findall(v.before)[-2:] if w not in _QUOTES][-1:]  # 'killed "more than 3 million"'
    if prev and prev[-1] in _CASUALTY_VERB_FORMS:
        return Candidate(v.fig, None, None, "figure+after-casualty-verb", continues=True)
    if prev and prev[-1] in claim_words().taken_verb_forms and v.previous is not None and ELLIPSIS_AFTER.match(v.after):
        return Candidate(v.fig, None, None, "figure+after-casualty-verb", continues=True)  # "and captured seven,"
    return None


# "of whom" (or "of them", "Of them," opening a sentence) right before the figure, and an adverb
# of time between it and its verb
_OF_WHOM_BEFORE = re.compile(r"\bof\s+(?:whom|them|these|those),?\s+$", re.IGNORECASE)
_WHEN_ADVERB = re.compile(r"^(?:later|subsequently|since|also|then|reportedly|eventually)$", re.IGNORECASE)


def casualty_word_after(v: FigureView):
    """'412 dead', '35 militants were killed and 12 captured', 'and five taken prisoner': a
    casualty word (or two) right after."""
    first = WORD.match(v.after.lstrip())
    if first and first.group(0).lower() in v.words.bare_casualty_words | {"captured"}:
        return Candidate(v.fig, None, None, "figure+casualty-word", continues=True)
    if first and _WHEN_ADVERB.match(first.group(0)) and _OF_WHOM_BEFORE.search(v.before):
        # "of whom seven subsequently died", "of whom 12 later died": the part and what befell it
        second = WORD.match(v.after.lstrip()[first.end():].lstrip())
        if second and second.group(0).lower() in v.words.bare_casualty_words:
            return Candidate(v.fig, None, None, "figure+casualty-word", continues=True)
    if " ".join(w.lower() for w in WORD.findall(v.after[:40])[:2]) in v.words.bare_casualty_phrases:
        return Candidate(v.fig, None, None, "figure+casualty-word", continues=True)
    return None


_TO_FLEE = re.compile(rf"^\s+(?:people\s+)?to\s+{alternation(_TERMS.flee_verbs)}\b", re.IGNORECASE)
_FROM_HOMES = re.compile(rf"^\s+(?:people\s+)?(?:from|out\s+of)\s+their\s+{alternation(_TERMS.home_nouns)}\b",
                         re.IGNORECASE)
_OUT_OF_HOMES = PeopleNoun(("from their homes",), "total", None, None, "displaced")


def forced_to_leave(v: FigureView):
    """'forcing over 6,000 to flee', 'which forced 9,000 from their homes': a bare figure
    made to leave."""
    if _TO_FLEE.match(v.after):
        return Candidate(v.fig, None, None, "figure+forced-to-leave")
    if _FROM_HOMES.match(v.after):
        return Candidate(v.fig, _OUT_OF_HOMES, None, "figure+forced-from-homes")
    return None
