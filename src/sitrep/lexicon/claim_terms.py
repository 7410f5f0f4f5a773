"""The claim vocabulary (``data/claim_terms.json``) compiled for fast lookups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .loader import read_json
from .attribution_terms import load_attribution_terms  # noqa: F401  (re-exported for the claim rules)
from .patterns import word_alternation as _alternation

@dataclass(frozen=True, slots=True)
class PeopleNoun:
    words: tuple[str, ...]  # lowercased tokens of the noun phrase, e.g. ("pro-government", "forces")
    category: str
    subgroup: str | None
    unit: str | None  # "families" / "households": a count of groups, not people
    quantity: str | None = None  # nouns that say what happened: "deaths", "the wounded"


@dataclass(frozen=True)
class ClaimTerms:
    people: dict[str, tuple[PeopleNoun, ...]]  # first token -> candidate nouns, longest first
    quantity_lemmas: dict[str, str]  # lemma -> quantity
    quantity_words: dict[tuple[str, ...], str]  # token sequence -> quantity
    toll_nouns: frozenset[str]
    anaphora: tuple[str, ...]
    correction_notes: tuple[str, ...]
    not_people_units: frozenset[str]
    level_verbs: tuple[str, ...] = ()
    carry_over: tuple[str, ...] = ()  # sentence openings that continue the previous report
    # First tokens of quantity_words: most tokens start none, and are passed over without
    # building the four slices (quantity_at runs on every token of every parsed sentence).
    quantity_starts: frozenset[str] = frozenset()
    longest_quantity_words: int = 4  # words in the longest of quantity_words

    def people_at(self, words: list[str], i: int) -> tuple[PeopleNoun, int] | None:
        """The people noun starting at token ``i`` of ``words`` (lowercased), with its length."""
        for noun in self.people.get(words[i], ()):
            n = len(noun.words)
            if tuple(words[i:i + n]) == noun.words:
                return noun, n
        return None

    def quantity_at(self, words: list[str], lemmas: list[str], i: int) -> tuple[str, int] | None:
        """The quantity a casualty word at token ``i`` names, with the word's length."""
        if words[i] in self.quantity_starts:
            for n in range(self.longest_quantity_words, 0, -1):  # "forced out of their homes": 5 words
                q = self.quantity_words.get(tuple(words[i:i + n]))
                if q:
                    return q, n
        q = self.quantity_lemmas.get(lemmas[i])
        return (q, 1) if q else None


def _plural_demonyms() -> set[str]:
    """'Palestinians', 'Israelis', 'Sudanese': a figure followed by one counts people."""
    return set(demonym_plurals())


@lru_cache(maxsize=1)
def demonym_plurals() -> dict[str, str]:
    """A demonym's plural as a people noun -> the demonym ('russians' -> 'russian',
    'sudanese' -> 'sudanese'), lowercase."""
    data = read_json("gazetteer", "countries.json")
    out: dict[str, str] = {}
    for words in data.get("demonyms", {}).values():
        for w in words:
            w = w.lower()  # "central african" -> "central africans", as one people noun
            out.setdefault(w if w.endswith(("ese", "ss", "i")) and not w.endswith("i") else w + "s", w)
            if w.endswith("ese"):
                out.setdefault(w, w)
    return out


@lru_cache(maxsize=1)
def demonym_words() -> frozenset[str]:
    """Every single-word demonym, lowercase ('haitian', 'somali', 'congolese')."""
    data = read_json("gazetteer", "countries.json")
    return frozenset(w.lower() for words in data.get("demonyms", {}).values() for w in words if " " not in w)


# The sides a people noun's singular is derived for: "One passer-by was also killed", "a
# tourist"; a count noun ("deaths"), a unit or a noun of no side ("others") keeps its plural only.
_SINGULAR_SIDES = ("civilians", "government", "rebels", "prisoners")


