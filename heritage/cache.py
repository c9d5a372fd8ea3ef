"""The page cache's store in the database (settings.CACHES["pages"] with DATABASE_URL)."""

import base64
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router
from django.utils.timezone import now as tz_now

UPSERT_VENDORS = ("sqlite", "postgresql")  # both write INSERT ... ON CONFLICT ... DO UPDATE


class DatabaseCache(DjangoDatabaseCache):
    """Django's database cache, with `set` in one statement instead of five.

    Django's counts the table's rows (to cull it beyond MAX_ENTRIES), then in a transaction reads the
    key's row and updates or inserts it: COUNT, BEGIN, SELECT, UPDATE or INSERT, COMMIT, for every page
    the page cache keeps. This one writes the row with one INSERT ... ON CONFLICT DO UPDATE, which is
    atomic by itself and returns the table's row count; beyond MAX_ENTRIES it culls the table as
    Django's does and writes the row again, since the cull may have taken it. On other databases it is
    Django's.
    """

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if connection.vendor not in UPSERT_VENDORS:
            return super().set(key, value, timeout, version)
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        quote = connection.ops.quote_name
        names = (self._table, "cache_key", "value", "expires")
        table, key_column, value_column, expires = (quote(name) for name in names)
        if timeout is None:
            expiry = datetime.max
        else:
            expiry = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        # The count is the table's before the write (PostgreSQL) or after it (SQLite): near enough to
        # decide on culling, which Django's does before writing and counts the row being replaced.
        upsert = (
            f"INSERT INTO {table} ({key_column}, {value_column}, {expires}) VALUES (%s, %s, %s) "
            f"ON CONFLICT ({key_column}) DO UPDATE "
            f"SET {value_column} = EXCLUDED.{value_column}, {expires} = EXCLUDED.{expires} "
            f"RETURNING (SELECT COUNT(*) FROM {table})"
        )
        params = [key, encoded, connection.ops.adapt_datetimefield_value(expiry.replace(microsecond=0))]
        with connection.cursor() as cursor:
            cursor.execute(upsert, params)
            count = cursor.fetchone()[0]
            if count > self._max_entries:
                self._cull(db, cursor, tz_now().replace(microsecond=0), count)
                cursor.execute(upsert, params)
