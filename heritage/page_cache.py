"""Whole pages served from cache to anonymous visitors, emptied when anything is published.

A view opts a response in with `cacheable(response)` (the tour pages do). `PageCacheMiddleware` then
keeps its HTML under the request's host and path, and serves it to the next anonymous GET or HEAD of
that address before any routing, page lookup or query: a hit costs a cache read.

Emptying is by generation: every key carries the current generation number, and `invalidate()`
moves to the next, so that every page cached before is never read again (and expires). The apps
call `invalidate_on(*models)` for what their cached pages show: a page published, unpublished,
moved or deleted, a record, image, panorama or audio file saved or deleted. That is coarse (any
change empties every cached page) and always right; publishing is rare next to visits.

The cache is settings.CACHES["pages"]: memory in one process by default, the database's cache table
with DATABASE_URL, so that every process of a deployment sees the same generation.
"""

from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from wagtail.signals import page_published, page_unpublished

SECONDS = 60 * 60
GENERATION = "page-cache:generation"
KEPT_HEADERS = ("Content-Type", "Content-Language", "Link")
HIT_HEADER = "X-Page-Cache"


def _cache():
    return caches["pages"]


def cacheable(response):
    """Mark `response` as one the page cache may keep for anonymous visitors."""
    response.page_cacheable = True
    return response


def invalidate(**kwargs) -> None:
    """Empty the page cache: later requests read and write under a new generation."""
    try:
        _cache().incr(GENERATION)
    except ValueError:  # no generation yet, or it expired
        _cache().set(GENERATION, 1, None)


def invalidate_on(*models) -> None:
    """Empty the page cache whenever an object of `models` is saved or deleted."""
    for model in models:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-save-{model._meta.label}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"page-cache-delete-{model._meta.label}")


page_published.connect(invalidate, dispatch_uid="page-cache-published")
page_unpublished.connect(invalidate, dispatch_uid="page-cache-unpublished")


def _key(request, generation) -> str:
    return f"page-cache:{generation}:{request.get_host()}:{request.path}"


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
        generation = cache.get(GENERATION) or 0
        key = _key(request, generation)
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            response = HttpResponse(content, headers=headers)
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if (
            getattr(response, "page_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), SECONDS)
            response[HIT_HEADER] = "miss"
        return response
