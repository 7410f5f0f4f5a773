"""The generated corpora: news-like variants (``bench_corpus``) or one-line templates."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from pathlib import Path

TARGET_WORDS = 800
CORPORA = ("news", "synthetic")

_PLACES = ["Hama", "Homs", "Idlib", "Aleppo", "Saraqeb", "Kharkiv", "Pokrovsk", "Goma", "El Fasher",
           "Khan Younis", "Rafah", "Bakhmut", "Omdurman", "Sittwe", "Marib", "Deir ez-Zor"]
_CLAIMANTS = ["the Syrian Observatory for Human Rights", "the United Nations", "the health ministry",
              "the army", "a rebel commander", "the Red Cross", "local medics", "the regional governor"]
_GROUPS = ["rebels", "government forces", "insurgents", "the army", "militants", "troops"]
_FIGURE_SENTENCES = [
    "At least {n} people were killed in {place} on {day}, according to {claimant}.",
    "{Claimant} said {n} civilians, including {k} children, had been wounded in strikes on {place}.",
    "The death toll in {place} has reached {n}, {claimant} reported.",
    "Around {n} people have fled {place} since {day}, {claimant} said.",
    "{Groups} captured {place} after {k} days of fighting, {claimant} said.",
    "Airstrikes on {place} killed {k} fighters and injured dozens more, said {claimant}.",
]
_FILLER = [
    "Residents described long queues for bread and fuel as prices rose sharply across the region.",
    "Analysts said the speed of the advance had surprised diplomats in several capitals.",
    "The road linking {place} to the coast has been closed to civilian traffic for most of the week.",
    "Aid agencies warned that winter would make conditions in the camps far harder.",
    "Officials in neighbouring countries held talks on how to keep the fighting from spreading.",
    "Schools in {place} remained shut and many families moved in with relatives further south.",
    "Local journalists said phone and internet services were cut for several hours.",
    "The offensive followed months of relative calm along the front lines.",
]



def _sentence(rng: random.Random) -> str:
    """One sentence of generated conflict news: a third carry a figure or an event."""
    tpl = rng.choice(_FIGURE_SENTENCES) if rng.random() < 0.35 else rng.choice(_FILLER)
    claimant = rng.choice(_CLAIMANTS)
    return tpl.format(
        n=f"{rng.randint(3, 90000):,}", k=rng.randint(2, 60), place=rng.choice(_PLACES),
        day=rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
        claimant=claimant, Claimant=claimant[0].upper() + claimant[1:],
        Groups=rng.choice(_GROUPS).capitalize(),
    )


def generate_corpus(folder: Path, n: int, seed: int = 7, corpus: str = "news", *, first: int = 0,
                    latest: int | None = None) -> int:
    """Write ``n`` articles (txt) into ``folder``, numbered from ``first``; returns the
    total word count. ``latest``: date them in the corpus's last ``latest`` days only (new
    articles arriving after a corpus of ``first`` articles).

    ``news``: variants of the sample articles (``bench_corpus``); ``synthetic``: distinct
    articles from one-line templates (the benchmark's corpus before issue 14)."""
    if corpus == "news":
        from ..bench_corpus import generate

        return generate(folder, n, seed, first=first, latest=latest)
    if corpus != "synthetic":
        raise ValueError(f"corpus must be one of {', '.join(CORPORA)}")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    start = date(2024, 11, 27)
    for i in range(first, first + n):
        published = start + timedelta(days=i % 30 if latest is None else 30 - latest + i % latest)
        lines = [f"Fighting around {rng.choice(_PLACES)} enters day {i % 40 + 2}", published.strftime("%B %d, %Y"), ""]
        words = 0
        while words < TARGET_WORDS:
            sentence = _sentence(rng)
            # A serial keeps every article distinct (no accidental wire copies).
            lines.append(f"{sentence} (Report {i}-{words}.)" if rng.random() < 0.1 else sentence)
            words += len(sentence.split())
        (folder / f"bench_{i:06d}.txt").write_text("\n\n".join(lines), encoding="utf-8")
        total += words
    return total


def one_line_text(chars: int, seed: int = 7) -> str:
    """About ``chars`` characters of generated news on a single line (a feed flattened by a
    scraper, a dump): the input that made sentence splitting quadratic (issue 10)."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        sentence = f"{_sentence(rng)} (Report {len(parts)}.)" if rng.random() < 0.1 else _sentence(rng)
        parts.append(sentence)
        size += len(sentence) + 1
    return " ".join(parts)


def bench_one_line(megabytes: float) -> dict:
    """Seconds to clean and split ``megabytes`` MB of one-line text into sentences."""
    from ..ingest import clean_text
    from ..sentences import split_sentences

    text = one_line_text(int(megabytes * 1_000_000))
    started = time.perf_counter()
    cleaned = clean_text(text)
    cleaned_at = time.perf_counter()
    sentences = split_sentences(cleaned)
    done = time.perf_counter()
    return {"one_line_chars": len(text), "clean_seconds": round(cleaned_at - started, 2),
            "split_seconds": round(done - cleaned_at, 2), "sentences": len(sentences),
            "split_chars_per_s": round(len(cleaned) / max(done - cleaned_at, 1e-9))}

