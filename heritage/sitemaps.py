"""The sitemap: every public, published page of the site, in every language, with its alternates.

Served as an index (/sitemap.xml) of sections (/sitemap-<section>.xml, each cut into pages of
50,000 URLs by Django), so it stays bounded at any archive size: the tree's pages of every locale,
then per language the public records and the timelines of monuments that have some. Who may see a
record is heritage.visibility's rule (`RestorationRecord.objects.public()`); pages are Wagtail's
live and public ones (no view restriction). Locations are paths; Django's views prefix the
request's scheme and host, as heritage.seo does for the canonical URLs.
"""

import functools
import operator

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

from .models import MonumentPage, RestorationRecord
from .routing import site_for_request
from .seo import hreflang_links
from .visibility import PUBLIC_CONDITIONS


class _Sitemap(Sitemap):
    """A section whose URLs carry their hreflang alternates (`alternate_paths`), x-default included."""

    def __init__(self, request):
        self.request = request

    def alternate_paths(self, items) -> dict:
        """{item: {language code: path}} for the items of one sitemap page."""
        raise NotImplementedError

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        paths = self.alternate_paths([url["item"] for url in urls])
        for url in urls:
            url["alternates"] = [
                {"lang_code": code, "location": origin + path} for code, path in hreflang_links(paths[url["item"]])
            ]
        return urls


class PageSitemap(_Sitemap):
    """The live, public pages of the request's Wagtail site, in every locale."""

    def _site(self) -> Site:
        return site_for_request(self.request) or Site.objects.get(is_default_site=True)

    def items(self):
        # A site's root page has one translation per locale, each the root of that locale's tree.
        root = self._site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
        within = functools.reduce(operator.or_, (Q(path__startswith=path) for path in roots), Q(pk__in=[]))
        return Page.objects.live().public().filter(within).order_by("path")

    def location(self, page):
        return page.get_url(self.request)

    def lastmod(self, page):
        return page.last_published_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def alternate_paths(self, pages):
        keys = {page.translation_key for page in pages}
        translations = Page.objects.live().public().filter(translation_key__in=keys).select_related("locale")
        paths = {}
        for translation_page in translations:
            paths.setdefault(translation_page.translation_key, {})[translation_page.locale.language_code] = (
                translation_page.get_url(self.request)
            )
        return {page: paths.get(page.translation_key, {}) for page in pages}


class _ViewSitemap(_Sitemap):
    """One of the archive's views outside the page tree, under one language's prefix."""

    url_name = ""

    def __init__(self, request, *, lang: str):
        super().__init__(request)
        self.lang = lang

    def url_kwargs(self, item) -> dict:
        raise NotImplementedError

    def _path(self, item, lang: str) -> str:
        with translation.override(lang):
            return reverse(self.url_name, kwargs=self.url_kwargs(item))

    def location(self, item):
        return self._path(item, self.lang)

    def alternate_paths(self, items):
        return {item: {code: self._path(item, code) for code, _name in settings.LANGUAGES} for item in items}


class RecordSitemap(_ViewSitemap):
    """The records anonymous visitors may read: published and public, nothing internal or draft."""

    url_name = "restoration_record"

    def items(self):
        return RestorationRecord.objects.public().only("pk", "reference", "last_published_at").order_by("pk")

    def url_kwargs(self, record):
        return {"reference": record.reference}

    def lastmod(self, record):
        return record.last_published_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]


class TimelineSitemap(_ViewSitemap):
    """The restoration timelines of the live, public monuments (default locale) with public records."""

    url_name = "monument_timeline"

    def items(self):
        with_records = {f"restoration_records__{name}": value for name, value in PUBLIC_CONDITIONS.items()}
        return (
            MonumentPage.objects.live()
            .public()
            .filter(locale__language_code=settings.LANGUAGE_CODE, **with_records)
            .distinct()
            .only("pk", "slug")
            .order_by("pk")
        )

    def url_kwargs(self, monument):
        return {"monument": monument.slug}


class SearchPageSitemap(_ViewSitemap):
    """The restorers' search page as it first opens (its queries are not indexed: heritage.seo)."""

    url_name = "restorations"

    def items(self):
        return ["restorations"]

    def url_kwargs(self, item):
        return {}


def sitemap_sections(request) -> dict[str, Sitemap]:
    sections = {"pages": PageSitemap(request)}
    for code, _name in settings.LANGUAGES:
        sections[f"records-{code}"] = RecordSitemap(request, lang=code)
        sections[f"timelines-{code}"] = TimelineSitemap(request, lang=code)
        sections[f"search-{code}"] = SearchPageSitemap(request, lang=code)
    return sections
