"""While another process writes the database, every view says so with a 503; when idle the
app lets go of the file so `sitrep run` can write it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from fastapi.testclient import TestClient

from sitrep.web.app import create_app
from sitrep.web.db import LOCKED_MESSAGE
from web_data import build_small_db

HOLDER = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.readline()  # hold the file until the test closes our stdin
""")
WRITER = "import sys, duckdb; duckdb.connect(sys.argv[1]).close(); print('wrote')"
SETTLE_S = 0.5  # beyond the app's idle close, for a loaded test machine
PAGES = ["/api/claims", "/claims", "/", "/articles/wire", "/api/series", "/search?q=x"]


@pytest.fixture()
def db(tmp_path):
    return build_small_db(tmp_path / "small.duckdb")


def test_web_lock_writer_elsewhere_gives_503_with_what_to_do(db) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
            for path in PAGES:
                response = client.get(path)
                if response.status_code == 200:
                    pytest.skip("this DuckDB lets a second process open a file held for writing")
                assert response.status_code == 503, path
                assert response.headers["retry-after"].isdigit()
                assert "`sitrep run`" in response.text and "try again when it finishes" in response.text
            assert client.get("/api/claims").json() == {"detail": LOCKED_MESSAGE}
            posted = client.post("/api/articles", json={"text": "Ten people were killed."})
            assert posted.status_code in (503, 201) and (posted.status_code == 201 or "sitrep run" in posted.text)
    finally:
        holder.communicate("\n", timeout=30)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:  # and it recovers once the writer is gone
        assert client.get("/api/claims").status_code == 200


def test_web_lock_app_lets_go_of_the_file_when_idle(db) -> None:
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        assert client.get("/api/claims").status_code == 200
        idle = client.app.state.site.db.idle_close_s
        time.sleep(idle + SETTLE_S)
        writer = subprocess.run([sys.executable, "-c", WRITER, str(db)], capture_output=True,
                                text=True, timeout=60)
        assert writer.returncode == 0, writer.stderr
        assert client.get("/api/claims").json()["total"] == 5