def _singulars(people: dict, no_singular: frozenset[str]) -> dict[str, dict]:
    """The singular of each one-word plural people noun with a side that has none of its own
    ("tourists" -> "tourist", "passers-by" -> "passer-by"): the singular counts one of them
    (set AY's liveblog). "-ves" plurals are written out; ``people_without_singular`` keeps
    the plurals whose singular means something else ("troop", "a national")."""
    out: dict[str, dict] = {}
    for phrase, info in people.items():
        if " " in phrase or info["category"] not in _SINGULAR_SIDES or info.get("quantity") or info.get("unit"):
            continue
        head, dash, tail = phrase.partition("-")
        word = head if dash and head.endswith("s") and not tail.endswith("s") else phrase
        if not word.endswith("s") or word.endswith(("ss", "ves", "us")):
            continue
        if phrase in no_singular:
            continue
        singular = word[:-3] + "y" if word.endswith("ies") else word[:-2] if word.endswith(("ches", "shes", "xes")) \
            else word[:-1]
        singular = singular + dash + tail if word is head else singular
        if singular not in people and len(singular) > 2:
            out[singular] = info
    return out


@lru_cache(maxsize=1)
def load_terms() -> ClaimTerms:
    data = read_json("claim_terms.json")
    people: dict[str, list[PeopleNoun]] = {}
    for phrase, info in data["people"].items():
        words = tuple(phrase.lower().split())
        people.setdefault(words[0], []).append(
            PeopleNoun(words, info["category"], info.get("subgroup"), info.get("unit"), info.get("quantity")))
    for plural in _plural_demonyms():
        words = tuple(plural.split())
        people.setdefault(words[0], []).append(PeopleNoun(words, "total", None, None))
    for singular, info in _singulars(data["people"], frozenset(data["people_without_singular"])).items():
        people.setdefault(singular, []).append(PeopleNoun((singular,), info["category"], info.get("subgroup"), None))
    lemmas: dict[str, str] = {}
    words_map: dict[tuple[str, ...], str] = {}
    for quantity, spec in data["quantities"].items():
        for lemma in spec["lemmas"]:
            lemmas.setdefault(lemma, quantity)
        for w in spec["words"]:
            words_map.setdefault(tuple(w.lower().split()), quantity)
    return ClaimTerms(
        people={k: tuple(sorted(v, key=lambda n: -len(n.words))) for k, v in people.items()},
        quantity_lemmas=lemmas,
        quantity_words=words_map,
        quantity_starts=frozenset(k[0] for k in words_map),
        longest_quantity_words=max((len(k) for k in words_map), default=1),
        toll_nouns=frozenset(data["toll_nouns"]),
        anaphora=tuple(data["anaphora"]),
        correction_notes=tuple(data["correction_notes"]),
        carry_over=tuple(w + " " for w in data.get("claimant_carry_over", ())),
        not_people_units=frozenset(data["not_people_units"]),
        level_verbs=tuple(sorted(data.get("level_verbs", ()), key=len, reverse=True)),
    )


def trigger_words() -> list[str]:
    """Every casualty word and lemma of the claim vocabulary (used to pick sentences to parse)."""
    data = read_json("claim_terms.json")
    out: set[str] = set()
    for spec in data["quantities"].values():
        out.update(spec["lemmas"])
        out.update(spec["words"])
    out.update(data["toll_nouns"])
    out.update(data.get("parse_triggers", ()))
    out.update(w for w, info in data["people"].items() if info.get("quantity"))
    # captives are a figure of detention by themselves ("still holding 100 hostages")
    out.update(w for w, info in data["people"].items() if info["category"] == "prisoners"
               or info.get("subgroup") == "hostages")
    return sorted(out)


