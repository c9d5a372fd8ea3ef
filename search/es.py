"""Our own Elasticsearch index of restoration records (see docs/restoration-search.md).

Search and updates go through the alias `<prefix>restorations`, which points at one versioned
index `<prefix>restorations-<timestamp>`. A rebuild loads a new index, then moves the alias in
one `_aliases` call that also deletes the old index (`remove_index`), so search never sees an
empty or half-built index. While a rebuild loads, its index carries the alias `<prefix>restorations-building`;
updates made meanwhile are also written to PendingIndexUpdate and re-applied to the new index
right after the swap (the rebuild read the database before them).

Every failure to reach Elasticsearch (connection refused, timeout, 5xx, 429) is raised as
ElasticsearchUnavailable, so that callers can answer 503 or keep the update for later.
"""

import contextlib
import datetime
import functools
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from elasticsearch import ApiError, Elasticsearch, TransportError, helpers

from heritage.bulk import chunks

from .documents import document_hash, documents_iter, records_for_indexing, sources_iter

logger = logging.getLogger(__name__)

# Records read from the database per round of prefetching, and documents per bulk request.
DB_CHUNK = 2000
BULK_CHUNK = 1000
APPLY_CHUNK = 1000
# A loading index older than this is taken as the leftover of a rebuild that died.
ABANDONED_BUILD_AGE = datetime.timedelta(hours=1)
# Updates happen in the web process (immediate task backend): fail fast rather than hold a request.
UPDATE_TIMEOUT = 5
BULK_TIMEOUT = 120
MERGE_TIMEOUT = 3600  # merging a million documents into one segment takes minutes
INDEX_SIZE_TTL = 60  # seconds an index's document count is remembered (index_size)
# Pending updates older than the start of a rebuild's read by more than this are covered by it.
PENDING_CLOCK_MARGIN = datetime.timedelta(seconds=60)


class ElasticsearchNotConfigured(Exception):
    """ELASTICSEARCH_URL is not set: the site uses the database search and has no index."""


class ElasticsearchUnavailable(Exception):
    """Elasticsearch cannot be reached or is failing (connection, timeout, 5xx, 429)."""


class IndexMissing(ElasticsearchUnavailable):
    """The alias does not exist: the index was never built or was lost. A rebuild is needed."""


class RebuildError(Exception):
    """A rebuild could not complete; the alias still points at the previous index."""


# --- Names, settings, mapping ---------------------------------------------------------


def alias_name() -> str:
    return settings.ELASTICSEARCH_INDEX_PREFIX + "restorations"


def building_alias_name() -> str:
    return alias_name() + "-building"


def new_index_name() -> str:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
    return f"{alias_name()}-{stamp}"


FOLDED_TEXT = {"type": "text", "analyzer": "folding"}
# Every searchable field is also copied into `all_text`, which decides what matches (every word
# somewhere in the record): one postings list per word instead of one per word and field.
SEARCHED = {**FOLDED_TEXT, "copy_to": "all_text"}

INDEX_SETTINGS = {
    "number_of_shards": 1,
    # Index order is random (search.documents.sample_key): the first matches of a query are a
    # random sample of them, which bounds the cost of facets on a large index.
    "sort.field": "sample_key",
    "sort.order": "asc",
    "analysis": {
        "filter": {
            "suggest_edge_ngram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
        },
        "analyzer": {
            # "Thái Hòa", "thai hoa" and "THAI HOA" give the same tokens; "đ" gives "d".
            "folding": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
            "suggest_index": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "suggest_edge_ngram"],
            },
        },
    },
}

# Raise it with any change to INDEX_SETTINGS, MAPPING or the documents' form: an index of another
# version is rebuilt by the worker (and `restoration_index retry`), and `status` names the difference.
SCHEMA_VERSION = 6  # 6: the records' English texts (title_en, summary_en…)

