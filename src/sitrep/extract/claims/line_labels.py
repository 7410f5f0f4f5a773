"""Labels at the head of a line that say who speaks in it: a headline's source ("UN: 500,000
displaced"), a body's record ("Health ministry figures: ..."), a monitoring digest's item
("Radio Rwanda, 1300: ..."), a transcript's speaker ("SPOKESMAN: ... Our field hospital has
treated ..."). Sentence rules of ``attribution.SENTENCE_RULES``."""

from __future__ import annotations

import re

from ...sentences import Sentence
from ...records import Claimant
from ...lexicon.claim_terms import claim_words, load_attribution_terms, quantities_in
from ...lexicon.claim_rule_words import words
from ...lexicon.patterns import alternation
from ..entry_labels import STATION_LABEL, colon_dateline, mask_entry_label
from .context import ArticleContext
from .defined_names import label_speaker, local_name
from .service_bodies import bare_police_body
from .subject_resolve import resolve_subject


_LEAD_IN = re.compile(rf"^{alternation(load_attribution_terms().label_lead_ins)}\s+", re.IGNORECASE)
# Characters a line's label may have before its colon (more after a lead-in: set CT's liveblog).
MAX_LABEL_CHARS = 40


# A headline label opening with one of these ("Photo:", "Watch:") names media, not a speaker.
_MEDIA_LABELS = words("media_labels")


