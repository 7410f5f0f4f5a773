"""Records -> table rows. One function per table; each returns column -> value.

Kept apart from the SQL so a new field on a record is one line here plus a
migration adding the column.
"""

from __future__ import annotations

import json

import unicodedata

from typing import Any

from sitrep.records import ActorRef, Article, Claim, Event, PlaceMention, ScopeReading
from sitrep.records.framing import ActorLabel

Row = dict[str, Any]


def article_row(article: Article, n_claims: int, n_events: int,
                signature: bytes | None = None, read_for_reconcile: bool = False) -> Row:
    """``signature``: the one the extraction worker computed; signed here when None.
    ``read_for_reconcile``: the extraction holds what the reconcile stage reads from the
    text (``Extraction.read_for_reconcile``); NULL otherwise, for the pipeline to read."""
    if signature is None:
        from sitrep.minhash import pack_signature

        signature = pack_signature(article.text)
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "title": article.title,
        "outlet": article.outlet,
        "outlet_rule": article.outlet_rule,
        "published": article.published,
        "date_rule": article.date_rule,
        "url": article.url,
        "path": article.path,
        "text": article.text,
        "n_claims": n_claims,
        "n_events": n_events,
        "minhash": signature,
        "read_for_reconcile": True if read_for_reconcile else None,
    }


def claim_row(claim: Claim) -> Row:
    return {
        "id": claim.id,
        "doc": claim.doc,
        "quantity": claim.quantity,
        "category": claim.category,
        "subgroup": claim.subgroup,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "source": claim.source,
        "source_kind": claim.source_kind,
        "source_text": claim.source_text,
        "as_of": claim.as_of,
        "period_start": claim.period_start,
        "place": claim.place,
        "historical": claim.historical,
        "unverified": claim.unverified,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "sentence_start": claim.sentence_start,
        "rule": claim.rule,
        "mentions": json.dumps([list(m) for m in claim.mentions]) if claim.mentions else None,
        **scope_columns(claim.scope),
    }


def scope_columns(scope: ScopeReading | None) -> Row:
    """A claim's ``scope_*`` columns (all NULL when its scope was not read)."""
    if scope is None:
        return {"scope_region": None, "scope_region_text": None, "scope_place": None,
                "scope_incident": None, "scope_facility": None}
    return {"scope_region": scope.region, "scope_region_text": scope.region_text, "scope_place": scope.place,
            "scope_incident": scope.incident, "scope_facility": scope.facility}


def label_row(label: ActorLabel) -> Row:
    return {
        "doc": label.doc,
        "actor_side": label.actor_side,
        "actor": label.actor,
        "label_key": label.label_key,
        "voice": label.voice,
        "label": label.label,
        "count": label.count,
        "loaded_terms": list(label.loaded_terms),
        "loaded_note": label.loaded_note,
        "example_sentence": label.example_sentence,
        "example_start": label.example_start,
    }


def _actor(prefix: str, actor: ActorRef | None) -> Row:
    if actor is None:
        return {prefix: None, f"{prefix}_text": None, f"{prefix}_side": None, f"{prefix}_type": None}
    return {
        prefix: actor.name,
        f"{prefix}_text": actor.as_written,
        f"{prefix}_side": actor.side,
        f"{prefix}_type": actor.acled_type,
    }


def _display_name(mention: PlaceMention) -> str:
    """The place an event happened at, for people: the gazetteer name without diacritics
    (Ḩamāh -> Hamah) when resolved exactly; the name as written when it was only anchored
    near a known place (the village, not the town it is near)."""
    place = mention.place
    if place is None or (mention.precision or 0) >= 2:
        return mention.text
    folded = unicodedata.normalize("NFKD", place.name)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def _event_place(mention: PlaceMention | None) -> Row:
    place = mention.place if mention is not None else None
    return {
        "place": _display_name(mention) if mention else None,
        "place_text": (mention.written or mention.text) if mention else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "geo_precision": mention.precision if mention else None,
        "place_rule": mention.rule if mention else None,
        "anchor": mention.anchor if mention else None,
    }


def event_row(event: Event) -> Row:
    return {
        "id": event.id,
        "doc": event.doc,
        "type": event.type,
        **_actor("actor1", event.actor1),
        **_actor("actor2", event.actor2),
        "winner": event.winner,
        **_event_place(event.place),
        "date": event.date,
        "date_precision": event.date_precision,
        "date_rule": event.date_rule,
        "source": event.source,
        "source_kind": event.source_kind,
        "fatality_claims": list(event.fatality_claims),
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "sentence_start": event.sentence_start,
        "rule": event.rule,
        "distance_km": event.distance_km,
        "distance_high_km": event.distance_high_km,
        "actor1_named": event.actor1_named,
        "actor2_named": event.actor2_named,
    }


def place_mention_row(mention: PlaceMention) -> Row:
    place = mention.place
    return {
        "doc": mention.doc,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "name": place.name if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "feature": place.feature if place else None,
        "precision": mention.precision,
        "rule": mention.rule,
        "anchor": mention.anchor,
    }
