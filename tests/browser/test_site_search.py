"""The site search in a browser (Debian's Chromium, driven by Playwright): typed without accents, in both languages.

The visitor types "dien thai hoa" into the search form and finds Điện Thái Hòa; the language switch
on the results page leads to the same search in the other language, with its results.
"""

import copy
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings as django_settings

from heritage.services import monument_create
from tests.search.indexes import indexes_delete

OTHER = {"vi": "en", "en": "vi"}


@pytest.fixture
def own_page_index(settings):
    """On Elasticsearch, Wagtail's indexes under a prefix of this test's own (no other test's documents)."""
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    prefix = None
    if "INDEX_PREFIX" in backends["default"]:
        prefix = f"test-{uuid.uuid4().hex[:12]}-wagtail-"
        backends["default"]["INDEX_PREFIX"] = prefix
        settings.WAGTAILSEARCH_BACKENDS = backends
    yield prefix
    if prefix:
        indexes_delete(f"{prefix}*")


@pytest.mark.needs("chromium")
def test_a_search_typed_without_accents_finds_the_monument_and_the_language_switch_keeps_it(
    live_server, own_page_index, site_tree, page
):
    index = site_tree["vi"]["monuments"]
    for slug, name_vi, name_en in [
        ("dien-thai-hoa", "Điện Thái Hòa", "Hall of Supreme Harmony"),
        ("lang-tu-duc", "Lăng Tự Đức", "Tomb of Tự Đức"),
    ]:
        monument_create(index=index, slug=slug, name_vi=name_vi, name_en=name_en, category="palace")
    if own_page_index:
        from search import es

        es.client().indices.refresh(index=f"{own_page_index}*")
    assert django_settings.WAGTAILSEARCH_BACKENDS["default"].get("INDEX_PREFIX") == own_page_index
    # The ORM is done with: Playwright's sync API runs an event loop, in which Django refuses queries.

    def results() -> list[str]:
        return page.locator("ol.results h3 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")

    for language in ("vi", "en"):
        page.goto(f"{live_server.url}/{language}/search/")
        page.fill("#search-q", "dien thai hoa")
        with page.expect_navigation():
            page.press("#search-q", "Enter")

        assert urlsplit(page.url).path == f"/{language}/search/"
        assert results() == [f"/{language}/monuments/dien-thai-hoa/"], language

        other = OTHER[language]
        with page.expect_navigation():
            page.click(f'nav.languages a[hreflang="{other}"]')

        url = urlsplit(page.url)
        assert url.path == f"/{other}/search/"
        assert parse_qs(url.query) == {"q": ["dien thai hoa"]}
        assert page.input_value("#search-q") == "dien thai hoa"
        assert results() == [f"/{other}/monuments/dien-thai-hoa/"], other