@dataclass(frozen=True)
class FigureTerms:
    """Language around a figure (``figures`` in data/claim_terms.json)."""

    breakdown: re.Pattern[str]
    not_a_count_before: re.Pattern[str]
    place_function_words: frozenset[str]  # "in" of "in Gaza City, 120": a place, not a person's age
    container_before: re.Pattern[str]
    population_after: re.Pattern[str]  # after "X's <figure>": the place's population
    population_before: re.Pattern[str]  # "Sierra Leone's", "the enclave's" right before a figure
    sheltered: re.Pattern[str]  # "are staying in ...": where part of a group counted before is
    vague_not_claims: frozenset[str]
    negated_before: re.Pattern[str]
    copulas: frozenset[str]
    bare_casualty_words: frozenset[str]
    bare_casualty_phrases: frozenset[str]  # "and five taken prisoner"
    bare_displacement_phrases: frozenset[str]  # "and some 300,000 forced from their homes"
    continuation_nouns: frozenset[str]
    captive_words: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_heads: frozenset[str]
    demand_heads: frozenset[str]  # "demanded the release of 234 prisoners": asked for, not done
    unverified: re.Pattern[str]
    single_victim_events: dict[str, str]
    single_victim: re.Pattern[str]
    single_victim_passive: re.Pattern[str]
    single_victim_kin: re.Pattern[str]
    single_victim_kin_words: frozenset[str]
    single_victim_joined: tuple[re.Pattern[str], ...]  # "Three policemen and a civilian were killed"
    named_victim: re.Pattern[str]  # "Camila Acosta ... was arrested": a person named as a casualty (a parse cue)
    mixed_casualties: re.Pattern[str]
    death_toll_words: tuple[str, ...]  # "number of deaths": a toll of the dead
    other_tolls: tuple[str, ...]  # "casualty" of "casualty toll": not a toll of the dead
    flee_verbs: tuple[str, ...]  # "flee" of "forcing 6,000 to flee"
    home_nouns: tuple[str, ...]  # "homes" of "9,000 from their homes"
    running_total_verbs: tuple[str, ...]  # "bringing" of "bringing the number of ... to"
    revision_verbs: tuple[str, ...]  # "revised" of "revised the number of people killed from 86 to 68"
    count_nouns: tuple[str, ...]  # "number" of "the number of displaced"
    count_modifiers: tuple[str, ...]  # "overall" of "the overall number of"
    count_is_verbs: tuple[str, ...]  # "stood at" of "the number of displaced stood at"
    noun_count_verbs: tuple[str, ...]  # "number" of "Our martyrs number 73"
    level_count_nouns: tuple[str, ...]  # "tally" of "the tally has reached"
    subset_nouns: tuple[str, ...]  # "wounded" of "10 of the wounded are critical"
    treated_verbs: tuple[str, ...]  # "treated" of "76 people were treated in the city's hospitals"
    taken_prisoner_nouns: frozenset[str]  # "prisoners" taken in a fight: the other side's fighters
    staff_nouns: frozenset[str]  # "staff" of an aid body: civilians
    opening_hedges: tuple[str, ...]  # "about" opening a sentence before its figure
    lost_hedges: tuple[str, ...]  # "about" of "had lost about 415 dead"


def _joined_events(f: dict) -> str:
    """The events of a single victim joined to other victims by "and", said of them all
    ("and a civilian were killed", "A soldier and two civilians died")."""
    were = [f"were {e[4:]}" for e in f["single_victim_passive"] if e.startswith("was ")]
    other = [e for e in f["single_victim_passive"] if not e.startswith(("was ", "has ", "lost "))]
    adverbs = _alternation(f["single_victim_adverbs"], prefix="", suffix="")
    return (rf"(?:(?:were|have\s+been|had\s+been)\s+(?:{adverbs}\s+)?{_alternation([w[5:] for w in were], prefix='', suffix='')}"
            rf"|{_alternation(other, prefix='', suffix='')})")


def _single_events(f: dict) -> str:
    """The events of a single victim, an adverb allowed after "was" ("was also killed") and
    before a verb of its own ("A Malaysian soldier also died": set CR's Mogadishu analysis)."""
    was = [e[4:] for e in f["single_victim_passive"] if e.startswith("was ")]
    other = [e for e in f["single_victim_passive"] if not e.startswith("was ")]
    adverbs = _alternation(f["single_victim_adverbs"], prefix="", suffix="")
    return (rf"(?:was\s+(?:{adverbs}\s+)?{_alternation(was, prefix='', suffix='')}"
            rf"|(?:{adverbs}\s+)?{_alternation(other, prefix='', suffix='')})")


