"""The written shapes of a speech clause ("..., the ministry said.", "said X, a ...", "As the
UN reported", "Save the Children said"), as regular expressions built from the speech
verbs of ``attribution.speech_forms`` in data/claim_terms.json."""

from __future__ import annotations

import re

from ...lexicon.claim_terms import load_attribution_terms
from ...lexicon.patterns import alternation

# The written speech verbs of each clause shape (``attribution.speech_forms`` in
# data/claim_terms.json); "told <someone>" is part of the shapes that take it.
ATTRIBUTION = load_attribution_terms()
SPEECH = ATTRIBUTION.speech_forms
SAY_FORMS = rf"(?:{alternation(SPEECH['trailing'])}|told\s+[\w.]+(?:\s+[\w.]+)?)"
# "..., X has announced in a written statement yesterday.": the document the clause was said in
_IN_A_DOCUMENT = rf"(?:\s+in\s+(?:a|an|its|their)\s+(?:[a-z-]+\s+)?{alternation(ATTRIBUTION.issued_documents)})"
# ", police and doctors said on Monday, after security forces fired tear gas.": a clause of
# when or why after the attribution ends the sentence (set AD's Dhaka wire).
_CLAUSE_AFTER = r"(?:,\s+(?:after|as|when|while|following|amid|before)\s[^,;“”\"]{2,160})"
TRAILING_SAY = re.compile(
    rf"[,“”\"]\s*(?P<who>[^,;“”\"]{{2,90}}?),?\s+(?:has\s+|have\s+)?{SAY_FORMS}{_IN_A_DOCUMENT}?"
    rf"(?:\s+(?:on|late on|early on)\s+\w+|\s+\w+day)?{_CLAUSE_AFTER}?\s*[.!]?[\"”’]?\s*$"
)
INVERTED_SAY = re.compile(rf"[,“”\"]\s*(?:{alternation(SPEECH['inverted'])}|told\s+\w+)\s+(?P<who>[^.;]{{2,160}})")
# "John Smith, the defence minister, said ...": a name and its role before the verb
# "At Madina hospital in Mogadishu, the director, Mohamed Yusuf, said ...": after a fronted
# place, a role and the name in apposition; parses hang both on the place.
ROLE_NAME_SAY = re.compile(r",\s+(?P<who>(?:the|a|an)\s+[a-z][\w\s-]{1,40}?,\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),"
                           rf"\s+{alternation(SPEECH['role_then_name'])}\b")
LEADING_APPOSITIVE_SAY = re.compile(r"^\s*(?P<who>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s+(?:the|a|an)\s+[^,;“”\"]{2,80}?),"
                                     rf"\s+{alternation(SPEECH['name_then_role'])}\b")
# "GAM military spokesman Sofyan Dawood denied ...", "Operation spokesman Lt. Col. X told ...":
# a body's name, its speaker's role in lower case, then the speaker's name.
ROLE_THEN_NAME_SAY = re.compile(rf"^\s*(?P<who>(?:[A-Z][\w'’.&/-]*\s+){{0,3}}(?:[a-z][\w-]*\s+){{0,2}}"
                                 rf"{alternation(ATTRIBUTION.speaker_roles)}\s+(?:[A-Z][\w'’.-]*\s+){{1,5}}?)"
                                 rf"(?:{alternation(SPEECH['leading'])})\b")
# '", said X, a ...' names X; ', said the attack was carried out by rebels' is what was said
AS_REPORTS = re.compile(rf"^\s*As\s+(?P<who>[^,]{{2,80}}?)\s+{alternation(SPEECH['as_reports'])}\b")
# "Save the Children said ...": a leading name the parse misread (as a verb, here)
# (not a claim of responsibility: "Jaish-e-Mohammed claimed responsibility for the bombing")
# "ICRC delegates in Point Pedro report that ...": a known body's people and where they are, the
# verb misread as a noun of the place's name (set BH's Jaffna sitrep)
LEADING_PLACED_SAY = re.compile(r"^\s*(?P<who>[A-Z][\w'’.&-]*(?:\s+[a-z]+){1,2}\s+(?:in|at|from)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
                                r"\s+(?:report|reports|reported|say|says|said)\s+that\b")
LEADING_SAY = re.compile(r"^\s*(?P<who>(?:[A-Z][\w'’.&-]*\s+){0,2}(?:the\s+|of\s+|for\s+)?(?:[A-Z][\w'’.&-]*\s*){1,4}?)\s+"
                          rf"{alternation(SPEECH['leading'])}\b(?!\s+(?:responsibility|credit)\b)")

# --- subjects ---------------------------------------------------------------------------
