"""Restoration search benchmark (issue 3): index rebuild throughput, API latency, latency against index size.

    ELASTICSEARCH_URL=http://127.0.0.1:59200 .venv/bin/python benchmarks/search.py \
        [--records 10000] [--sizes 10000,100000,1000000] [--rounds 20] [--size-rounds 10] [--repeats 5]
        [--seed 1991] [--database-url postgres://...]

In one run, on a throwaway database (SQLite unless --database-url) and Elasticsearch indexes under a
prefix of its own (`bench-<pid>-<time>-`, all deleted at the end):

1. Imports --records synthetic records (seeded; the 18 demo monuments; Vietnamese text; varied types,
   terms, dates, 20 % internal) through heritage.importing, then times `search.es.index_rebuild()`
   (read the database, build the documents, streaming_bulk, refresh, swap the alias) against the
   baseline: raw `elasticsearch.helpers.streaming_bulk` of the same documents, prepared beforehand,
   into a scratch index with the same settings and mapping, plus its refresh. Median of --repeats.
   Goal: rebuild docs/s >= 0.8 x raw docs/s.
2. Sends a fixed mix of 20 API queries (text with and without diacritics, English names, filters,
   facets, date ranges, sorts, pages) through Django's WSGI application to /api/v1/restorations/, and the
   very same Elasticsearch request bodies (captured from search.backends while the API answered)
   straight to Elasticsearch with the client, interleaved, --rounds times. Goal: API p50 and p95 <= 1.5 x
   direct. Also counts the SQL queries of one API call at page_size 1 and 100 (they must be equal).
3. Loads a scratch index with synthetic documents up to each of --sizes (documents made by
   search.documents.record_document from in-memory records of the same generator, not stored in
   the database), finishes it as index_rebuild would (merged into one segment above
   RESTORATION_FACETS_EXACT_UP_TO documents), puts an alias of the site's form on it, and times the
   search service on it for the same query mix (search.backends.get_backend().search, anonymous,
   with ELASTICSEARCH_INDEX_PREFIX pointing at that alias), with the index's shard request cache on
   (as deployed) and off (cold, `index.requests.cache.enable: false`), each larger size interleaved
   query by query with a copy of the smallest index. Goal: p50 at the largest size (1M) <= 2 x p50
   at the smallest (10k) timed beside it, both ways. A size that does not fit (heap, disk,
   time-outs) is reported, and the largest that ran is used.

Keeps a copy of its output in benchmarks/logs/ (git-ignored). Exits 1 when a step fails or a goal
is missed, 2 when Elasticsearch is not reachable.
"""

import argparse
import contextlib
import dataclasses
import io
import itertools
import json
import os
import sys
import time
import urllib.request
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402

API_URL = "/api/v1/restorations/"
IMPORT_BATCH = 20_000
GOAL_REBUILD_RATIO = 0.8
GOAL_API_RATIO = 1.5
GOAL_SIZE_RATIO = 2.0

# (name, parameters): what restorers do, in a fixed order.
QUERY_MIX = [
    ("text with diacritics", {"q": "điện Thái Hòa"}),
    ("text without diacritics", {"q": "dien thai hoa"}),
    ("text in capitals", {"q": "NGO MON"}),
    ("English monument name", {"q": "Meridian Gate"}),
    ("several words", {"q": "mối mọt cột gỗ lim"}),
    ("several words, folded", {"q": "moi mot cot go lim"}),
    ("text + monument", {"q": "tu bo", "monument": "dien-thai-hoa"}),
    ("two monuments", {"monument": ["ngo-mon", "lang-tu-duc"]}),
    ("two record types", {"record_type": ["treatment", "emergency"]}),
    ("technique", {"technique": "Sơn son thếp vàng"}),
    ("material + partner", {"material": "Gỗ lim", "partner": "UNESCO"}),
    ("years 1990-1999", {"from": "1990", "to": "1999"}),
    ("from 2024 (ongoing work)", {"from": "2024"}),
    ("text + years + newest", {"q": "chong tham", "from": "2000", "to": "2020", "sort": "-start"}),
    ("everything, newest first", {"sort": "-start"}),
    ("everything, page 5", {"sort": "start", "page": "5"}),
    ("page 2 of 50", {"page": "2", "page_size": "50"}),
    ("100 per page", {"page_size": "100"}),
    ("text, page 3", {"q": "ngoi", "page": "3"}),
    (
        "all filters",
        {
            "q": "gia co",
            "monument": "ngo-mon",
            "record_type": "treatment",
            "from": "1990",
            "to": "2025",
            "sort": "-start",
            "page": "2",
        },
    ),
]