@lru_cache(maxsize=1)
def load_figure_terms() -> FigureTerms:
    f = read_json("claim_terms.json")["figures"]
    nouns = "|".join(re.escape(n) for n in sorted(f["single_victim_nouns"], key=len, reverse=True))
    events = "|".join(re.escape(e) for e in sorted(f["single_victim_events"], key=len, reverse=True))
    return FigureTerms(
        breakdown=re.compile(_alternation(f["breakdown_words"]), re.IGNORECASE),
        place_function_words=frozenset(f["place_function_words"]),
        not_a_count_before=re.compile(_alternation(f["not_a_count_before"], prefix=r"(?:^|(?<=[\s(]))", suffix=r"\s*$"),
                                      re.IGNORECASE),
        container_before=re.compile(_alternation(f["not_a_count_container"], prefix=r"(?:^|(?<=[\s(]))", suffix=r"\s*$"),
                                    re.IGNORECASE),
        population_after=re.compile(r"^\s+" + _alternation(f["population_after_possessive"], prefix=""), re.IGNORECASE),
        population_before=re.compile(r"(?:\b[A-Z][\w.-]*|" + _alternation(f["population_owners"]) + r")['’]s?\s+(?:estimated\s+)?$"),
        sheltered=re.compile(r"^\s+(?:[\w’'-]+\s+)?(?:are|were|is|was|remain|remained)\s+(?:"
                             + _alternation(f["sheltered_verbs"], prefix="") + r"|in\s+(?-i:[a-z]))",
                             re.IGNORECASE),
        vague_not_claims=frozenset(f["not_a_claim_vague"]),
        negated_before=re.compile(_alternation(f["negated_before"]) + r"\s*$", re.IGNORECASE),
        copulas=frozenset(f["copulas"]),
        bare_casualty_words=frozenset(f["bare_casualty_words"]),
        bare_casualty_phrases=frozenset(f["bare_casualty_phrases"]),
        bare_displacement_phrases=frozenset(f["bare_displacement_phrases"]),
        continuation_nouns=frozenset(f["continuation_nouns"]),
        captive_words=frozenset(f["captive_words"]),
        hypothetical_aux=frozenset(f["hypothetical_aux"]),
        hypothetical_heads=frozenset(f["hypothetical_heads"]),
        demand_heads=frozenset(f["demand_heads"]),
        unverified=re.compile("|".join(f["unverified"]), re.IGNORECASE),
        single_victim_events=dict(f["single_victim_events"]),
        single_victim=re.compile(
            rf"\b(?P<event>{events})\s+of\s+(?:its|their|his|her|a|an|the|one)\s+(?:[\w’'-]+\s+){{0,4}}?"
            rf"(?P<noun>{nouns})\b", re.IGNORECASE),
        # "A civilian was killed", "one soldier died", "A soldier was also hit by a bullet", "A
        # Reuters correspondent who was with him was wounded": one victim, no number written; "Her husband, she says, was killed": a relative, one victim
        single_victim_passive=re.compile(
            rf"(?:^|(?<=[\s(\"“]))(?:[Aa]n?|[Oo]ne)\s+(?:[\w’'-]+\s+){{0,2}}?(?P<noun>{nouns})\s+"
            # (the clause holds no figure and no speech verb: "A man who gave his name as Oleg
            # said 12 people had been killed" names no victim)
            rf"(?:(?:who|that)\s+(?:(?!\b(?:said|says|told|tells)\b)[^,.;“”\"\d]){{1,40}}?\s+)?(?P<event>{_single_events(f)})\b"),
        single_victim_kin_words=frozenset(f["single_victim_kin"]),
        # one victim joined by "and" to others the verb counts with it: after them ("Three
        # policemen and a civilian were killed") or before them ("A soldier and two civilians
        # died"); no comma inside, so an apposition's list ("14 people, a soldier and 13
        # civilians, were killed") is the total's breakdown, not this
        single_victim_joined=(
            re.compile(rf"(?:(?<=\band\s)|(?<=,\s))(?:an?|one)\s+(?:[\w’'-]+\s+){{0,2}}?(?P<noun>{nouns})\s+"
                       rf"(?P<event>{_joined_events(f)})\b", re.IGNORECASE),
            re.compile(rf"(?:^|(?<=[\s(\"“]))(?:[Aa]n?|[Oo]ne)\s+(?:[\w’'-]+\s+){{0,2}}?(?P<noun>{nouns})\s+and\s+"
                       rf"(?!(?:his|her|their|its|my|our)\s)(?:[\w’'-]+\s+){{1,4}}?(?P<event>{_joined_events(f)})\b"),
        ),
        single_victim_kin=re.compile(
            rf"(?:^|(?<=[\s(\"“]))(?:[Hh]er|[Hh]is|[Tt]heir|[Mm]y|[Oo]ur)\s+(?P<noun>{_alternation(f['single_victim_kin'], prefix='', suffix='')})"
            rf"(?:,[^,.;]{{1,40}},)?\s+(?P<event>{_single_events(f)})\b"),
        # "Camila Acosta, a Cuban reporter, was arrested", "gunmen shot dead Juan Perez": a
        # person's name beside a casualty participle, which sends the sentence to the parser
        # (claims.named_victims reads the parse); the name's words are capitalised
        named_victim=re.compile(
            # (initials between: "Lieutenant-Colonel W. T. Owen, was killed", set AY)
            rf"[A-Z][\w’'-]+\s+(?:[A-Z]\.\s+)*[A-Z][\w’'.-]*(?:,[^.;]{{1,100}}?)?,?\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
            rf"(?:[a-z]+ly\s+|also\s+|later\s+|then\s+)?(?:[a-z]+\s+and\s+)?"  # "were seized and murdered"
            rf"{_alternation(f['named_victim_participles'], prefix='', suffix='')}\b"
            rf"|\b{_alternation(f['named_victim_participles'], prefix='', suffix='')}\s+(?:[a-z-]+\s+){{0,3}}?[A-Z][\w’'-]+\s+[A-Z]"
            # "The author Pierre Laval, arrested near Camiri in May, is on trial" (set CZ)
            rf"|[A-Z][\w’'-]+\s+[A-Z][\w’'.-]*,\s+(?:[a-z]+ly\s+)?{_alternation(f['named_victim_participles'], prefix='', suffix='')}\s+(?:in|near|at|on|by|during|after|last|earlier)\b"
            # "Journalist Anna Petrova was among the wounded", "Among the dead was Colonel X" (set CZ)
            rf"|[A-Z][\w’'-]+\s+[A-Z][\w’'.-]*,?\s+(?:[^.;]{{1,80}}?,\s+)?(?:was|were)\s+among\s+the\s+(?:dead|wounded|injured|killed|victims)\b"
            rf"|\bAmong\s+the\s+(?:dead|wounded|injured|killed|victims)\s+(?:was|were|is|are)\s+(?:[a-z]+\s+){{0,3}}[A-Z]"
            # "the guerrilla leader Ernesto Guevara died of wounds" (set CZ)
            rf"|[A-Z][\w’'-]+\s+[\"“]?[A-Z][\w’'-]+[\"”]?\s+[A-Z][\w’'-]+\s+died\s+(?:of|from|in|after)\b"
            rf"|[A-Z][\w’'-]+\s+[A-Z][\w’'-]+\s+died\s+(?:of|from|in|after)\b"),
        mixed_casualties=re.compile(r"^\s*" + _alternation(f["not_claims_after"], prefix="", suffix=r"\b"), re.IGNORECASE),
        **{key: tuple(f[key]) for key in ("death_toll_words", "other_tolls", "flee_verbs", "home_nouns",
                                          "running_total_verbs", "revision_verbs", "count_nouns", "count_modifiers",
                                          "count_is_verbs", "noun_count_verbs", "level_count_nouns", "subset_nouns", "treated_verbs",
                                          "opening_hedges", "lost_hedges")},
        taken_prisoner_nouns=frozenset(f["taken_prisoner_nouns"]),
        staff_nouns=frozenset(f["staff_nouns"]),
    )


