"""Score extracted claims and events against a reference annotation (the gold format of
DESIGN.md and ``../shared/dev2/GUIDE.md``), for a whole set and by conflict.

A gold set is a gold JSON file, or a folder holding ``gold.json`` with its articles (in
``articles/`` or beside it) and optional ``index.jsonl`` metadata (outlet, date, conflict).

Matching rules (DESIGN.md): a claim matches when doc, quantity, category and value agree;
a vague gold amount ("hundreds", value null) matches a claim whose value or bounds fall in
its band. The same figure extracted twice from one article (headline and body) counts once,
and of its copies the one with the right claimant is the one matched. Claimant accuracy is
measured on matched claims; claim+claimant recall is the share of gold claims found with
the right claimant. Names are compared after both go through the claimants lexicon (a body
matches the body it is part of: OCHA and the United Nations), spelling variants are folded
("Ministry of Health" = "Health Ministry", "Azerbaijan" = "Azerbaijani government"), a
name with a role or title around it matches the name ("surgeon Kamal Adam" = "Kamal
Adam"), and a gold source that names only a side ("opposition", "government") matches a
claimant of that kind. Territory events match on doc and place (as written or resolved).

Modules: ``gold`` reads a gold set, ``matching`` says when a claim or claimant is the
gold's, ``scoring`` tallies a set and each conflict in it, ``output`` prints the report,
checks the quality gate's floors and runs Sitrep on a gold set's articles.
"""

from .gold import GoldClaim, GoldEvent, GoldSet, gold_article_paths, load_gold, load_gold_set
from .matching import name_key, same_claimant
from .output import format_report, gate_failures, run_gold_set
from .scoring import EvalReport, Score, Tally, evaluate

__all__ = ["EvalReport", "GoldClaim", "GoldEvent", "GoldSet", "Score", "Tally", "evaluate", "format_report",
           "gate_failures", "gold_article_paths", "load_gold", "load_gold_set", "name_key", "run_gold_set",
           "same_claimant"]