MAPPING = {
    "_meta": {"schema_version": SCHEMA_VERSION},
    "dynamic": "strict",
    "properties": {
        "id": {"type": "integer"},
        "sample_key": {"type": "integer", "index": False},  # doc values only: the index sort
        "reference": {"type": "keyword", "fields": {"text": FOLDED_TEXT}, "copy_to": "all_text"},
        "title": {**SEARCHED, "fields": {"raw": {"type": "keyword"}}},
        "summary": SEARCHED,
        "method": SEARCHED,
        "component": SEARCHED,
        "funder": SEARCHED,
        "project": SEARCHED,
        "title_en": {**SEARCHED, "fields": {"raw": {"type": "keyword"}}},
        "summary_en": SEARCHED,
        "method_en": SEARCHED,
        "component_en": SEARCHED,
        "funder_en": SEARCHED,
        "project_en": SEARCHED,
        "monument": {
            "properties": {
                "slug": {"type": "keyword"},
                "name_vi": SEARCHED,
                "name_en": SEARCHED,
                "other_names": SEARCHED,
            }
        },
        "artefact": {
            "properties": {
                "accession_number": {"type": "keyword", "copy_to": "all_text"},
                "title_vi": SEARCHED,
                "title_en": SEARCHED,
            }
        },
        "record_type": {"type": "keyword"},
        "techniques": {"type": "keyword"},
        "materials": {"type": "keyword"},
        "partners": {"type": "keyword"},
        "terms_text": SEARCHED,
        "all_text": FOLDED_TEXT,
        "start": {"type": "keyword"},
        "end": {"type": "keyword"},
        "dates": {"type": "date_range", "format": "strict_date"},
        "start_sort": {"type": "date", "format": "strict_date"},
        "decade": {"type": "keyword"},
        "visibility": {"type": "keyword"},
        "suggest": {"type": "text", "analyzer": "suggest_index", "search_analyzer": "folding"},
        "content_hash": {"type": "keyword"},
        # Facet values with their labels (search.documents.labelled): aggregated and shown, never searched.
        "labels": {
            "properties": {
                name: {"type": "keyword", "index": False}
                for name in ("monument", "techniques", "materials", "partners")
            }
        },
    },
}


# --- The client and its errors ---------------------------------------------------------


def _timeout() -> int:
    explicit = getattr(settings, "ELASTICSEARCH_TIMEOUT", None)
    if explicit:
        return int(explicit)
    return int(settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("TIMEOUT", 10))


@functools.lru_cache(maxsize=4)
def _client(urls: str, timeout: int) -> Elasticsearch:
    hosts = [url.strip() for url in urls.split(",") if url.strip()]
    return Elasticsearch(hosts, request_timeout=timeout, max_retries=1, retry_on_timeout=False)


def client() -> Elasticsearch:
    """The client for settings.ELASTICSEARCH_URL (comma-separated URLs), one per process."""
    if not settings.ELASTICSEARCH_URL:
        raise ElasticsearchNotConfigured(
            "ELASTICSEARCH_URL is not set: the restoration index exists only with Elasticsearch."
        )
    return _client(settings.ELASTICSEARCH_URL, _timeout())


def _is_unavailable(error: ApiError) -> bool:
    return error.meta.status >= 500 or error.meta.status in (408, 429)


@contextlib.contextmanager
def unavailable_errors():
    """Turns transport failures and 5xx/429 answers into ElasticsearchUnavailable."""
    try:
        yield
    except TransportError as error:  # connection refused, timeouts, TLS, serialisation
        raise ElasticsearchUnavailable(f"Elasticsearch is unavailable: {error.__class__.__name__}: {error}") from error
    except ApiError as error:
        if _is_unavailable(error):
            raise ElasticsearchUnavailable(f"Elasticsearch is failing: {error.meta.status} {error}") from error
        raise


def health() -> dict:
    """The cluster's health (the test distribution answers neither `GET /` nor ping())."""
    with unavailable_errors():
        return dict(client().cluster.health())


# --- Index management ------------------------------------------------------------------


def _alias_indexes(c: Elasticsearch, name: str) -> list[str]:
    """The concrete indexes an alias points at ([] when there is no such alias)."""
    with unavailable_errors():
        found = c.options(ignore_status=404).indices.get_alias(name=name)
    if found.meta.status == 404:
        return []
    return sorted(found.body)


def index_schema_version() -> int | None:
    """The schema version of the index behind the alias (0 before versions existed); None without one."""
    c = client()
    alias = alias_name()
    with unavailable_errors():
        if not c.indices.exists_alias(name=alias):
            return None
        found = c.indices.get_mapping(index=alias)
    return min(int(body["mappings"].get("_meta", {}).get("schema_version", 0)) for body in found.body.values())


def index_needs_rebuild() -> bool:
    """No index behind the alias, or one of another schema version than this code's."""
    return index_schema_version() != SCHEMA_VERSION