@dataclass(frozen=True)
class ClaimWords:
    """The word lists of ``words`` in data/claim_terms.json."""

    office_titles: frozenset[str]
    armed_force_nouns: frozenset[str]  # "Russian troops", "Russian shelling": a state's forces in the story
    envoy_titles: frozenset[str]  # "a Kuwaiti diplomat": speaks for the state's government
    issued_records: frozenset[str]  # "statement" of "X issued a statement saying": X speaks
    record_qualifiers: frozenset[str]  # "Official" of "Official figures: 12 dead": no owner
    suffer_verbs: frozenset[str]  # "sustain" of "17 others sustained injuries": the object says it
    agentive_verbs: frozenset[str]  # "Five gunmen killed 12 villagers": the subject acted
    enumerated_heads: frozenset[str]  # "woman" of "A woman and her three children drowned" (4)
    casualty_event_nouns: frozenset[str]  # "killings" of "Killings recorded in X: 486": no speaker
    vague_amounts: frozenset[str]  # "and many others are missing": another count after "and"
    positions: frozenset[str]
    generic_qualifiers: frozenset[str]
    state_level_words: frozenset[str]  # "the federal Interior Ministry": the state's own
    unsided_fighters: frozenset[str]  # "200 fighters" no rule gave a side: rebels
    militia_nouns: frozenset[str]  # "18 militiamen" a side counts: its enemy's
    state_name_ends: frozenset[str]  # "... Democratic Republic": a state's name, no person's
    attacker_verbs: frozenset[str]  # "men who attacked the post": attackers
    revolt_nouns: frozenset[str]  # "rebellion" of "men who took part in the rebellion": rebels
    revolt_joining: frozenset[str]  # "took part in" of the same
    name_stop: frozenset[str]
    former_holders: frozenset[str]  # "former" of "former police chief Guy Philippe": no office
    role_neutral_subjects: frozenset[str]
    participle_nouns: frozenset[str]
    casualty_verb_forms: frozenset[str]
    stop_words: frozenset[str]
    leave_verbs: frozenset[str]
    force_verbs: frozenset[str]
    crossing_verbs: frozenset[str]  # "crossed the Amu Darya into Afghanistan"
    left_places: frozenset[str]  # "left villages along the Line of Control"
    drive_out_verbs: frozenset[str]  # "had driven 114,000 people from Ramadi": displaced
    word_quantity: dict[str, str]
    label_words: tuple[str, ...]
    locative_words: tuple[str, ...]
    kin_nouns: frozenset[str]
    ranks: frozenset[str]
    wound_nouns: frozenset[str]  # "had gunshot wounds": hurt
    broadcaster_heads: frozenset[str]  # "UNITA's radio": the owner speaks
    broadcaster_anaphors: frozenset[str]  # "the radio said": the last broadcaster named
    side_group_nouns: frozenset[str]  # "the rebels said": the rebel group the article names
    record_anaphors: frozenset[str]  # "the communique said": the body that issued it
    rank_nouns: frozenset[str]  # "among them two commanders": the side of the breakdown's whole
    continued_casualty_nouns: frozenset[str]  # "29 soldiers killed and two wounded": the same people
    state_army_words: frozenset[str]  # "the National Army": a state's, not a group's
    taken_verb_forms: frozenset[str]  # "and captured seven"
    title_heads: frozenset[str]  # "Minister" of "Deputy Prime Minister Tigran Khachatryan"
    sentence_casualty_verbs: frozenset[str]
    attribution_cues: frozenset[str]
    breakdown_openers: dict[str, tuple[str, ...]]  # quantity -> nouns after "among the"
    year_cues_before: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    group_casualty_words: frozenset[str]  # "dead" of "among the dead servicemen"