def log(message: str) -> None:
    print(message, flush=True)


# --- Elasticsearch helpers ------------------------------------------------------------------------


def elasticsearch_problem() -> str | None:
    """Why the benchmark cannot run against ELASTICSEARCH_URL, or None when it answers."""
    url = os.environ.get("ELASTICSEARCH_URL", "").strip()
    if not url:
        return "ELASTICSEARCH_URL is not set (after scripts/services up: http://127.0.0.1:59200)"
    problem = es_reachable(url)
    return f"Elasticsearch at {url} does not answer: {problem}" if problem else None


def es_reachable(url: str) -> str | None:
    try:
        with urllib.request.urlopen(f"{url.split(',')[0].rstrip('/')}/_cluster/health", timeout=10) as response:
            response.read()
    except OSError as error:
        return str(error)
    return None


def indexes_delete(client, pattern: str) -> list[str]:
    """Delete the indexes matching `pattern`, listed then named (servers may refuse wildcard deletes)."""
    found = client.options(ignore_status=404).indices.get(index=pattern, expand_wildcards="all")
    names = sorted(found.body) if found.meta.status == 200 else []
    for start in range(0, len(names), 20):
        client.indices.delete(index=",".join(names[start : start + 20]), ignore_unavailable=True)
    return names


def cleanup_indexes(client, prefix: str, failures: list[str]) -> None:
    """Delete our indexes, waiting up to a minute for an Elasticsearch that another process restarts."""
    for attempt in range(7):
        try:
            deleted = indexes_delete(client, f"{prefix}*")
        except Exception as error:
            if attempt == 6:
                failures.append(f"cleanup: could not delete the indexes {prefix}*: {error}; delete them by hand")
                return
            time.sleep(10)
        else:
            log(f"deleted {len(deleted)} indexes with prefix {prefix}")
            return


def scratch_index_create(client, name: str) -> None:
    from search import es

    settings = {**es.INDEX_SETTINGS, "refresh_interval": "-1", "number_of_replicas": 0}
    client.indices.create(index=name, settings=settings, mappings=es.MAPPING, wait_for_active_shards="1")


def scratch_index_ready(client, name: str) -> None:
    client.indices.put_settings(index=name, settings={"index": {"refresh_interval": None}})
    client.indices.refresh(index=name)


def bulk_load(client, actions, *, chunk_size: int) -> int:
    from elasticsearch import helpers

    loaded = 0
    for ok, item in helpers.streaming_bulk(client, actions, chunk_size=chunk_size, raise_on_error=True, max_retries=3):
        if not ok:
            raise common.BenchmarkFailure(f"Elasticsearch refused a document: {item}")
        loaded += 1
    return loaded


def request_cache(client, index: str) -> dict:
    """The shard request cache's counters for `index` (cumulative since the index was made)."""
    stats = client.indices.stats(index=index, metric="request_cache")["indices"]
    return next(iter(stats.values()))["total"]["request_cache"]


def request_cache_line(before: dict, after: dict) -> str:
    """What the request cache did between two readings of request_cache()."""
    hits, misses = (after[name] - before[name] for name in ("hit_count", "miss_count"))
    return (
        f"request cache {hits} hits, {misses} misses, {after['evictions'] - before['evictions']} evictions, "
        f"{after['memory_size_in_bytes'] / 2**20:.1f} MB"
    )


def heap_line(client) -> str:
    stats = client.nodes.stats(metric="jvm")
    node = next(iter(stats["nodes"].values()))
    heap = node["jvm"]["mem"]
    return f"heap {heap['heap_used_in_bytes'] / 2**20:.0f} of {heap['heap_max_in_bytes'] / 2**20:.0f} MB"


# --- Synthetic documents without the database ---------------------------------------------------


class DocumentFactory:
    """Documents shaped by search.documents.record_document, from generated rows, without saving records.

    Builds an unsaved RestorationRecord in memory (monument and terms are real database objects)
    and hands it to record_document, so the documents follow the index's schema exactly.
    """

    def __init__(self):
        from heritage.importing import VOCABULARIES
        from heritage.models import MonumentPage
        from heritage.services import DEFAULT_LOCALE, vocabulary_terms_ensure

        vocabularies = common._vocabularies()
        self.columns = list(VOCABULARIES)
        self.terms = {}
        for (column, model), names in zip(VOCABULARIES.items(), vocabularies, strict=True):
            self.terms[column] = {term.key: term for term in vocabulary_terms_ensure(model, list(names))}
        self.monuments = {page.slug: page for page in MonumentPage.objects.filter(locale__language_code=DEFAULT_LOCALE)}

    def document(self, generated: common.GeneratedRecord, pk: int) -> dict:
        from heritage.models import RestorationRecord
        from heritage.text import fold
        from search.documents import record_document

        cells = generated.cells
        record = RestorationRecord(
            pk=pk,
            reference=cells["reference"],
            title=cells["title"],
            summary=cells["summary"],
            record_type=cells["record_type"],
            start=cells["start"],
            end=cells["end"],
            funder=cells["funder"],
            visibility=cells["visibility"],
            live=True,
        )
        record.monument = self.monuments[generated.monument_slug]
        record.set_date_bounds()
        for column in self.columns:
            names = [name.strip() for name in cells[column].split(";") if name.strip()]
            setattr(record, column, [self.terms[column][fold(name)] for name in names])
        return record_document(record)


