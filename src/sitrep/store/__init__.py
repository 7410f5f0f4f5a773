"""DuckDB storage: schema migrations, atomic writes of extractions, typed reads."""

from sitrep.store.db import DEFAULT_DB, Store, StoreError, StoreLockedError, StoreOutdated, open_db
from sitrep.store.rows import (
    ArticleRow, ClaimRow, Counts, EventRow, PlaceMentionRow, WriteResult,
)

__all__ = [
    "DEFAULT_DB", "Store", "StoreError", "StoreLockedError", "StoreOutdated", "open_db",
    "ArticleRow", "ClaimRow", "Counts", "EventRow", "PlaceMentionRow", "WriteResult",
]