@lru_cache(maxsize=1)
def claim_words() -> ClaimWords:
    w = read_json("claim_terms.json")["words"]
    sets = {k: frozenset(v) for k, v in w.items() if isinstance(v, list) and k not in ("label_words", "locative_words")}
    return ClaimWords(**sets, word_quantity=dict(w["word_quantity"]), label_words=tuple(w["label_words"]),
                      locative_words=tuple(w["locative_words"]),
                      breakdown_openers={q: tuple(v) for q, v in w["breakdown_openers"].items()})


@lru_cache(maxsize=1)
def civilian_nouns() -> frozenset[str]:
    """The one-word people nouns whose category is civilians ("civilians", "residents", "children")."""
    people = read_json("claim_terms.json")["people"]
    return frozenset(w for w, spec in people.items()
                     if isinstance(spec, dict) and spec.get("category") == "civilians" and " " not in w)


@lru_cache(maxsize=1)
def person_role_words() -> frozenset[str]:
    """Ranks, titles and roles a person is named by ("ADMIRAL", "spokesman", "briefer",
    "governor"), lowercase: a transcript's label, the word before a surname, the head of a
    subject that names a person rather than a body."""
    terms = load_attribution_terms()
    return frozenset({r.lower() for r in claim_words().ranks} | set(terms.titled_words) | set(terms.role_nouns)
                     | set(terms.speaker_roles) | set(terms.spokes_titles))


