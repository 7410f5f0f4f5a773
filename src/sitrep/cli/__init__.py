"""The ``sitrep`` command: a thin layer over the library. Each command opens the database,
calls one library function and formats the result (``sitrep.console``).

The commands live by what they do: ``ingest`` (run, load, reconcile), ``extracted``
(claims, events, places, gazetteer import, eval), ``cross_source`` (series,
contradictions, framing), ``outputs`` (report, serve), ``watching`` (watch, alerts),
``samples`` (demo, bench) and ``exports`` (`sitrep export ...`); ``shared`` holds the apps,
the common options and opening the database.
"""

from __future__ import annotations

# Imported for the commands they register, in the order `sitrep --help` lists them.
from sitrep.cli import ingest, extracted, cross_source, outputs, watching, samples, exports  # noqa: F401 isort:skip
from sitrep.cli.shared import app, examples_last, export_app, gazetteer_app

examples_last(app, export_app, gazetteer_app)


def main() -> None:
    app()
