"""The trigger language of events, loaded from ``data/event_terms.json``.

Every rule of ``territory.py`` and ``kinds.py`` reads its words from the entry of the same
name (``terms.rule("territory_change", "capture_verb")``), so a word added to the data
file reaches exactly one named rule.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import lru_cache

from .loader import read_json

# Keys of a rule's entry whose words can start a trigger (the cheap pre-filter of a token).
# Words a rule only checks around its trigger ("is" in "is now under the control of", the
# copula of "became a liberated area") are under other keys, so they send no token through
# the rules.
TRIGGER_KEYS = ("verbs", "nouns", "fire_heads", "send_verbs", "fire_verbs", "exchange_verbs", "change_verbs",
                "charge_nouns", "control_nouns", "control_verbs", "adjectives", "attack_nouns")
EVENT_KINDS = ("territory_change", "withdrawal", "armed_clash", "airstrike", "shelling", "reinforcement")


@dataclass(frozen=True, eq=False)
class EventTerms:
    raw: dict
    _cache: dict = field(default_factory=dict)

    def words(self, *path: str) -> frozenset[str]:
        """The words under ``path`` of event_terms.json (all lists of a dict), cached."""
        if path in self._cache:
            return self._cache[path]
        node = self.raw
        for key in path:
            node = node.get(key, {})
        if isinstance(node, dict):
            out = frozenset(w for k, v in node.items() if isinstance(v, list) and not k.startswith("_") for w in v)
        else:
            out = frozenset(node)
        self._cache[path] = out
        return out

    def rule(self, kind: str, name: str) -> dict[str, frozenset[str]]:
        """The word lists of one named rule (``rules`` of an event kind), as frozensets."""
        key = ("rule", kind, name)
        if key not in self._cache:
            entry = self.raw[kind]["rules"][name]
            self._cache[key] = {k: frozenset(v) for k, v in entry.items() if isinstance(v, list)}
        return self._cache[key]

    @property
    def any_trigger(self) -> frozenset[str]:
        """Every word that can start a trigger: tokens outside it are skipped at once."""
        if "any" not in self._cache:
            words: set[str] = set()
            for kind in EVENT_KINDS:
                node = self.raw[kind]
                entries = list(node.get("rules", {}).values()) + [node]
                for entry in entries:
                    for k in TRIGGER_KEYS:
                        words.update(entry.get(k, ()) if isinstance(entry.get(k), list) else ())
            self._cache["any"] = frozenset(words)
        return self._cache["any"]


    def rules_for(self, word: str) -> frozenset[str]:
        """Names of the rules whose trigger words hold ``word`` (a token's form or lemma)."""
        index = self._cache.get("by_word")
        if index is None:
            index = {}
            for kind in EVENT_KINDS:
                for name, entry in self.raw[kind].get("rules", {}).items():
                    for k in TRIGGER_KEYS:
                        for w in entry.get(k, ()) if isinstance(entry.get(k), list) else ():
                            index.setdefault(w, set()).add(name)
            index = {w: frozenset(names) for w, names in index.items()}
            self._cache["by_word"] = index
        return index.get(word, frozenset())


# Rules whose verbs are also written with a hyphenated "re-" ("re-took", "re-captured",
# "re-entered"; the tokenizer keeps such a word whole: ``nlp.RE_PREFIXED``).
RE_PREFIXED_RULES = ("capture_verb",)
# Word lists of those rules that hold verb forms.
_VERB_KEYS = ("verbs", "needing_control", "needing_place_object", "not_for_regions", "weak_verbs")


def re_prefixed(word: str) -> str:
    """'recaptured' -> 're-captured', 'took' -> 're-took'."""
    return f"re-{word[2:]}" if word.startswith("re") and not word.startswith("re-") else f"re-{word}"


def _with_re_prefixed(raw: dict) -> dict:
    raw = copy.deepcopy(raw)  # (the loader's parse is shared)
    for name in RE_PREFIXED_RULES:
        entry = raw["territory_change"]["rules"][name]
        for key in _VERB_KEYS:
            if isinstance(entry.get(key), list):
                entry[key] = list(dict.fromkeys(entry[key] + [re_prefixed(w) for w in entry[key]]))
    return raw


@lru_cache(maxsize=1)
def load_event_terms() -> EventTerms:
    return EventTerms(_with_re_prefixed(read_json("event_terms.json")))