@lru_cache(maxsize=1)
def rank_prefix() -> re.Pattern[str]:
    """Leading ranks and honorifics of a name ("Colonel", "Capt.", "Lt. Gen.")."""
    words = "|".join(re.escape(r) for r in sorted(claim_words().ranks, key=len, reverse=True))
    return re.compile(rf"^(?:(?:{words})\.?\s+)+")


@lru_cache(maxsize=1)
def _quantity_regexes() -> dict[str, re.Pattern[str]]:
    data = read_json("claim_terms.json")["quantities"]
    out = {}
    for quantity, spec in data.items():
        stems = sorted({re.escape(w) for w in spec["lemmas"] + spec["words"]}, key=len, reverse=True)
        out[quantity] = re.compile(r"\b(?:" + "|".join(stems) + ")", re.IGNORECASE)
    return out


@lru_cache(maxsize=4096)
def quantities_in(text: str) -> frozenset[str]:
    """The quantities a text speaks of, by its casualty words ("killed", "fled"...); memoised
    (a reporter's sentence is asked again by each figure after it)."""
    return frozenset(q for q, rx in _quantity_regexes().items() if rx.search(text))


@dataclass(frozen=True)
class CategoryWords:
    """The words that give a figure's people a side (``categories`` in data/claim_terms.json)."""

    government: re.Pattern[str]
    rebels: re.Pattern[str]
    own_people: re.Pattern[str]
    generic_nouns: frozenset[str]
    group_before: re.Pattern[str]
    sides: dict[str, str]  # lowercase side word ("rebel", "junta", "pro-government") -> actor side
    own_side_nouns: frozenset[str]  # "comrades", "men": the speaker's side after "our/its"
    own_losses_before: re.Pattern[str]  # "Our own casualties were 12 killed"
    owner_losses_before: re.Pattern[str]  # "U.S. casualties so far are six killed"
    displaced_as_people: frozenset[str]  # "residents": people in general when they flee
    losses_of_owner: re.Pattern[str]  # "the losses of the security forces at 60 dead"
    toll_phrase_ends: frozenset[str]  # "at" of "the number of police dead at three": the toll's noun phrase ends
    toll_fillers: frozenset[str]  # "official" of "the official death toll": no people
    raised_toll_verbs: frozenset[str]  # "rose" of "the toll rose to 38"
    group_member_nouns: frozenset[str]  # "members", "martyrs": a group's fighters once it is named
    civilian_modifiers: frozenset[str]  # "unarmed": the people a noun counts are civilians


@lru_cache(maxsize=1)
def category_words() -> CategoryWords:
    data = read_json("claim_terms.json")["categories"]

    def alt(words):
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b",
                          re.IGNORECASE)

    sides = {w: "opposition" for w in data["rebel_modifiers"]}
    sides.update({w: "government" for w in data["government_modifiers"]})
    return CategoryWords(alt(data["government_modifiers"]), alt(data["rebel_modifiers"]), alt(data["own_people"]),
                         frozenset(data["generic_nouns"]), re.compile(data["group_before"], re.IGNORECASE), sides,
                         frozenset(data["own_side_nouns"]), re.compile(data["own_losses_before"], re.IGNORECASE),
                         re.compile(data["owner_losses_before"]),
                         frozenset(data["displaced_as_people"]), re.compile(data["losses_of_owner"]),
                         frozenset(data["toll_phrase_ends"]), frozenset(data["toll_fillers"]),
                         frozenset(data["raised_toll_verbs"]), frozenset(data["group_member_nouns"]),
                         frozenset(data["civilian_modifiers"]))
