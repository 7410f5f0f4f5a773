"""Shared knowledge: the word lists, names and rules that several stages read.

``loader`` is the one place that reads the data files of ``sitrep/data`` and the user's
overlay (``$SITREP_DATA_DIR/claimants``, ``$SITREP_DATA_DIR/actors``, the imported
GeoNames places under ``$SITREP_GAZETTEER_DIR``). The other modules compile what they read
for fast lookups: ``claim_terms`` (the claim vocabulary), ``event_terms`` (the trigger
language of events). This package imports nothing of Sitrep's but ``sitrep.records``.
"""