def factory_check(factory: DocumentFactory, args) -> int:
    """The factory's documents equal the indexed documents of the same rows stored through the import."""
    from heritage.models import RestorationRecord
    from search.documents import record_document, records_for_indexing

    checked = 0
    stored = {record.reference: record for record in records_for_indexing().filter(reference__lt="BENCH-0000200")}
    for generated in common.restoration_rows(200, seed=args.seed):
        record = stored.get(generated.cells["reference"])
        if record is None:
            continue  # an internal record is indexed too, so this only happens if the import changed
        expected = record_document(record)
        made = factory.document(generated, record.pk)
        if made != expected:
            differing = sorted(key for key in expected if expected.get(key) != made.get(key))
            raise common.BenchmarkFailure(
                f"synthetic documents differ from indexed ones for {record.reference}: fields {differing}"
            )
        checked += 1
    if not checked or RestorationRecord.objects.filter(live=True).count() < args.records:
        raise common.BenchmarkFailure("no stored record to check the synthetic documents against")
    return checked


# --- The steps -----------------------------------------------------------------------------------


def archive_create(args) -> None:
    """Monuments and --records imported records, without touching Elasticsearch (the rebuild does that)."""
    from django.test import override_settings

    from heritage.importing import restorations_import

    database_search = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    with override_settings(ELASTICSEARCH_URL="", WAGTAILSEARCH_BACKENDS=database_search):
        with common.stopwatch() as elapsed:
            common.monuments_create()
            rows = common.restoration_rows(args.records, seed=args.seed)
            created = 0
            # Files of IMPORT_BATCH rows: the import refuses files over 25 MB (about 40,000 rows).
            while batch := list(itertools.islice(rows, IMPORT_BATCH)):
                report = restorations_import(data=common.rows_to_csv(batch))
                if not report.ok:
                    raise common.BenchmarkFailure(f"the import refused rows: {[str(e) for e in report.errors[:3]]}")
                created += report.created
        if created != args.records:
            raise common.BenchmarkFailure(f"the import created {created} records, not {args.records}")
    log(f"archive: 18 monuments and {args.records:,} records imported in {elapsed[0]:.1f}s")


def prepared_documents(index: str) -> tuple[list[dict], str]:
    """Bulk actions for every live record, in the form the rebuild sends them, and a word on that form.

    The rebuild sends JSON text made once per document (search.documents.sources_iter); the
    baseline sends the very same text.
    """
    from search import documents, es

    actions = [
        {"_op_type": "index", "_index": index, "_id": pk, "_source": source}
        for pk, source, _digest in documents.sources_iter(chunk_size=es.DB_CHUNK)
    ]
    return actions, "JSON sources from search.documents.sources_iter(), as the rebuild sends them"


def rebuild_benchmark(client, args, prefix: str) -> dict:
    from search import es

    scratch = f"{prefix}scratch-raw"
    with common.stopwatch() as prepared:
        documents, form = prepared_documents(scratch)
    log(f"prepared {len(documents):,} documents from the database in {prepared[0]:.2f}s ({form})")
    bulk_client = client.options(request_timeout=es.BULK_TIMEOUT)
    rebuilds, raws = [], []
    for repeat in range(1, args.repeats + 1):
        with common.stopwatch() as elapsed:
            result = es.index_rebuild()
        if result.count != len(documents):
            raise common.BenchmarkFailure(f"the rebuild indexed {result.count}, expected {len(documents)}")
        rebuilds.append(elapsed[0])

        scratch_index_create(client, scratch)
        try:
            with common.stopwatch() as raw:
                loaded = bulk_load(bulk_client, documents, chunk_size=es.BULK_CHUNK)
                scratch_index_ready(client, scratch)
        finally:
            client.indices.delete(index=scratch, ignore_unavailable=True)
        if loaded != len(documents):
            raise common.BenchmarkFailure(f"the raw load indexed {loaded}, expected {len(documents)}")
        raws.append(raw[0])
        log(
            f"rebuild {repeat}: index_rebuild {elapsed[0]:.2f}s ({len(documents) / elapsed[0]:,.0f} docs/s); "
            f"raw streaming_bulk {raw[0]:.2f}s ({len(documents) / raw[0]:,.0f} docs/s)"
        )
    rebuild, raw = common.median(rebuilds), common.median(raws)
    return {
        "documents": len(documents),
        "prepare_seconds": prepared[0],
        "form": form,
        "rebuild_seconds": rebuild,
        "raw_seconds": raw,
        "rebuild_rate": len(documents) / rebuild,
        "raw_rate": len(documents) / raw,
        "ratio": raw / rebuild,
    }


