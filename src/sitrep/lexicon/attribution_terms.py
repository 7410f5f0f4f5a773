"""The attribution vocabulary (``attribution`` in ``data/claim_terms.json``): speech
verbs and their clause shapes, pronouns and anaphoric subjects, the head nouns of bodies
and the words of records and documents, compiled once for the claimant rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .loader import read_json
from .patterns import word_alternation as _alternation


@dataclass(frozen=True)
class AttributionTerms:
    """English attribution language (``attribution`` in data/claim_terms.json)."""

    say_lemmas: frozenset[str]
    say_taken_objects: frozenset[str]
    roster_labels: tuple[str, ...]
    force_bodies: frozenset[str]
    denial_verbs: tuple[str, ...]
    claim_nouns: tuple[str, ...]
    claiming_participles: tuple[str, ...]
    civil_body_heads: frozenset[str]
    anaphoric_subjects: frozenset[str]
    pronoun_subjects: frozenset[str]
    possessive_pronouns: frozenset[str]
    body_subject_verbs: tuple[str, ...]  # "gave" of "The prosecutor's office gave a higher count"
    own_staff: re.Pattern[str]  # "Our correspondent": the outlet's own staff
    unnamed_reporters: frozenset[str]  # "Reporters" (who reached the town): no one named
    neuter_heads: frozenset[str]  # "group" of "the militant group X": a body "it" can stand for
    record_nouns: frozenset[str]
    human_sources: re.Pattern[str]
    body_heads: re.Pattern[str]
    media_words: re.Pattern[str]
    role_nouns: tuple[str, ...]
    cited_by: re.Pattern[str]
    contact_participles: frozenset[str]  # "reached" of "A guard reached by telephone said"
    venue_words: re.Pattern[str]
    rule_books: frozenset[str]  # "according to the Geneva Conventions": a rule, no claimant
    reporting_words: re.Pattern[str]
    report_titles: re.Pattern[str]
    outlet_documents: re.Pattern[str]  # "briefing transcript" of "Ministry of Defence briefing transcript"
    continuation_cues: re.Pattern[str]
    running_count_cues: re.Pattern[str]
    title_words: tuple[str, ...]
    topic_shift: re.Pattern[str]
    vague_sources: re.Pattern[str]
    record_object_verbs: frozenset[str]
    clause_word: re.Pattern[str]
    relative_pronouns: frozenset[str]
    agency_words: frozenset[str]
    speech_forms: dict[str, tuple[str, ...]]  # clause shape ("trailing", "leading") -> verb forms
    role_bodies: tuple[str, ...]  # "ministry" of "Ministry spokesman X"
    speaker_roles: tuple[str, ...]  # "spokesman" of "Ministry spokesman X"
    titled_words: tuple[str, ...]  # "governor": a lowercase subject that names a person
    clause_breaks: tuple[str, ...]  # ", while": another clause starts
    figure_first_hedges: tuple[str, ...]  # "about" of "about 100 people ... said"
    records_before_owner: tuple[str, ...]  # "figures" of "according to figures from X"
    records_after_owner: tuple[str, ...]  # "estimates" of "according to UN estimates"
    issued_documents: tuple[str, ...]  # "report" of "Final Report of the X Commission"
    spokes_offices: tuple[str, ...]  # "press centre" of "the press centre of the X": the X's
    body_seats: tuple[str, ...]  # "headquarters" of "Police headquarters said": the police's
    portfolio_seats: frozenset[str]  # "Defence" of "Defence Headquarters": its own name
    spokes_titles: tuple[str, ...]  # "spokesman": speaks for whichever body is speaking
    fronted_quoting: tuple[str, ...]  # "Quoting" of "Quoting a spokesman, the radio said"
    label_lead_ins: tuple[str, ...]  # "The latest from" of "The latest from police: ..."
    intake_verbs: tuple[str, ...]  # "admitted" of "Sam Thong hospital admitted 14 wounded"
    heads_read_by_kind: tuple[str, ...]  # "army" of "the army said": read by kind, not looked back
    record_ages: tuple[str, ...]  # "earlier" of "an earlier ministry bulletin"
    staff_labels: tuple[str, ...]  # "REPORTER" of "REPORTER (at the tower): ...": the outlet's own
    official_count_by: tuple[str, ...]  # "count" of "by the official count"
    official_count_according: tuple[str, ...]  # "figures" of "according to official figures"
    body_families: frozenset[str]  # "ministry": two bodies of one family


@lru_cache(maxsize=1)
def load_attribution_terms() -> AttributionTerms:
    a = read_json("claim_terms.json")["attribution"]
    return AttributionTerms(
        say_lemmas=frozenset(a["say_lemmas"]),
        say_taken_objects=frozenset(a["say_taken_objects"]),
        roster_labels=tuple(a["roster_labels"]),
        force_bodies=frozenset(a["force_bodies"]),
        denial_verbs=tuple(a["denial_verbs"]),
        claim_nouns=tuple(a["claim_nouns"]),
        claiming_participles=tuple(a["claiming_participles"]),
        civil_body_heads=frozenset(a["civil_body_heads"]),
        anaphoric_subjects=frozenset(a["anaphoric_subjects"]),
        pronoun_subjects=frozenset(a["pronoun_subjects"]),
        possessive_pronouns=frozenset(a["possessive_pronouns"]),
        body_subject_verbs=tuple(a["body_subject_verbs"]),
        neuter_heads=frozenset(a["neuter_heads"]) | frozenset(a["body_heads"]),
        unnamed_reporters=frozenset(a["unnamed_reporters"]),
        own_staff=re.compile(r"^(?:\d{1,2}[:.]\d{2}\s*[-–—]\s*)?" + _alternation(a["own_staff"]), re.IGNORECASE),
        record_nouns=frozenset(a["record_nouns"]),
        human_sources=re.compile(_alternation(a["human_sources"])),
        body_heads=re.compile(_alternation(a["body_heads"]) + r"$"),
        media_words=re.compile(_alternation(a["media_words"]), re.IGNORECASE),
        role_nouns=tuple(a["role_nouns"]),
        contact_participles=frozenset(a["contact_participles"]),
        cited_by=re.compile(_alternation(a["cited_by"]) + r"\s+([^,.;:()]+)", re.IGNORECASE),
        venue_words=re.compile(_alternation(a["venue_words"]), re.IGNORECASE),
        rule_books=frozenset(a["rule_books"]),
        reporting_words=re.compile(_alternation(a["reporting_words"]), re.IGNORECASE),
        report_titles=re.compile(_alternation(a["report_titles"]), re.IGNORECASE),
        outlet_documents=re.compile(_alternation(a["outlet_documents"]), re.IGNORECASE),
        continuation_cues=re.compile(_alternation(a["continuation_cues"]), re.IGNORECASE),
        running_count_cues=re.compile(_alternation(a["running_count_cues"]), re.IGNORECASE),
        title_words=tuple(a["title_words"]),
        topic_shift=re.compile(r"\W*" + _alternation(a["topic_shift"]), re.IGNORECASE),
        vague_sources=re.compile(_alternation(a["vague_sources"]), re.IGNORECASE),
        record_object_verbs=frozenset(a["record_object_verbs"]),
        clause_word=re.compile(r"\b(?:" + "|".join(a["clause_words"]) + r")\b", re.IGNORECASE),
        relative_pronouns=frozenset(a["relative_pronouns"]),
        agency_words=frozenset(a["agency_words"]),
        speech_forms={shape: tuple(forms) for shape, forms in a["speech_forms"].items()},
        role_bodies=tuple(a["role_bodies"]),
        speaker_roles=tuple(a["speaker_roles"]),
        titled_words=tuple(a["titled_words"]),
        clause_breaks=tuple(a["clause_breaks"]),
        figure_first_hedges=tuple(a["figure_first_hedges"]),
        records_before_owner=tuple(a["records_before_owner"]),
        records_after_owner=tuple(a["records_after_owner"]),
        issued_documents=tuple(a["issued_documents"]),
        spokes_offices=tuple(a["spokes_offices"]),
        body_seats=tuple(a["body_seats"]),
        portfolio_seats=frozenset(a["portfolio_seats"]),
        **{key: tuple(a[key]) for key in ("spokes_titles", "fronted_quoting", "label_lead_ins", "staff_labels", "intake_verbs", "heads_read_by_kind", "record_ages", "official_count_by",
                                                   "official_count_according")},
        body_families=frozenset(a["body_families"]),
    )


@lru_cache(maxsize=1)
def say_forms() -> frozenset[str]:
    """The written forms of the speech verbs ("said", "claims", "estimated", "told"): each
    lemma with -s, -ed and -ing, and the irregular forms of ``rule_words.irregular_say_forms``."""
    from .claim_rule_words import word_set

    forms = set(word_set("irregular_say_forms"))
    for lemma in load_attribution_terms().say_lemmas:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma, lemma + "s", stem + "ed", stem + "ing"}
    return frozenset(forms)
