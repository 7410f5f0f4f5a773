"""DuckDB storage: schema migrations, atomic writes of extractions, typed reads."""

from sitrep.store.db import DEFAULT_DB, Store, StoreError, StoreLockedError, StoreOutdated, open_db

__all__ = [
    "DEFAULT_DB", "Store", "StoreError", "StoreLockedError", "StoreOutdated", "open_db",
]
