"""Ingest: files, folders and JSONL -> cleaned Articles with metadata, or IngestErrors.

    for item in iter_inputs(["articles/"], outlet=None, published=None):
        if isinstance(item, IngestError): report(item)
        else: process(item)   # item.text is the cleaned text all offsets refer to
"""

from sitrep.ingest.clean import clean_text, drop_reason
from sitrep.ingest.dateline import find_dateline, parse_date
from sitrep.ingest.metadata import SourceMeta, guess_title
from sitrep.ingest.outlets import canonical_outlet, outlet_from_lines, outlet_from_url
from sitrep.ingest.readers import (
    DEFAULT_MAX_BYTES,
    LineRange,
    Options,
    article_from_text,
    count_inputs,
    iter_files,
    iter_inputs,
    load_index,
    read_article_text,
    read_path,
)

__all__ = [
    "DEFAULT_MAX_BYTES", "LineRange", "Options", "SourceMeta", "article_from_text", "canonical_outlet", "clean_text",
    "count_inputs", "drop_reason", "find_dateline", "guess_title", "iter_files", "iter_inputs", "load_index",
    "outlet_from_lines", "outlet_from_url", "parse_date", "read_article_text", "read_path",
]
