"""Extraction: from a cleaned article to claims, events and place mentions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from ..nlp import Sentence, parse, split_sentences, worth_parsing
from ..records import Article, Extraction
from .claimants import ClaimantLexicon, load_claimants
from .claims import build_context, extract_claims
from .context import article_countries
from .terms import load_terms


@dataclass(frozen=True)
class Extractor:
    """Everything extraction needs, loaded once per process."""

    claimants: ClaimantLexicon

    def extract(self, article: Article) -> Extraction:
        return next(iter(self.extract_many([article])))

    def extract_many(self, articles: Sequence[Article]) -> Iterable[Extraction]:
        """Extractions in input order; sentences of all ``articles`` are parsed in one batch."""
        plans: list[tuple[Article, list[Sentence]]] = []
        texts: list[str] = []
        for article in articles:
            chosen = [s for s in split_sentences(article.text) if worth_parsing(s.text)]
            plans.append((article, chosen))
            texts.extend(s.text for s in chosen)
        docs = iter(parse(texts))
        terms = load_terms()
        for article, chosen in plans:
            countries = article_countries(article.text)
            ctx = build_context(article, self.claimants, countries)
            extraction = Extraction(article=article)
            for sentence in chosen:
                doc = next(docs)
                extraction.claims.extend(extract_claims(ctx, sentence, doc, terms))
            yield extraction


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor(claimants=load_claimants())
