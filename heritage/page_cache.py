"""Whole pages served from cache to anonymous visitors, emptied when anything is published.

A view opts a response in with `cacheable(response)` (the tour pages do). `PageCacheMiddleware` then
keeps its HTML under the request's host and path, and serves it to the next anonymous GET or HEAD of
that address before any routing, page lookup or query: a hit costs a cache read. Pages are kept
compressed (gzip) and sent so to every browser that accepts it, as phones on roaming data do; a
page is ten to fifteen times smaller so, and a hit reads that much less from the cache.

Emptying is by generation: every page is kept with the generation number current when it was
rendered, and `invalidate()` sets a new one, so that every page cached before is never served
again (and is overwritten or expires). A request reads the generation and its page together, in one
cache read (one query on the database cache). The apps
call `invalidate_on(*models)` for what their cached pages show: a page published, unpublished,
moved or deleted, a record, image, panorama or audio file saved or deleted. That is coarse (any
change empties every cached page) and always right; publishing is rare next to visits.

The cache is settings.CACHES["pages"]: memory in one process by default, the database's cache table
with DATABASE_URL, so that every process of a deployment sees the same generation.
"""

import gzip
import time

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_vary_headers
from wagtail.signals import page_published, page_unpublished

SECONDS = 60 * 60
GENERATION = "page-cache:generation"
KEPT_HEADERS = ("Content-Type", "Content-Language", "Link")
COMPRESS_LEVEL = 6  # zlib's default: a tour page of 200 KB in 13 KB, in about a millisecond
HIT_HEADER = "X-Page-Cache"


def _cache():
    return caches["pages"]


def cacheable(response):
    """Mark `response` as one the page cache may keep for anonymous visitors."""
    response.page_cacheable = True
    return response


def invalidate(**kwargs) -> None:
    """Empty the page cache now and, inside a transaction, again once it commits: until then other
    processes read the data as it was, and a page one of them renders meanwhile is kept under the
    new generation; it must not outlive the commit."""
    _generation_set()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_generation_set, robust=True)


def _generation_set() -> None:
    """A new generation: the clock's nanoseconds, which no kept page carries, in one write kept without
    expiry (not incr(): on the database cache that is a read, then a write with the default timeout,
    so the generation would lapse after five minutes and every page with it)."""
    _cache().set(GENERATION, time.time_ns(), None)


def _new_generation() -> int:
    """A generation no kept page carries (a cache that drops entries may drop the generation and keep
    pages): the clock's nanoseconds, unless another process has just set one."""
    cache, generation = _cache(), time.time_ns()
    if cache.add(GENERATION, generation, None):
        return generation
    return cache.get(GENERATION) or generation


def invalidate_on(*models) -> None:
    """Empty the page cache whenever an object of `models` is saved or deleted."""
    for model in models:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-save-{model._meta.label}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"page-cache-delete-{model._meta.label}")


page_published.connect(invalidate, dispatch_uid="page-cache-published")
page_unpublished.connect(invalidate, dispatch_uid="page-cache-unpublished")


def _key(request) -> str:
    return f"page-cache:{request.get_host()}:{request.path}"


def _anonymous_read(request) -> bool:
    # No session cookie: no user, and nothing personal on the page. Query strings are not cached.
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and not request.COOKIES.get("sessionid")
        and not request.COOKIES.get("csrftoken")
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _anonymous_read(request):
            return self.get_response(request)
        cache = _cache()
        key = _key(request)
        found = cache.get_many([GENERATION, key])
        generation = found.get(GENERATION) or _new_generation()
        kept = found.get(key)
        gzip_accepted = bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        if kept is not None and kept[0] == generation:
            _generation, compressed, headers = kept
            response = HttpResponse(compressed if gzip_accepted else gzip.decompress(compressed), headers=headers)
            return _answer(response, compressed=gzip_accepted, hit="hit")
        response = self.get_response(request)
        if (
            getattr(response, "page_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            compressed = gzip.compress(response.content, compresslevel=COMPRESS_LEVEL, mtime=0)
            cache.set(key, (generation, compressed, headers), SECONDS)
            if gzip_accepted:
                response.content = compressed
            return _answer(response, compressed=gzip_accepted, hit="miss")
        return response


def _answer(response, *, compressed: bool, hit: str):
    """A page the cache keeps, compressed for the browsers that accept gzip (every browser does)."""
    if compressed:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    response[HIT_HEADER] = hit
    return response