def index_create(name: str, *, aliases: Iterable[str] = (), bulk_load: bool = False) -> None:
    """Create a concrete index with our settings and mapping.

    bulk_load: no refresh and no replica until `index_ready_for_search(name)`, for a fast load.
    """
    index_settings = dict(INDEX_SETTINGS)
    if bulk_load:
        index_settings.update({"refresh_interval": "-1", "number_of_replicas": 0})
    with unavailable_errors():
        client().indices.create(
            index=name,
            settings=index_settings,
            mappings=MAPPING,
            aliases={alias: {} for alias in aliases},
            wait_for_active_shards="1",
        )


def index_ready_for_search(name: str) -> None:
    """Undo `bulk_load`: default refresh interval and replicas, then refresh."""
    c = client().options(request_timeout=BULK_TIMEOUT)
    with unavailable_errors():
        c.indices.put_settings(index=name, settings={"index": {"refresh_interval": None, "number_of_replicas": None}})
        c.indices.refresh(index=name)


def index_merge(name: str, count: int) -> bool:
    """Merge an index of more than RESTORATION_FACETS_EXACT_UP_TO documents into one segment,
    whose order is the index sort's; returns whether it did.

    Facets of queries with many matches are counted over the first matches in index order
    (search.backends.elasticsearch._es_fetch). Within a segment that order is random (sample_key), but
    segments hold records in the order they were written: a rebuild writes them by id, oldest
    first, so with several segments the first matches would come from the oldest records. An
    index no larger than the limit never has its facets sampled.
    """
    if count <= settings.RESTORATION_FACETS_EXACT_UP_TO:
        return False
    logger.info("Merging the %s documents of %s into one segment", count, name)
    with unavailable_errors():
        client().options(request_timeout=MERGE_TIMEOUT).indices.forcemerge(index=name, max_num_segments=1)
    return True


_index_sizes: dict[str, tuple[int, float]] = {}  # alias -> (documents, when counted)


def index_size() -> int:
    """Documents behind the alias (every visibility), remembered for INDEX_SIZE_TTL seconds.

    Search reads it to choose how facets are counted, never what anyone sees, so a figure up to
    a minute old will do; a rebuild in this process forgets it.
    """
    alias = alias_name()
    now = time.monotonic()
    known = _index_sizes.get(alias)
    if known is None or now - known[1] > INDEX_SIZE_TTL:
        with unavailable_errors():
            known = _index_sizes[alias] = (client().count(index=alias)["count"], now)
    return known[0]


def _creation_time(c: Elasticsearch, index: str) -> datetime.datetime:
    with unavailable_errors():
        found = c.indices.get_settings(index=index, name="index.creation_date")
    millis = int(found[index]["settings"]["index"]["creation_date"])
    return datetime.datetime.fromtimestamp(millis / 1000, tz=datetime.UTC)


def _clear_abandoned_builds(c: Elasticsearch, *, force: bool) -> None:
    now = datetime.datetime.now(datetime.UTC)
    for index in _alias_indexes(c, building_alias_name()):
        started = _creation_time(c, index)
        if not force and now - started < ABANDONED_BUILD_AGE:
            raise RebuildError(
                f"another rebuild is loading {index} (started {started:%Y-%m-%d %H:%M} UTC); wait for it, "
                "or pass --force if it died"
            )
        logger.warning("Deleting %s, left over by a rebuild that did not finish", index)
        with unavailable_errors():
            c.indices.delete(index=index, ignore_unavailable=True)


@dataclass
class RebuildResult:
    index: str
    count: int
    seconds: float
    deleted: list[str] = field(default_factory=list)
    merged: bool = False  # into one segment (index_merge)


def _rebuild_actions(index: str) -> Iterable[dict]:
    # Sources as JSON text: serialised once, for their hash and for the request (the client sends text as is).
    for pk, source, _digest in sources_iter(chunk_size=DB_CHUNK):
        yield {"_op_type": "index", "_index": index, "_id": pk, "_source": source}


