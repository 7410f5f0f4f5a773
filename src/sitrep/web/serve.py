"""`sitrep serve`: the app on uvicorn, until interrupted."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from sitrep.web.app import create_app
from sitrep.web.hosts import DEFAULT_HOST, DEFAULT_PORT, allowed_hosts, is_loopback


def serve(db_path: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          extra_hosts: Iterable[str] = ()) -> None:
    """Serve the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db_path, allowed_hosts(host, extra_hosts)), host=host, port=port, log_level="info")


def serve_command(db: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                  extra_hosts: Iterable[str] = ()) -> int:
    """What `sitrep serve` does: check the file, warn about non-local hosts, serve.

    Returns the exit status (2 when there is no database)."""
    if not Path(db).exists():
        print(f"error: no database at {db}; create one with `sitrep run PATH --db {db}`", file=sys.stderr)
        return 2
    if not is_loopback(host):
        print(f"warning: serving on {host} lets other machines read the record and add articles",
              file=sys.stderr)
    print(f"Serving {db} on http://{host}:{port}/ (Ctrl-C to stop); answering for "
          f"{', '.join(sorted(allowed_hosts(host, extra_hosts)))}", file=sys.stderr)
    serve(db, host=host, port=port, extra_hosts=extra_hosts)
    return 0
