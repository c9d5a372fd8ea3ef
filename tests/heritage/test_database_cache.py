"""The page cache's database store (heritage/cache.py): Django's database cache, behaving as Django's,
writing a page in one statement. Runs on SQLite (embedded) and PostgreSQL (services)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heritage.cache import DatabaseCache


@pytest.fixture(autouse=True)
def _table(page_cache_in_database):
    """The cache table; the tests' caches are their own, with their own options."""


def _cache(**options):
    return DatabaseCache("heritage_cache", {"OPTIONS": options})


def _rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM heritage_cache")
        return cursor.fetchone()[0]


def test_a_value_set_is_read_back_and_a_second_set_replaces_it_in_one_statement():
    cache = _cache()
    with CaptureQueriesContext(connection) as queries:
        cache.set("page", (1, b"\x1f\x8b compressed", {"Content-Type": "text/html"}), 60)
    assert len(queries) == 1, [query["sql"] for query in queries]  # Django's own takes five
    assert cache.get("page") == (1, b"\x1f\x8b compressed", {"Content-Type": "text/html"})
    with CaptureQueriesContext(connection) as queries:
        cache.set("page", (2, b"again", {}), 60)
    assert len(queries) == 1
    assert cache.get_many(["page", "missing"]) == {"page": (2, b"again", {})}
    assert _rows() == 1


def test_expiry_is_kept_as_django_keeps_it():
    cache = _cache()
    cache.set("gone", "x", -1)  # already expired
    cache.set("kept", "y", None)  # never expires
    assert cache.get("gone") is None
    assert cache.get("kept") == "y"
    # add() and incr() are Django's and meet these rows as they meet their own.
    assert cache.add("gone", "z", 60) is True and cache.get("gone") == "z"
    assert cache.add("kept", "w", 60) is False and cache.get("kept") == "y"
    cache.set("generation", 7, None)
    assert cache.incr("generation") == 8


def test_the_table_is_culled_beyond_max_entries_as_django_culls_it():
    cache = _cache(MAX_ENTRIES=3, CULL_FREQUENCY=2)
    for number in range(10):
        cache.set(f"page-{number}", number, 60)
        assert _rows() <= 4  # MAX_ENTRIES, and the row just written
    assert cache.get("page-9") == 9


def test_a_row_the_cull_takes_as_it_is_written_is_kept():
    for key in ("z-1", "z-2", "z-3", "z-4"):
        _cache(MAX_ENTRIES=10).set(key, key, 60)
    cache = _cache(MAX_ENTRIES=3, CULL_FREQUENCY=2)
    cache.set("a-first", "kept", 60)  # first in the key order, where Django's cull starts
    assert cache.get("a-first") == "kept"
    assert _rows() == 4  # two rows culled, one of them the row just written, which is written again


def test_an_expired_row_goes_first_when_culling():
    cache = _cache(MAX_ENTRIES=2, CULL_FREQUENCY=100)
    cache.set("a-expired", "old", -1)
    cache.set("b-kept", "kept", 60)
    cache.set("c-kept", "kept", 60)
    cache.set("d-new", "new", 60)  # three rows counted: the expired one is deleted, the others kept
    assert cache.get_many(["b-kept", "c-kept", "d-new"]) == {"b-kept": "kept", "c-kept": "kept", "d-new": "new"}
    assert _rows() == 3


def test_a_timezone_aware_deployment_reads_the_expiry_it_wrote(settings):
    settings.USE_TZ = True
    cache = _cache()
    cache.set("page", "html", 3600)
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM heritage_cache WHERE cache_key = %s", [cache.make_key("page")])
        (expires,) = cursor.fetchone()
    if isinstance(expires, str):  # SQLite keeps text
        expires = datetime.datetime.fromisoformat(expires)
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=datetime.UTC)
    in_an_hour = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)
    assert abs((expires - in_an_hour).total_seconds()) < 5
    assert cache.get("page") == "html"
