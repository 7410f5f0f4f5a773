"""Extraction: from a cleaned article to claims, events and place mentions."""

from __future__ import annotations


from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from ..sentences import Sentence, split_sentences

from ..nlp import kept_for_the_process, parse
from ..minhash import pack_signature
from ..records import Article, Extraction, PlaceMention
from .actors import ActorLexicon, load_actors
from .claimant_files import load_claimants
from .claimants import ClaimantLexicon
from .claims import attach_places, build_context, extract_claims, finish_article, follow_quote, observe_sentence
from .context import article_countries, lead_by_places
from .events import build_event_context, events_for_article
from .entry_labels import blank_scare_quotes, blank_stray_auxiliary, mask_entry_label
from .front import front_line_events
from .gazetteer import get_gazetteer
from .gazetteer.lookup import Gazetteer
from .places import find_place_mentions
from .parse_choice import ParseChoice
from .readings import read_article
from .places.candidates import capitalised_candidates, country_context
from ..lexicon.claim_terms import load_terms


@dataclass(frozen=True)
class Extractor:
    """Everything extraction needs, loaded once per process."""

    claimants: ClaimantLexicon
    actors: ActorLexicon
    gazetteer: Gazetteer

    def countries_of(self, text: str) -> list[str]:
        """The article's countries, most named first, then those of the war its actors
        belong to ("RSF fighters overran Wad Madani": Sudan, though Sudan is not named)."""
        countries = article_countries(text)
        conflict = self.actors.detect_conflict(text, countries)
        for code in self.actors.conflict_order.get(conflict or "", ()):
            if code not in countries:
                countries.append(code)
        return countries

    def place_mentions(self, doc_id: str, text: str, countries: Sequence[str] | None = None) -> list[PlaceMention]:
        """Place mentions of a text, resolved in the context of its countries (no spaCy:
        the geoparsing scorer calls this on raw corpus text)."""
        if countries is None:
            countries = self.countries_of(text)
        place_context = country_context(text, self.gazetteer)
        place_context += [c for c in countries if c not in place_context]
        return find_place_mentions(doc_id, text, capitalised_candidates(text), self.gazetteer, place_context)

    def extract(self, article: Article) -> Extraction:
        return next(iter(self.extract_many([article])))

    def extract_many(self, articles: Sequence[Article]) -> Iterable[Extraction]:
        """Extractions in input order; sentences of all ``articles`` are parsed in one batch."""
        plans: list[tuple[Article, list[Sentence], list[Sentence], list[str], list[PlaceMention]]] = []
        texts: list[str] = []
        for article in articles:
            sentences = split_sentences(article.text)
            # Places first (they need no parse): a chosen sentence with no place and no
            # figure may provably yield nothing, and is not parsed (parse_choice).
            countries = self.countries_of(article.text)
            places = self.place_mentions(article.id, article.text, countries)
            countries = lead_by_places(countries, places)
            chosen = ParseChoice(article.text, places).chosen(sentences)
            plans.append((article, sentences, chosen, countries, places))
            texts.extend(blank_scare_quotes(blank_stray_auxiliary(mask_entry_label(s.text))) for s in chosen)
        docs = iter(parse(texts))
        terms = load_terms()
        for article, sentences, chosen, countries, places in plans:
            ctx = build_context(article, self.claimants, countries, sentences, places)
            extraction = Extraction(article=article)
            parsed = []
            chosen_index = {s.index for s in chosen}
            for sentence in sentences:
                if sentence.index not in chosen_index:
                    observe_sentence(ctx, sentence)  # unparsed, it may still name the reporter
                    follow_quote(ctx, sentence)
                    continue
                doc = next(docs)
                parsed.append((sentence, doc))
                extraction.claims.extend(extract_claims(ctx, sentence, doc, terms))
                follow_quote(ctx, sentence)
            extraction.claims = finish_article(ctx, extraction.claims)
            # Signed here, in the worker, so the store's single writer does not sign.
            extraction.signature = pack_signature(article.text)
            extraction.places = places
            attach_places(extraction.claims, extraction.places)
            ectx = build_event_context(article, self.actors, countries=countries, claims_ctx=ctx,
                                       sentences=sentences)
            extraction.events = events_for_article(ectx, parsed, extraction.places, extraction.claims)
            extraction.events += front_line_events(ectx, parsed, extraction.places)
            yield read_article(extraction, self.actors, sentences)  # what the reconcile stage reads


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The extractor with every lexicon loaded (so worker processes forked after this
    call share them instead of each building them again)."""
    with kept_for_the_process():
        article_countries("")  # builds the country-context regex
        load_terms()
        return Extractor(claimants=load_claimants(), actors=load_actors(), gazetteer=get_gazetteer())