class WsgiClient:
    """GET requests handed straight to Django's WSGI application, as a WSGI server hands them over.

    What is timed is Django serving the request (middleware, view, JSON), without the test
    Client's instrumentation (template and exception capture signals, cookie jar, response
    decoration), which no deployment runs, and without a server's HTTP parsing.
    """

    def __init__(self, application=None):
        from django.core.handlers.wsgi import WSGIHandler

        self.application = application or WSGIHandler()

    @staticmethod
    def environ(path: str, params: dict) -> dict:
        """The WSGI environ of a GET request, as a server builds it."""
        from urllib.parse import urlencode

        return {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": urlencode(params, doseq=True),
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "localhost",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }

    def get(self, path: str, params: dict) -> "WsgiResponse":
        status = []
        chunks = self.application(self.environ(path, params), lambda code, headers, exc_info=None: status.append(code))
        try:
            content = b"".join(chunks)
        finally:
            getattr(chunks, "close", lambda: None)()
        return WsgiResponse(int(status[0].split()[0]), content)


@dataclasses.dataclass
class WsgiResponse:
    status_code: int
    content: bytes

    def json(self):
        return json.loads(self.content)


class RecordingClient:
    """Stands in for the site's Elasticsearch client (search.es.client): keeps each msearch's bodies and duration."""

    def __init__(self, real):
        self.real = real
        self.calls = []
        self.seconds = 0.0

    def msearch(self, *, searches, **kwargs):
        # searches alternates a header ({"index": ...}) and a body.
        self.calls.append((searches[0]["index"], list(searches[1::2])))
        started = time.perf_counter()
        try:
            return self.real.msearch(searches=searches, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started

    def search(self, **kwargs):
        raise common.BenchmarkFailure("search.backends sent a single search; the benchmark replays msearch requests")

    def __getattr__(self, name):
        return getattr(self.real, name)


def replay(client, index: str, bodies: list[dict]):
    """The same searches, straight to Elasticsearch, in one msearch (as search.backends sends them)."""
    searches = []
    for body in bodies:
        searches.extend(({"index": index}, body))
    return client.msearch(searches=searches)


def captured_bodies(client) -> list[tuple[str, str, list[dict], int]]:
    """Each query of the mix through the API once, keeping the Elasticsearch request it made."""
    from search import es

    http = WsgiClient()
    recorder = RecordingClient(client)
    captured = []
    with mock.patch.object(es, "client", lambda: recorder):
        for name, params in QUERY_MIX:
            recorder.calls.clear()
            response = http.get(API_URL, params)
            if response.status_code != 200:
                raise common.BenchmarkFailure(
                    f"{name}: the API answered {response.status_code}: {response.content[:300]}"
                )
            answer = response.json()
            if answer["backend"] != "elasticsearch":
                raise common.BenchmarkFailure(f"{name}: answered by {answer['backend']}, not Elasticsearch")
            if len(recorder.calls) != 1:
                raise common.BenchmarkFailure(f"{name}: the API sent {len(recorder.calls)} requests, expected 1")
            index, bodies = recorder.calls[0]
            captured.append((name, index, bodies, answer["count"]))
    return captured


def api_benchmark(client, args, application=None, *, show_mix: bool = True) -> dict:
    """Step 2. `application`: the WSGI application timed (default: Django's, as deployed)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search import es

    bodies = captured_bodies(client)
    for name, _index, _body, count in bodies if show_mix else ():
        log(f"  query mix: {name}: {count:,} records")
    http = WsgiClient(application)
    recorder = RecordingClient(client)
    api, direct, inside = [], [], []
    by_query = {name: ([], []) for name, _params in QUERY_MIX}
    with mock.patch.object(es, "client", lambda: recorder):
        for round_number in range(-2, args.rounds):  # two rounds of warm-up
            order = list(zip(QUERY_MIX, bodies, strict=True))
            for (name, params), (_n, index, body, _count) in order if round_number % 2 else reversed(order):
                recorder.seconds = 0.0
                started = time.perf_counter()
                response = http.get(API_URL, params)
                api_seconds = time.perf_counter() - started
                if response.status_code != 200:
                    raise common.BenchmarkFailure(f"the API answered {response.status_code}")
                started = time.perf_counter()
                replay(client, index, body)
                direct_seconds = time.perf_counter() - started
                if round_number >= 0:
                    api.append(api_seconds)
                    direct.append(direct_seconds)
                    inside.append(recorder.seconds)
                    by_query[name][0].append(api_seconds)
                    by_query[name][1].append(direct_seconds)

    sql = {}
    for page_size in (1, 100):
        with CaptureQueriesContext(connection) as queries:
            http.get(API_URL, {"q": "ngoi", "page_size": str(page_size)})
        sql[page_size] = len(queries)
    figures = {
        "samples": len(api),
        "api_p50": common.percentile(api, 50),
        "api_p95": common.percentile(api, 95),
        "direct_p50": common.percentile(direct, 50),
        "direct_p95": common.percentile(direct, 95),
        "inside_p50": common.percentile(inside, 50),
        "outside_p50": common.percentile([a - i for a, i in zip(api, inside, strict=True)], 50),
        "sql_queries": sql,
        "by_query": {name: (common.median(a), common.median(d)) for name, (a, d) in by_query.items()},
    }
    figures["ratio_p50"] = figures["api_p50"] / figures["direct_p50"]
    figures["ratio_p95"] = figures["api_p95"] / figures["direct_p95"]
    return figures


def mix_queries() -> list[tuple[str, object]]:
    """The query mix as the API parses it (search.params.RestorationQuery)."""
    from urllib.parse import urlencode

    from django.http import QueryDict

    from search.params import RestorationQuery

    return [
        (name, RestorationQuery.from_querydict(QueryDict(urlencode(params, doseq=True)), default_lang="vi"))
        for name, params in QUERY_MIX
    ]


def index_finish(client, index: str, size: int) -> float | None:
    """Finish a loaded scratch index as index_rebuild leaves one; returns the merge's seconds, if merged."""
    from search import es

    scratch_index_ready(client, index)
    with common.stopwatch() as merging:
        merged = es.index_merge(index, size)
    count = client.count(index=index)["count"]
    if count != size:
        raise common.BenchmarkFailure(f"{index} holds {count} documents, expected {size}")
    return merging[0] if merged else None


def site_prefix_for(client, index: str, site_prefix: str) -> str:
    """Point the alias the site searches under `site_prefix` (search.es.alias_name) at `index`."""
    from django.test import override_settings

    from search import es

    with override_settings(ELASTICSEARCH_INDEX_PREFIX=site_prefix):
        client.indices.put_alias(index=index, name=es.alias_name())
    return site_prefix


def time_searches(client, site_prefixes: list[str], args, *, cache: bool) -> dict[str, dict]:
    """The query mix through the search service (search.backends.get_backend().search) on each index, interleaved.

    Each index is searched as the site searches its own, through the alias of an index prefix
    (site_prefix_for). Query by query the indexes take turns (in alternating order from round to
    round), so that each sees the same moments of a noisy machine. `cache`: the indexes' shard
    request cache on (as deployed) or off (every search computed in full, as after an edit).
    Returns per prefix: p50, p95, medians per query, and which queries got estimated facets.
    """
    from django.contrib.auth.models import AnonymousUser
    from django.test import override_settings

    from search import backends, es

    for site_prefix in site_prefixes:
        with override_settings(ELASTICSEARCH_INDEX_PREFIX=site_prefix):
            client.indices.put_settings(index=es.alias_name(), settings={"index.requests.cache.enable": cache})
    anonymous = AnonymousUser()
    queries = mix_queries()
    figures = {
        site_prefix: {"samples": [], "by_query": {name: [] for name, _q in queries}, "estimated": set()}
        for site_prefix in site_prefixes
    }
    for round_number in range(-2, args.size_rounds):
        for name, query in queries:
            for site_prefix in site_prefixes if round_number % 2 else reversed(site_prefixes):
                with override_settings(ELASTICSEARCH_INDEX_PREFIX=site_prefix):
                    started = time.perf_counter()
                    answer = backends.get_backend().search(query, user=anonymous)
                    elapsed = time.perf_counter() - started
                if answer.backend != "elasticsearch":
                    raise common.BenchmarkFailure(f"{name}: answered by {answer.backend}, not Elasticsearch")
                if round_number >= 0:
                    figures[site_prefix]["samples"].append(elapsed)
                    figures[site_prefix]["by_query"][name].append(elapsed)
                if answer.facets_approximate:
                    figures[site_prefix]["estimated"].add(name)
    return {
        site_prefix: {
            "p50": common.percentile(found["samples"], 50),
            "p95": common.percentile(found["samples"], 95),
            "by_query": {name: common.median(values) for name, values in found["by_query"].items()},
            "estimated": sorted(found["estimated"]),
        }
        for site_prefix, found in figures.items()
    }


def sizes_benchmark(client, args, prefix: str, factory: DocumentFactory) -> list[dict]:
    """Each size: load, finish the index as a rebuild does, then time the search service on it.

    search.backends.get_backend().search (what the API view calls, for an anonymous user) searches
    the index through an alias of the site's form, so its requests change with the index as the
    API's do: above RESTORATION_FACETS_EXACT_UP_TO documents the facets of queries with many
    matches are counted over a random sample of them. Its database check of the page finds none
    of the synthetic records, so no result is built: what is timed is Elasticsearch's answer, the
    code around it and one small SQL query. A second index keeps the smallest size's documents,
    and every larger size is timed interleaved with it: the ratio of the two is measured in the
    same minutes, not ten minutes apart.
    """
    from search import es

    index, base = f"{prefix}sizes", f"{prefix}sizes-base"
    bulk_client = client.options(request_timeout=es.BULK_TIMEOUT)
    sizes = sorted(args.sizes)
    generator = common.restoration_rows(sizes[-1], seed=args.seed + 1, prefix="SYN")
    results = []
    loaded = 0
    scratch_index_create(client, index)
    scratch_index_create(client, base)
    base_prefix = site_prefix_for(client, base, f"{prefix}base-")
    for size in sizes:
        entry = {"size": size}
        results.append(entry)
        try:
            client.indices.put_settings(index=index, settings={"index": {"refresh_interval": "-1"}})
            started = time.perf_counter()
            batch = size - loaded
            targets = [index, base] if size == sizes[0] else [index]

            def actions(batch=batch, first=loaded, targets=targets):
                for offset in range(batch):
                    generated = next(generator)
                    pk = 10_000_000 + first + offset
                    document = factory.document(generated, pk)
                    for target in targets:
                        yield {"_op_type": "index", "_index": target, "_id": pk, "_source": document}

            loaded += bulk_load(bulk_client, actions(), chunk_size=es.BULK_CHUNK) // len(targets)
            entry["load_seconds"] = time.perf_counter() - started
            entry["merge_seconds"] = index_finish(client, index, size)
            if size == sizes[0]:
                index_finish(client, base, size)
            stats = client.indices.stats(index=index, metric="store,segments")["indices"][index]["primaries"]
            entry["store_mb"] = stats["store"]["size_in_bytes"] / 2**20
            entry["segments"] = stats["segments"]["count"]
            # A new alias per size: the site remembers an index's size for a minute (search.es.index_size).
            size_prefix = site_prefix_for(client, index, f"{prefix}s{size}-")
            # As deployed (the shard request cache answers the size-0 searches of a query asked
            # before), and cold (the cache off: every search computed in full, as after an edit).
            timed_prefixes = [size_prefix] if size == sizes[0] else [size_prefix, base_prefix]
            for mode, cache in (("warm", True), ("cold", False)):
                before = {name: request_cache(client, name) for name in (index, base)}
                timed = time_searches(client, timed_prefixes, args, cache=cache)
                if cache:  # what the cache did for each index, which the figures then show
                    for name in (index, base) if size != sizes[0] else (index,):
                        log(f"size {size:,}, {name}: {request_cache_line(before[name], request_cache(client, name))}")
                entry[mode] = timed[size_prefix]
                if size != sizes[0]:
                    entry[mode]["beside"] = timed[base_prefix]  # the smallest size, in the same minutes
            entry["estimated"] = entry["warm"]["estimated"]
            entry["p50"], entry["p95"] = entry["warm"]["p50"], entry["warm"]["p95"]
            entry["heap"] = heap_line(client)
            merged = f", merged in {entry['merge_seconds']:.0f}s" if entry["merge_seconds"] is not None else ""
            beside = ""
            if size != sizes[0]:
                beside = (
                    f"; {sizes[0]:,} beside it: p50 {entry['warm']['beside']['p50'] * 1000:.1f} ms, "
                    f"cold {entry['cold']['beside']['p50'] * 1000:.1f} ms"
                )
            log(
                f"size {size:,}: loaded {batch:,} documents in {entry['load_seconds']:.0f}s "
                f"({batch / entry['load_seconds']:,.0f} docs/s, generation included){merged}, "
                f"{entry['store_mb']:.0f} MB, {entry['segments']} segments, {entry['heap']}; "
                f"p50 {entry['p50'] * 1000:.1f} ms, p95 {entry['p95'] * 1000:.1f} ms; "
                f"cold p50 {entry['cold']['p50'] * 1000:.1f} ms{beside}; "
                f"{len(entry['estimated'])} of {len(QUERY_MIX)} queries with estimated facets"
            )
        except Exception as error:  # a size that does not fit is a finding, not a crash
            entry["error"] = f"{error.__class__.__name__}: {str(error)[:300]}"
            log(f"size {size:,}: FAILED after {loaded:,} documents: {entry['error']}")
            break
    return results


# --- Report ---------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def summary(args, figures: dict, failures: list[str]) -> int:
    goals = []
    print()
    print(f"Restoration search benchmark: {args.records:,} records in the database, seed {args.seed}")
    print(f"Machine: {common.machine_line()}")
    print(f"Elasticsearch: {figures.get('es_version', '?')} at {os.environ.get('ELASTICSEARCH_URL')}")
    rebuild = figures.get("rebuild")
    if rebuild:
        print()
        print(f"1. Rebuild of {rebuild['documents']:,} documents, median of {args.repeats}:")
        print(
            f"   index_rebuild     {rebuild['rebuild_seconds']:.2f}s  {rebuild['rebuild_rate']:>8,.0f} docs/s "
            "(database read, documents, streaming_bulk, refresh, alias swap)"
        )
        print(
            f"   raw streaming_bulk {rebuild['raw_seconds']:.2f}s  {rebuild['raw_rate']:>8,.0f} docs/s "
            "(the same documents prepared beforehand, scratch index, refresh)"
        )
        print(f"   documents sent as {rebuild['form']}")
        print(
            f"   ratio rebuild/raw throughput: {rebuild['ratio']:.2f}; reading the database and building the "
            f"documents alone took {rebuild['prepare_seconds']:.2f}s"
        )
        goals.append(
            (
                "rebuild throughput / raw streaming_bulk",
                rebuild["ratio"],
                f">= {GOAL_REBUILD_RATIO}",
                rebuild["ratio"] >= GOAL_REBUILD_RATIO,
            )
        )
    api = figures.get("api")
    if api:
        print()
        print(
            f"2. Query mix of {len(QUERY_MIX)} queries x {args.rounds} rounds ({api['samples']} samples each side), "
            f"anonymous, {args.records:,} records:"
        )
        print(f"   API (Django WSGI app)      p50 {ms(api['api_p50'])}  p95 {ms(api['api_p95'])}")
        print(f"   same bodies, straight to ES p50 {ms(api['direct_p50'])}  p95 {ms(api['direct_p95'])}")
        print(f"   ratio API/direct: p50 {api['ratio_p50']:.2f}, p95 {api['ratio_p95']:.2f}")
        print(
            f"   within an API call (p50): {ms(api['inside_p50'])} waiting for Elasticsearch, "
            f"{ms(api['outside_p50'])} in Django (parameters, database lookups, JSON)"
        )
        print("   median per query, API / direct:")
        for name, (api_median, direct_median) in api["by_query"].items():
            print(f"     {name:<28} {ms(api_median):>9} / {ms(direct_median):>9}")
        print(
            f"   SQL queries per API call: page_size=1: {api['sql_queries'][1]}, "
            f"page_size=100: {api['sql_queries'][100]}"
        )
        within = f"<= {GOAL_API_RATIO}"
        goals.append(("API p50 / direct p50", api["ratio_p50"], within, api["ratio_p50"] <= GOAL_API_RATIO))
        goals.append(("API p95 / direct p95", api["ratio_p95"], within, api["ratio_p95"] <= GOAL_API_RATIO))
        same = api["sql_queries"][1] == api["sql_queries"][100]
        goals.append(("SQL queries per call, page_size 100 vs 1", api["sql_queries"][100], "equal", same))
    sizes = figures.get("sizes")
    if sizes:
        print()
        print(
            "3. Latency against index size: synthetic documents made by search.documents.record_document "
            "(not stored in the database),"
        )
        print(
            f"   the {len(QUERY_MIX)} queries through the search service, anonymous "
            f"(search.backends.get_backend().search), {args.size_rounds} rounds:"
        )
        ran = [entry for entry in sizes if "p50" in entry]
        for entry in sizes:
            if "p50" in entry:
                merged = f", merged in {entry['merge_seconds']:.0f}s" if entry["merge_seconds"] is not None else ""
                print(
                    f"   {entry['size']:>10,} docs  p50 {ms(entry['p50']):>9}  p95 {ms(entry['p95']):>9}  "
                    f"index {entry['store_mb']:,.0f} MB, {entry['segments']} segments{merged}, {entry['heap']}; "
                    f"estimated facets for {len(entry['estimated'])} of {len(QUERY_MIX)} queries"
                )
            else:
                print(f"   {entry['size']:>10,} docs  DID NOT RUN: {entry.get('error', '')}")
        for mode, title in (("warm", "as deployed (request cache on)"), ("cold", "cold (request cache off)")):
            if not ran:
                break
            print(
                f"   {title}: p50 / p95 at "
                + ", ".join(f"{entry['size']:,}" for entry in ran)
                + ": "
                + ", ".join(f"{ms(entry[mode]['p50'])} / {ms(entry[mode]['p95'])}" for entry in ran)
            )
            print(f"   {title}, median per query (ms):")
            for name in ran[0][mode]["by_query"]:
                medians = "  ".join(f"{entry[mode]['by_query'][name] * 1000:>7.1f}" for entry in ran)
                print(f"     {name:<28} {medians}")
        if len(ran) >= 2:
            smallest, largest = ran[0], ran[-1]
            for mode, title in (("warm", "as deployed"), ("cold", "cold")):
                beside = largest[mode]["beside"]
                print(
                    f"   {title}: {largest['size']:,} timed beside a copy of the {smallest['size']:,}-document "
                    f"index, query by query: p50 {ms(largest[mode]['p50'])} / {ms(beside['p50'])} = "
                    f"{largest[mode]['p50'] / beside['p50']:.2f} (p95 {largest[mode]['p95'] / beside['p95']:.2f}); "
                    f"against the {smallest['size']:,} timed first: {largest[mode]['p50'] / smallest[mode]['p50']:.2f}"
                )
            for mode, title in (("warm", "as deployed"), ("cold", "cold")):
                ratio = largest[mode]["p50"] / largest[mode]["beside"]["p50"]
                label = f"p50 at {largest['size']:,} / p50 at {smallest['size']:,} beside it, {title}"
                goals.append((label, ratio, "<= 2", ratio <= GOAL_SIZE_RATIO))
        if ran and ran[-1]["size"] < max(args.sizes):
            failures.append(
                f"the largest size, {max(args.sizes):,}, did not run; the largest that ran: {ran[-1]['size']:,}"
            )
    return common.goals_report(goals, failures)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000, help="records in the database (default 10000)")
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(size) for size in text.split(",") if size.strip()],
        default=[10_000, 100_000, 1_000_000],
        help="index sizes for step 3, comma-separated (default 10000,100000,1000000)",
    )
    parser.add_argument("--rounds", type=int, default=20, help="rounds of the query mix in step 2")
    parser.add_argument("--size-rounds", type=int, default=10, help="rounds of the query mix per size in step 3")
    parser.add_argument("--repeats", type=int, default=5, help="rebuilds and raw loads in step 1")
    parser.add_argument("--seed", type=int, default=1991)
    parser.add_argument("--database-url", default="", help="a PostgreSQL database to create and use (default SQLite)")
    parser.add_argument("--skip-sizes", action="store_true", help="skip step 3")
    args = parser.parse_args()

    if problem := elasticsearch_problem():
        print(problem, file=sys.stderr)
        return 2
    common.keep_log("search")
    prefix = f"bench-{os.getpid()}-{int(time.time())}-"
    os.environ["ELASTICSEARCH_INDEX_PREFIX"] = prefix
    workspace = common.django_setup(database_url=args.database_url, elasticsearch=True)

    from search import es

    client = es.client().options(request_timeout=60)
    figures, failures = {}, []
    try:
        with contextlib.suppress(Exception):  # the test distribution does not answer GET /
            figures["es_version"] = next(iter(client.nodes.info()["nodes"].values()))["version"]
        log(f"index prefix {prefix}; database {workspace.database_url.split('@')[-1]}")
        archive_create(args)
        factory = DocumentFactory()
        log(f"synthetic documents checked against {factory_check(factory, args)} indexed ones: identical")
        steps = [
            ("rebuild", lambda: rebuild_benchmark(client, args, prefix)),
            ("api", lambda: api_benchmark(client, args)),
        ]
        for name, step in steps:
            try:
                figures[name] = step()
            except Exception as error:
                failures.append(f"{name}: {error.__class__.__name__}: {error}")
                log(f"{name} FAILED: {error.__class__.__name__}: {error}")
        if not args.skip_sizes:
            figures["sizes"] = sizes_benchmark(client, args, prefix, factory)
    finally:
        cleanup_indexes(client, prefix, failures)
        common.workspace_cleanup(workspace)
    return summary(args, figures, failures)


if __name__ == "__main__":
    sys.exit(main())
