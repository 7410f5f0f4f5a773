"""``python -m sitrep.cli``: the same as the ``sitrep`` command."""

from sitrep.cli import main

main()