def _bulk_load(c: Elasticsearch, actions: Iterable[dict], *, progress, total: int) -> tuple[int, list[dict]]:
    """streaming_bulk of `actions`, sent from a second thread while this one keeps reading the database.

    The database is read here (Django's connection belongs to this thread, and in tests to its
    transaction); the sender thread only serialises and waits for Elasticsearch, so preparing
    the next chunk overlaps with indexing the previous one. Returns (documents sent, refused items).
    """
    chunks: queue.Queue = queue.Queue(maxsize=4)
    outcome = {"done": 0, "refused": [], "error": None}

    def queued_actions():
        while (chunk := chunks.get()) is not None:
            yield from chunk

    def send():
        try:
            for ok, item in helpers.streaming_bulk(
                c, queued_actions(), chunk_size=BULK_CHUNK, raise_on_error=False, max_retries=3
            ):
                if not ok:
                    outcome["refused"].append(next(iter(item.values())))
                outcome["done"] += 1
                done = outcome["done"]
                if progress and (done % BULK_CHUNK == 0 or done == total):
                    progress(done, total)
        except BaseException as error:  # handed to the reading thread, which raises it
            outcome["error"] = error

    sender = threading.Thread(target=send, name="restoration-index-bulk", daemon=True)

    def put(item) -> bool:
        while sender.is_alive():
            try:
                chunks.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    sender.start()
    try:
        chunk = []
        for action in actions:
            chunk.append(action)
            if len(chunk) == BULK_CHUNK:
                if not put(chunk):
                    break  # the sender failed: stop reading
                chunk = []
        else:
            if chunk:
                put(chunk)
    finally:
        put(None)
        sender.join()
    if outcome["error"] is not None:
        raise outcome["error"]
    return outcome["done"], outcome["refused"]


def index_rebuild(progress: Callable[[int, int], None] | None = None, *, force: bool = False) -> RebuildResult:
    """Build a new index from the database, move the alias to it atomically, delete the old one.

    progress(done, total) is called after each bulk chunk. Raises ElasticsearchUnavailable or
    RebuildError; on failure the new index is deleted and the alias is left where it was.
    """
    started = time.monotonic()
    c = client()
    bulk_client = c.options(request_timeout=BULK_TIMEOUT)
    alias, building = alias_name(), building_alias_name()
    health()
    _clear_abandoned_builds(c, force=force)

    name = new_index_name()
    total = records_for_indexing().count()
    reading_from = timezone.now()
    # Before reading, not alongside it: an update committed once the read has begun must find the
    # building alias, or it would reach only the old index and be lost at the swap.
    index_create(name, aliases=[building], bulk_load=True)
    try:
        with unavailable_errors():
            done, refused = _bulk_load(bulk_client, _rebuild_actions(name), progress=progress, total=total)
        if refused:
            first = refused[0]
            raise RebuildError(
                f"Elasticsearch refused {len(refused)} documents; the first, record {first.get('_id')}: "
                f"{first.get('error')}"
            )
        index_ready_for_search(name)
        merged = index_merge(name, done)
        with unavailable_errors():
            loaded = c.count(index=name)["count"]
        if loaded != done:
            raise RebuildError(f"the new index holds {loaded} documents, {done} were sent")

        old = _alias_indexes(c, alias)
        # One atomic _aliases call moves the alias and deletes the previous index (remove_index):
        # one cluster-state update instead of two, and no leftover index if this process dies.
        swap = [{"add": {"index": name, "alias": alias}}, {"remove": {"index": name, "alias": building}}]
        swap += [{"remove_index": {"index": index}} for index in old]
        with unavailable_errors():
            if not old and c.indices.exists(index=alias):
                # A concrete index squats the alias's name (auto-created by a stray write): replace it.
                swap.append({"remove_index": {"index": alias}})
            c.indices.update_aliases(actions=swap)
        _index_sizes.pop(alias, None)
    except BaseException:
        with contextlib.suppress(Exception):
            c.indices.delete(index=name, ignore_unavailable=True)
        raise

    # Pending updates noted before the load began are in what it read: drop them (with a margin
    # for clocks of other hosts). Those noted since were written to the old index only: apply
    # them to the new one now.
    from .models import PendingIndexUpdate
    from .sync import retry_pending

    PendingIndexUpdate.objects.filter(updated_at__lte=reading_from - PENDING_CLOCK_MARGIN).delete()
    try:
        retry_pending(rebuild_missing=False)
    except ElasticsearchUnavailable:
        logger.warning("Re-applying updates made during the rebuild failed; the worker will retry them")
    return RebuildResult(index=name, count=done, seconds=time.monotonic() - started, deleted=old, merged=merged)


# --- Updates ---------------------------------------------------------------------------


@dataclass
class ApplyResult:
    indexed: list[int] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    rebuilding: bool = False


