"""Wagtail's own Elasticsearch indexes (pages, records, images, documents, terms) before `update_index`.

A new deployment runs `migrate` and starts serving; `update_index` may come later, or never. The
admin's searches and the site's page search must answer all along.
"""

import copy
import re
import uuid

import pytest
from django.core.management import call_command

from heritage.services import monument_create
from search import es
from tests.factories import make_record
from tests.search.indexes import indexes_delete

ADMIN_SEARCHES = (
    "/admin/pages/search/",
    "/admin/snippets/heritage/restorationrecord/",
    "/admin/snippets/heritage/technique/",
    "/admin/images/",
    "/admin/documents/",
)


@pytest.fixture
def wagtail_prefix(settings):
    """Wagtail's backend with an index prefix of its own: none of its indexes exists yet, as on a new cluster."""
    prefix = f"test-{uuid.uuid4().hex[:12]}-wagtail-"
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"]["INDEX_PREFIX"] = prefix
    settings.WAGTAILSEARCH_BACKENDS = backends
    yield prefix
    indexes_delete(f"{prefix}*")


def _refresh(prefix: str) -> None:
    """What Elasticsearch does by itself within a second: makes the documents just written searchable."""
    es.client().indices.refresh(index=f"{prefix}*")


@pytest.mark.needs("elasticsearch")
def test_the_searches_answer_before_any_wagtail_index_exists(wagtail_prefix, client, curator):
    client.force_login(curator)

    for url in ADMIN_SEARCHES:
        response = client.get(url, {"q": "Huế"})
        assert response.status_code == 200, url
        assert 'name="q" value="Huế"' in response.content.decode(), url
    public = client.get("/vi/search/", {"q": "Huế"})
    assert public.status_code == 200
    assert re.search(r'<h2 id="results-title"[^>]*>0 ', public.content.decode())


@pytest.mark.needs("elasticsearch")
def test_what_is_saved_before_update_index_is_found_by_the_admin_searches(wagtail_prefix, client, site_tree, curator):
    """Saving a page used to make Elasticsearch create Wagtail's index by itself, without Wagtail's mapping:
    the admin's page search then answered 500 (KeyError: 'fields')."""
    monument = monument_create(
        index=site_tree["vi"]["monuments"],
        slug="kinh-thanh-hue",
        name_vi="Kinh thành Huế",
        name_en="Huế Citadel",
        category="citadel",
    )
    make_record(monument, reference="HUE-KT-1995", title="Tu bổ Kinh thành Huế")
    _refresh(wagtail_prefix)
    client.force_login(curator)

    pages = client.get("/admin/pages/search/", {"q": "kinh thanh hue"})  # found without its diacritics
    records = client.get("/admin/snippets/heritage/restorationrecord/", {"q": "Kinh thành"})

    assert pages.status_code == 200
    assert "Kinh thành Huế" in pages.content.decode()
    assert records.status_code == 200
    assert "HUE-KT-1995" in records.content.decode()

    # update_index replaces the index created on first use (by an index behind an alias of its name).
    call_command("update_index", verbosity=0)
    again = client.get("/admin/pages/search/", {"q": "kinh thanh hue"})
    assert again.status_code == 200
    assert "Kinh thành Huế" in again.content.decode()
