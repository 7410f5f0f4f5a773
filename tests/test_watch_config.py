"""The watch's TOML config: the README's example reads as documented; every mistake is an
error that says where, never a source or rule silently left out."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from sitrep.watch.config import ConfigError, load_config, parse_config, parse_duration

README = Path(__file__).resolve().parents[1] / "README.md"


def _readme_config() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"```toml\n(.*?)```", text, re.S)
    assert found, "README has no ```toml example"
    return found.group(1)


def test_config_readme_example(tmp_path) -> None:
    example = _readme_config()
    assert len(example.strip().splitlines()) <= 12
    path = tmp_path / "watch.toml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path)
    assert config.db == tmp_path / "syria.duckdb"
    kinds = [s.kind for s in config.sources]
    assert "feed" in kinds and "urls" in kinds
    assert all(s.url.startswith("https://") for s in config.sources if s.kind == "feed")
    assert config.rules and config.rules[0].type == "figure"
    assert config.deliver.jsonl == tmp_path / "alerts.jsonl" and config.deliver.terminal


def test_config_defaults_and_kinds() -> None:
    config = parse_config({
        "interval": "10m",
        "source": [{"feed": "https://a.example/rss.xml", "outlet": "A News", "interval": 300},
                   {"sitemap": "https://a.example/sitemap-news.xml"},
                   {"list": "pages.txt"},
                   {"urls": ["https://a.example/live"]}],
        "alert": [{"quantity": "killed", "rise_percent": 10, "crosses": [1000, 500]},
                  {"type": "control", "place": "Hama"},
                  {"type": "contradiction"},
                  {"type": "new_claimant", "kinds": ["monitor", "un"]}],
    }, Path("/etc/sitrep/watch.toml"))
    feed, sitemap, local, urls = config.sources
    assert (feed.interval_s, feed.outlet, sitemap.interval_s) == (300, "A News", 600)
    assert local.url == "/etc/sitrep/pages.txt" and not local.recheck
    assert urls.urls == ("https://a.example/live",) and urls.recheck
    figure, control, contradiction, claimant = config.rules
    assert figure.crosses == (500, 1000) and figure.name == "figure-1"
    assert contradiction.kinds == ("genuine", "control")
    assert claimant.kinds == ("monitor", "un")
    assert config.fetch.per_host == 2 and config.deliver.channels == ("terminal",)
    assert len({s.id for s in config.sources}) == 4


@pytest.mark.parametrize("data, message", [
    ({}, "no \\[\\[source\\]\\]"),
    ({"source": [{"outlet": "A"}]}, "source 1: give exactly one of"),
    ({"source": [{"feed": "https://a/x", "sitemap": "https://a/y"}]}, "exactly one"),
    ({"source": [{"feed": "file:///etc/passwd"}]}, "only http and https"),
    ({"source": [{"feed": "https://a/x", "outlett": "typo"}]}, "source 1: unknown key outlett"),
    ({"source": [{"feed": "https://a/x", "interval": "soon"}]}, "interval"),
    ({"source": [{"feed": "https://a/x"}, {"feed": "https://a/x"}]}, "the same as source 1"),
    ({"source": [{"feed": "https://a/x"}], "alert": [{"quantity": "killed"}]}, "needs rise_percent, crosses"),
    ({"source": [{"feed": "https://a/x"}], "alert": [{"quantity": "kiled", "rise_percent": 5}]}, "not one of"),
    ({"source": [{"feed": "https://a/x"}], "alert": [{"type": "contradiction", "kinds": ["big"]}]}, "kinds"),
    ({"source": [{"feed": "https://a/x"}], "alert": [{"type": "control", "rise_percent": 5}]}, "figure rules"),
    ({"source": [{"feed": "https://a/x"}], "alert": [{"rise_percent": True}]}, "wrong type"),
    ({"source": [{"feed": "https://a/x"}], "fetch": {"per_host": 5}}, "at most 2"),
    ({"source": [{"feed": "https://a/x"}], "deliver": {"email": {"host": "h", "from": "a@b", "to": "c@d",
                                                                 "password": "x"}}}, "password_env"),
    ({"source": [{"feed": "https://a/x"}], "deliver": {"webhook": "ftp://h/x"}}, "webhook"),
    ({"source": [{"feed": "https://a/x"}], "colour": "red"}, "unknown key colour"),
])
def test_config_mistakes_say_where(data: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(data)


def test_config_unreadable_files(tmp_path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[source]\nfeed = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)


@pytest.mark.parametrize("value, seconds", [(90, 90), ("90", 90), ("30s", 30), ("10m", 600), ("1.5h", 5400),
                                            ("1d", 86400)])
def test_config_durations(value, seconds) -> None:
    assert parse_duration(value, "x") == seconds


def test_config_email_password_comes_from_the_environment(monkeypatch) -> None:
    config = parse_config({"source": [{"feed": "https://a/x"}], "deliver": {"email": {
        "host": "smtp.example.org", "from": "sitrep@example.org", "to": ["desk@example.org"],
        "starttls": True, "username": "sitrep", "password_env": "SITREP_SMTP_PASSWORD"}}})
    email = config.deliver.email
    assert email.port == 587 and email.password() is None
    monkeypatch.setenv("SITREP_SMTP_PASSWORD", "s3cret")
    assert email.password() == "s3cret"
    assert tomllib  # Python 3.11's TOML reader, no extra package