def headline_source(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """A headline or line that names its source first: 'UN: 500,000 displaced by fighting'."""
    # "08:15 - South Africa's defence force: nine of its soldiers ...": a liveblog entry's time first
    head = re.match(r"^(?:\d{1,2}[:.]\d{2}\s*(?:[-–—|]\s*)?)?([^:]{2,70}):\s", sentence.text)
    if head and len(head.group(1)) > MAX_LABEL_CHARS and not _LEAD_IN.match(head.group(1)):
        head = None  # a label is short, unless a lead-in opens it ("An update from the Prime Minister's Office in Jerusalem:")
    if head and (colon_dateline(sentence.text) or STATION_LABEL.match(sentence.text)):
        return None, ""  # "PESHAWAR: Security forces ...": a city's dateline; a digest's item (station_item)
    if head and head.group(1).strip().lower() in load_attribution_terms().spokes_titles:
        # "SPOKESMAN: The 68 Royal Marines ...": a transcript's spokesman speaks for the body
        # that publishes the briefing, else for whoever is speaking
        reporter = ctx.reporter.claimant if ctx.reporter else None
        who = ctx.publisher or (reporter if reporter is not None and reporter.kind != "media" else None)
        return (who, "claimant:headline-source") if who is not None else (None, "")
    if head and re.sub(r"\s*\(.*$", "", head.group(1)).strip().lower() in load_attribution_terms().staff_labels:
        return None, ""  # "REPORTER (at the tower):": the outlet's own people tell the line
    if head and head.group(1).strip() in ctx.place_texts():
        return None, ""  # "Kaduna: death toll disputed as displaced swell": the place is the topic (set AO)
    if head and doc is not None and _clause_before(doc, head.end(1)):
        return None, ""  # "The security forces have lost two men: a soldier, ...": a clause, then what it counts (set CU)
    if head and not head.group(1).lower().startswith(_MEDIA_LABELS) \
            and ctx.lexicon.state_government(head.group(1)) is None:
        # "Mali: dozens killed ..." names the topic, not who says it
        label = _LEAD_IN.sub("", head.group(1))  # "The latest from police": the police
        police = bare_police_body(ctx, label)
        if police is not None:  # "The latest from police:" after the story named its police force
            return police, "claimant:headline-source"
        who = local_name(ctx, label) or ctx.lexicon.resolve(label, ctx.countries)
        if who and not who.known and (who.kind == "unknown" or quantities_in(head.group(1))):
            who = None  # "Detained activists: 5,300": a label of people, not a source
        elif who and not who.known:
            # "South Africa's defence force: nine of its soldiers ...": a body of a known kind
            who = ctx.lexicon.in_country(who, label, ctx.countries[0] if ctx.countries else None)
        if who and (who.known or who.kind != "unknown"):
            return who, "claimant:headline-source"
    return None, ""


def _clause_before(doc, end: int) -> bool:
    """A finite verb before the colon that is no verb of saying: the words are a clause
    the colon goes on with, no label naming a speaker."""
    from .subjects import is_say

    return any(t.idx < end and t.text[:1].islower() and not is_say(t)  # ("ACLED:" is a name the tagger may call a verb)
               and (t.pos_ == "AUX" or t.pos_ == "VERB" and t.tag_ in ("VBD", "VBP", "VBZ", "VBN")) for t in doc)


# "10:05 Health ministry figures: at least 30 people killed ..., spokesman X said": a line
# that opens with a body's record, a colon, then the figures.
# The owner may be possessive and the record qualified ("The Health Ministry's latest tally:");
# a short aside may stand before the colon ("Health Ministry update, posted on Facebook:").
# Set AD's Bishkek liveblog; checked on the liveblogs of sets M, R and V.
_RECORD_LABEL = re.compile(rf"^\W*(?P<owner>(?-i:[A-Z])[\w.-]*(?:\s+[\w.-]+){{0,4}}?)(?:['’]s)?"
                           rf"(?:\s+{alternation(claim_words().record_qualifiers)})*\s+"
                           rf"{alternation(load_attribution_terms().records_after_owner)}(?:,[^:,]{{1,40}})?\s*:\s",
                           re.IGNORECASE)


def record_label(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'Health ministry figures: at least 30 people killed and 340 wounded ..., spokesman
    Waheedullah Mayar said': the body whose record the line opens with claims its figures; a
    spokesman with no body of his own speaks for it (not for whoever spoke before)."""
    m = _RECORD_LABEL.match(mask_entry_label(sentence.text).lstrip())
    if m is None or all(w.lower() in claim_words().record_qualifiers for w in m.group("owner").split()):
        return None, ""
    who = resolve_subject(ctx, sentence, m.group("owner"))
    if who is not None and not who.known and who.kind == "unknown":
        return None, ""
    if who is not None and not who.known:
        who = ctx.lexicon.in_country(who, m.group("owner"), ctx.countries[0] if ctx.countries else None)
    return (who, "claimant:record-label") if who is not None else (None, "")


_FIRST_PERSON = re.compile(r"\b(?:we|our|us|ours)\b", re.IGNORECASE)


def labelled_line_speaker(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'SPOKESMAN: ... Our field hospital at Ajax Bay has treated about 300 wounded': in a
    transcript's line, "we" and "our" are the labelled speaker's, whoever the line quoted
    before; 'PONS (recorded): Nineteen of the kidnappers were killed': a line a person the
    article introduced speaks is theirs, all of it (not an anchor's or a correspondent's
    line, whose figures no one in it is said to give)."""
    first_person = _FIRST_PERSON.search(sentence.text) is not None
    who = label_speaker(ctx, sentence.text, sentence.start, people_only=not first_person)
    return (who, "claimant:line-label") if who is not None else (None, "")


def station_item(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'Radio Rwanda, 1300: Two civilians were killed ...': a digest item's station reports
    what no one in it is said to have said (after the item's own speakers: "Radio Okapi,
    1500: The UN refugee agency said ..." is the agency's)."""
    m = STATION_LABEL.match(sentence.text)
    if m is None or not (m.group("service") or m.group("station").startswith("Voice of")
                         or load_attribution_terms().media_words.search(m.group("station"))):
        return None, ""
    name = m.group("station") + (m.group("service") or "")  # "Damascus home service"
    who = Claimant(name=name, kind="media", as_written=name, known=False)
    return who, "claimant:station-item"
