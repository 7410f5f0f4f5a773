"""DuckDB storage: schema migrations, atomic writes of extractions, typed reads."""

from sitrep.store.db import DEFAULT_DB, Store, open_db
from sitrep.store.errors import StoreError, StoreLockedError, StoreOutdated

__all__ = [
    "DEFAULT_DB", "Store", "StoreError", "StoreLockedError", "StoreOutdated", "open_db",
]
