"""The site search and the admin's searches fold case and diacritics on every Wagtail search backend.

Each test runs on the backend of its profile: SQLite (embedded), and both PostgreSQL and
Elasticsearch (services). Without accents, in either language, a search finds what the same search
with its accents finds; the word as typed ranks first; no text typed in a search box answers 500.
"""

import copy
import io
import re
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.search.backends import get_search_backend

from heritage.models import HeritageImage, Technique
from heritage.services import monument_create
from search import es
from tests.factories import make_record
from tests.search.indexes import indexes_delete

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.needs("postgres")),
    pytest.param("elasticsearch", id="elasticsearch", marks=pytest.mark.needs("elasticsearch")),
]


class PageSearch:
    """The Wagtail search backend under test; `ready()` once the test's data are saved."""

    def __init__(self, name: str, prefix: str | None):
        self.name = name
        self.prefix = prefix

    def ready(self) -> None:
        if self.name == "elasticsearch":
            # What Elasticsearch does by itself within a second: makes the documents just saved searchable.
            es.client().indices.refresh(index=f"{self.prefix}*")


@pytest.fixture(params=BACKENDS)
def page_search(request, settings, db):
    name = request.param
    if name == "sqlite" and connection.vendor != "sqlite":
        pytest.skip("the SQLite backend runs in the embedded profile")
    prefix = None
    if name == "elasticsearch":
        prefix = f"test-{uuid.uuid4().hex[:12]}-wagtail-"
        backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
        backends["default"]["INDEX_PREFIX"] = prefix
        settings.WAGTAILSEARCH_BACKENDS = backends
    else:
        settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.page_search"}}
    module = type(get_search_backend()).__module__
    assert {"sqlite": "sqlite", "postgresql": "postgres", "elasticsearch": "elasticsearch"}[name] in " ".join(
        cls.__module__ for cls in type(get_search_backend()).__mro__
    ), module
    yield PageSearch(name, prefix)
    if prefix:
        indexes_delete(f"{prefix}*")


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), (120, 40, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def archive(page_search, site_tree):
    """Monuments named as in Huế (and two made up to rank against "Huế"), a record, terms, an image, a document."""
    index = site_tree["vi"]["monuments"]
    monuments = {}
    for slug, name_vi, name_en in [
        ("dien-thai-hoa", "Điện Thái Hòa", "Hall of Supreme Harmony"),
        ("dien-kien-trung", "Điện Kiến Trung", "Kien Trung Palace"),
        ("lang-tu-duc", "Lăng Tự Đức", "Tomb of Tự Đức"),
        ("kinh-thanh-hue", "Kinh thành Huế", "Huế Citadel"),
        ("ngo-mon", "Ngọ Môn", "Meridian Gate"),
        # Only "Hue" and only "huệ": found by "hue", ranked after Huế by "Huế".
        ("bao-tang-hue", "Bảo tàng Hue", "Hue Museum"),
        ("dan-hue", "Đàn Huệ", "Lily Altar"),
    ]:
        monuments[slug] = monument_create(index=index, slug=slug, name_vi=name_vi, name_en=name_en, category="palace")
    make_record(monuments["dien-thai-hoa"], reference="HUE-TH-2021-01", title="Tu bổ điện Thái Hòa", start="2021")
    make_record(monuments["ngo-mon"], reference="HUE-NM-1991-01", title="Thay ngói lầu Ngũ Phụng", start="1991")
    Technique.objects.create(name="Sơn mài", name_en="Lacquering")
    Technique.objects.create(name="Lợp ngói", name_en="Re-roofing")
    for title in ("Điện Thái Hòa mùa xuân", "Ngọ Môn"):
        HeritageImage.objects.create(title=title, file=ImageFile(io.BytesIO(_png()), name="photo.png"))
    for title in ("Báo cáo Điện Thái Hòa", "Báo cáo Ngọ Môn"):
        Document.objects.create(title=title, file=ContentFile(b"report", name="report.pdf"))
    page_search.ready()
    return monuments


def _links(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(r'<h3><a href="([^"]+)"', response.content.decode())


def _site_search(client, language: str, query: str) -> list[str]:
    return _links(client.get(f"/{language}/search/", {"q": query}))


# --- The site search ----------------------------------------------------------------------


SAME_RESULTS = [  # (accented, plain, monuments among the results)
    ("Điện Thái Hòa", "dien thai hoa", {"dien-thai-hoa"}),
    ("Lăng Tự Đức", "lang tu duc", {"lang-tu-duc"}),
    ("Điện", "dien", {"dien-thai-hoa", "dien-kien-trung"}),
    ("Huế", "hue", {"kinh-thanh-hue", "bao-tang-hue", "dan-hue"}),
]


def test_a_search_without_accents_finds_what_the_accented_search_finds(client, archive):
    for language in ("vi", "en"):
        for accented, plain, expected in SAME_RESULTS:
            monuments = {f"/{language}/monuments/{slug}/" for slug in expected}

            with_accents = set(_site_search(client, language, accented))
            without = set(_site_search(client, language, plain))
            shouting = set(_site_search(client, language, plain.upper()))

            assert monuments <= with_accents, (language, accented)
            assert with_accents == without == shouting, (language, accented, plain)


def test_the_word_as_typed_ranks_first(client, archive):
    for language in ("vi", "en"):

        def position(links, slug, language=language):
            return links.index(f"/{language}/monuments/{slug}/")

        hue = _site_search(client, language, "Huế")

        assert position(hue, "kinh-thanh-hue") < position(hue, "bao-tang-hue"), language
        assert position(hue, "kinh-thanh-hue") < position(hue, "dan-hue"), language


HOSTILE = [
    '"',
    'a"',
    '"Huế',
    "'",
    "\\",
    "Huế AND",
    "AND OR NOT",
    "NOT Huế",
    "-Huế",
    "+Huế",
    "Huế*",
    "*",
    "(Huế",
    "Huế)",
    "()",
    "title:Huế",
    ":",
    "^2",
    "Huế~",
    '"Điện" OR "Huế"',
    "\x00",
    "Huế\x00Điện",
    "%",
    "Huế" * 3_000,
    "x" * 10_000,
]


def test_hostile_search_text_gets_results_or_a_message(client, archive):
    for language in ("vi", "en"):
        for query in HOSTILE:
            response = client.get(f"/{language}/search/", {"q": query})
            html = response.content.decode()
            assert response.status_code in (200, 400), (language, repr(query[:30]))
            assert '<label for="search-q">' in html, (language, repr(query[:30]))  # the page, its box to try again
            if response.status_code == 400:
                assert len(query) > 200
                assert 'role="alert"' in html
        for query in ('"Huế', "Huế)", "-Huế", "Huế\x00"):
            assert f"/{language}/monuments/kinh-thanh-hue/" in _site_search(client, language, query), query


# --- The admin's searches -----------------------------------------------------------------

ADMIN_FINDS = [
    ("/admin/pages/search/", "dien thai hoa", "Điện Thái Hòa", "Ngọ Môn"),
    ("/admin/pages/search/", "lang tu duc", "Lăng Tự Đức", "Ngọ Môn"),
    ("/admin/snippets/heritage/restorationrecord/", "tu bo dien", "HUE-TH-2021-01", "HUE-NM-1991-01"),
    ("/admin/snippets/heritage/technique/", "son mai", "Sơn mài", "Lợp ngói"),
    ("/admin/images/", "dien thai hoa", "Điện Thái Hòa mùa xuân", "Ngọ Môn"),
    ("/admin/documents/", "bao cao dien", "Báo cáo Điện Thái Hòa", "Báo cáo Ngọ Môn"),
]


def test_the_admin_searches_find_without_accents(client, archive, curator):
    client.force_login(curator)
    for url, query, found, not_found in ADMIN_FINDS:
        response = client.get(url, {"q": query})

        assert response.status_code == 200, url
        assert found in response.content.decode(), (url, query)
        assert not_found not in response.content.decode(), (url, query)  # a search, not the whole listing


def test_the_admin_record_search_finds_the_reference_and_the_accented_title(client, archive, curator):
    client.force_login(curator)

    by_reference = client.get("/admin/snippets/heritage/restorationrecord/", {"q": "HUE-TH-2021-01"})
    by_title = client.get("/admin/snippets/heritage/restorationrecord/", {"q": "Tu bổ điện"})

    assert "HUE-TH-2021-01" in by_reference.content.decode()
    assert "HUE-NM-1991-01" not in by_reference.content.decode()
    assert "HUE-TH-2021-01" in by_title.content.decode()
    assert "HUE-NM-1991-01" not in by_title.content.decode()


ADMIN_SEARCHES = sorted({url for url, *_ in ADMIN_FINDS})
ADMIN_HOSTILE = ['"', 'a"', "NOT Huế", "-Huế", "Huế*", "(Huế", "title:Huế", "\x00", "x" * 10_000]


def test_hostile_text_in_the_admin_searches_never_answers_500(client, archive, curator):
    client.force_login(curator)
    for url in ADMIN_SEARCHES:
        for query in ADMIN_HOSTILE:
            response = client.get(url, {"q": query})
            assert response.status_code == 200, (url, repr(query[:30]))


# --- Data indexed before folding ----------------------------------------------------------


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.needs("postgres"))])
def test_update_index_folds_what_was_indexed_before(client, site_tree, settings, backend):
    """A database indexed by modelsearch's own backend (no folded words) is folded by `update_index`."""
    if backend == "sqlite" and connection.vendor != "sqlite":
        pytest.skip("the SQLite backend runs in the embedded profile")
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
    monument_create(
        index=site_tree["vi"]["monuments"],
        slug="dien-thai-hoa",
        name_vi="Điện Thái Hòa",
        name_en="Hall of Supreme Harmony",
        category="palace",
    )
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.page_search"}}
    before = _site_search(client, "vi", "dien thai hoa")

    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())

    assert before == []
    assert _site_search(client, "vi", "dien thai hoa") == ["/vi/monuments/dien-thai-hoa/"]


def test_an_edited_record_is_found_by_its_new_words_only(site_tree, settings):
    """Re-indexing an object in the database backend (django-modelsearch updated each entry alone; on
    SQLite its entries are now replaced in bulk). On the services profile, PostgreSQL's backend."""
    from heritage.models import RestorationRecord

    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.page_search"}}
    monument = monument_create(
        index=site_tree["vi"]["monuments"], slug="ngo-mon", name_vi="Ngọ Môn", name_en="Meridian Gate", category="gate"
    )
    record = make_record(monument, reference="HUE-NM-2001-01", title="Thay ngói lưu ly", summary="Đợt một.")
    assert [found.reference for found in get_search_backend().search("ngoi luu ly", RestorationRecord)] == [
        "HUE-NM-2001-01"
    ]
    record.title = "Gia cố cột gỗ lim"
    record.save_revision().publish()
    backend = get_search_backend()

    def found(words):
        return [found.reference for found in backend.search(words, RestorationRecord)]

    assert found("gia co cot") == ["HUE-NM-2001-01"]
    assert found("ngoi luu ly") == []