def documents_apply(ids: Iterable[int]) -> ApplyResult:
    """Make the index follow the database for these records: index live ones, delete the rest.

    Raises ElasticsearchUnavailable (IndexMissing when there is no index at all); documents that
    Elasticsearch refuses one by one are listed in `failed`. `rebuilding` says a rebuild is
    loading a new index, which will need these updates again after its swap.
    """
    ids = sorted({int(pk) for pk in ids})
    result = ApplyResult()
    if not ids:
        return result
    c = client().options(request_timeout=UPDATE_TIMEOUT)
    alias = alias_name()
    with unavailable_errors():
        result.rebuilding = bool(c.indices.exists_alias(name=building_alias_name()))
    for chunk in chunks(ids, APPLY_CHUNK):
        docs = {doc["id"]: doc for doc in documents_iter(chunk, chunk_size=APPLY_CHUNK)}
        actions = []
        for pk in chunk:
            doc = docs.get(pk)
            if doc is not None:
                actions.append({"_op_type": "index", "_index": alias, "_id": pk, "_source": doc})
            else:
                actions.append({"_op_type": "delete", "_index": alias, "_id": pk})
        with unavailable_errors():
            # require_alias: never let a write auto-create a concrete index under the alias's name.
            for ok, item in helpers.streaming_bulk(
                c, actions, chunk_size=APPLY_CHUNK, raise_on_error=False, max_retries=2, require_alias=True
            ):
                operation, info = next(iter(item.items()))
                pk = int(info["_id"])
                status = info.get("status", 500)
                error = info.get("error") or {}
                if error.get("type") == "index_not_found_exception":
                    raise IndexMissing(f"there is no index {alias}: run `manage.py restoration_index rebuild`")
                if ok or (operation == "delete" and status == 404):
                    (result.deleted if operation == "delete" else result.indexed).append(pk)
                elif status >= 500 or status == 429:
                    raise ElasticsearchUnavailable(f"Elasticsearch is failing: {status} {error}")
                else:
                    result.failed[pk] = f"{status} {error.get('type', '')}: {error.get('reason', error)}"
    return result


# --- Status ----------------------------------------------------------------------------


@dataclass
class IndexStatus:
    alias: str
    indexes: list[str]
    db_count: int
    index_count: int
    missing: list[int]  # live in the database, absent from the index
    extra: list[int]  # in the index, not live in the database
    stale: list[int]  # in both, with a different content hash
    rebuilding: list[str] = field(default_factory=list)
    schema_version: int | None = None  # of the index behind the alias

    @property
    def equal(self) -> bool:
        return (
            not (self.missing or self.extra or self.stale)
            and self.db_count == self.index_count
            and (not self.indexes or self.schema_version == SCHEMA_VERSION)
        )

    @property
    def differing(self) -> list[int]:
        return sorted({*self.missing, *self.extra, *self.stale})


def index_status() -> IndexStatus:
    """Compare the index with the database record by record: id and content hash."""
    c = client().options(request_timeout=BULK_TIMEOUT)
    alias = alias_name()
    indexes = _alias_indexes(c, alias)
    rebuilding = _alias_indexes(c, building_alias_name())
    indexed: dict[int, str] = {}
    if indexes:
        with unavailable_errors():
            c.indices.refresh(index=alias)
            for hit in helpers.scan(
                c, index=alias, query={"query": {"match_all": {}}}, _source=["content_hash"], size=5000
            ):
                indexed[int(hit["_id"])] = hit["_source"].get("content_hash", "")
    stored: dict[int, str] = {}
    for pk, _source, digest in sources_iter(chunk_size=DB_CHUNK):
        stored[pk] = digest
    return IndexStatus(
        alias=alias,
        indexes=indexes,
        db_count=len(stored),
        index_count=len(indexed),
        missing=sorted(set(stored) - set(indexed)),
        extra=sorted(set(indexed) - set(stored)),
        stale=sorted(pk for pk in set(stored) & set(indexed) if stored[pk] != indexed[pk]),
        rebuilding=rebuilding,
        schema_version=index_schema_version() if indexes else None,
    )


__all__ = [
    "ApplyResult",
    "ElasticsearchNotConfigured",
    "ElasticsearchUnavailable",
    "IndexMissing",
    "IndexStatus",
    "RebuildError",
    "RebuildResult",
    "alias_name",
    "client",
    "document_hash",
    "documents_apply",
    "health",
    "index_create",
    "index_merge",
    "index_needs_rebuild",
    "index_size",
    "index_schema_version",
    "index_rebuild",
    "index_status",
    "unavailable_errors",
]
