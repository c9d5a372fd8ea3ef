"""The public site as a visitor meets it: both languages, the monument pages, search and errors."""

import datetime
import io
import re

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape, strip_tags
from PIL import Image as PILImage
from wagtail.documents.models import Document

from heritage.models import (
    HeritageImage,
    Licence,
    MonumentGalleryImage,
    RestorationImage,
    RestorationRecord,
    Technique,
)
from heritage.selectors import TIMELINE_PAGE_SIZE
from heritage.services import monument_create, vocabulary_terms_ensure


def _png(colour=(120, 40, 30), size=(8, 6)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def _image(title: str, **fields) -> HeritageImage:
    return HeritageImage.objects.create(title=title, file=ImageFile(io.BytesIO(_png()), name=f"{title}.png"), **fields)


def _text(response) -> str:
    """The page's visible text, whitespace collapsed."""
    return " ".join(strip_tags(response.content.decode()).split())


def _language_link(response, code: str) -> str:
    match = re.search(rf'<a href="(?P<href>[^"]*)" hreflang="{code}" lang="{code}"', response.content.decode())
    assert match, f"no {code} link in the language switcher"
    return match["href"]


def _record(monument, reference: str, **fields) -> RestorationRecord:
    values = {
        "title": reference,
        "record_type": "treatment",
        "start": "1991",
        "summary": f"Summary of {reference}.",
        "visibility": "public",
    }
    values.update(fields)
    record = RestorationRecord(reference=reference, monument=monument, **values)
    record.save()
    return record


@pytest.fixture
def ngo_mon(site_tree):
    return monument_create(
        index=site_tree["vi"]["monuments"],
        slug="ngo-mon",
        name_vi="Ngọ Môn",
        name_en="Noon Gate",
        category="gate",
        other_names="Cửa Ngọ Môn",
        construction_start="1833",
        reign="Minh Mạng",
    )


@pytest.fixture
def khai_dinh(site_tree):
    return monument_create(
        index=site_tree["vi"]["monuments"],
        slug="lang-khai-dinh",
        name_vi="Lăng Khải Định",
        name_en="Tomb of Khai Dinh",
        category="tomb",
        construction_start="1920",
        construction_end="1931",
    )


# --- Both languages ----------------------------------------------------------------


@pytest.mark.django_db
def test_the_home_page_speaks_the_language_of_its_url(client, site_tree):
    vi = client.get("/vi/")
    en = client.get("/en/")

    assert vi.status_code == en.status_code == 200
    assert '<html lang="vi">' in vi.content.decode()
    assert '<html lang="en">' in en.content.decode()
    assert ">Di tích</a>" in vi.content.decode() and ">Monuments</a>" not in vi.content.decode()
    assert ">Monuments</a>" in en.content.decode() and ">Di tích</a>" not in en.content.decode()
    assert "Chuyển đến nội dung chính" in _text(vi)
    assert "Skip to main content" in _text(en)
    assert "Các ảnh có nhãn PLACEHOLDER là ảnh minh họa được tạo tự động." in _text(vi)


@pytest.mark.django_db
def test_a_monument_shows_both_names_in_both_languages(client, ngo_mon, khai_dinh):
    vi = client.get("/vi/monuments/ngo-mon/")
    en = client.get("/en/monuments/ngo-mon/")

    assert vi.status_code == en.status_code == 200
    for response in (vi, en):
        assert "Ngọ Môn" in _text(response) and "Noon Gate" in _text(response)
    assert '<h1 lang="vi">Ngọ Môn</h1>' in vi.content.decode()
    assert '<h1 lang="en">Noon Gate</h1>' in en.content.decode()
    assert "Cổng" in _text(vi) and "Gate" in _text(en)  # the category label, translated
    # Partial dates are shown exactly as precise as they were given.
    assert "1833" in _text(vi)
    assert "1920–1931" in _text(client.get("/en/monuments/lang-khai-dinh/"))


@pytest.mark.django_db
def test_the_language_switcher_goes_to_the_translation_or_else_home(client, site_tree, ngo_mon):
    untranslated = monument_create(
        index=site_tree["vi"]["monuments"],
        slug="chua-thien-mu",
        name_vi="Chùa Thiên Mụ",
        name_en="Thien Mu Pagoda",
        category="pagoda",
        translate=False,
    )
    assert untranslated.get_translation_or_none(site_tree["en"]["home"].locale) is None

    on_vi = client.get("/vi/monuments/ngo-mon/")
    assert _language_link(on_vi, "en") == "/en/monuments/ngo-mon/"
    assert _language_link(on_vi, "vi") == "/vi/monuments/ngo-mon/"
    assert client.get(_language_link(on_vi, "en")).status_code == 200

    assert _language_link(client.get("/vi/monuments/chua-thien-mu/"), "en") == "/en/"
    # Filters survive the switch; the search page keeps its query.
    assert _language_link(client.get("/vi/monuments/?category=gate"), "en") == "/en/monuments/?category=gate"
    assert _language_link(client.get("/vi/search/?q=hue"), "en") == "/en/search/?q=hue"


# --- Monuments index ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_monuments_index_filters_by_category(client, ngo_mon, khai_dinh):
    everything = client.get("/vi/monuments/")
    gates = client.get("/vi/monuments/?category=gate")
    tombs_en = client.get("/en/monuments/?category=tomb")

    assert "Ngọ Môn" in _text(everything) and "Lăng Khải Định" in _text(everything)
    assert gates.status_code == 200
    assert "Ngọ Môn" in _text(gates) and "Lăng Khải Định" not in _text(gates)
    assert 'href="/vi/monuments/?category=tomb"' in gates.content.decode()
    assert tombs_en.status_code == 200
    assert ">Tomb of Khai Dinh</a>" in tombs_en.content.decode()
    assert ">Noon Gate</a>" not in tombs_en.content.decode()
    # Only this locale's pages: the English index links to English pages.
    assert 'href="/en/monuments/lang-khai-dinh/"' in tombs_en.content.decode()
    assert 'href="/vi/monuments/' not in tombs_en.content.decode().split('class="cards"')[1]


@pytest.mark.django_db
def test_an_unknown_category_is_a_clear_400(client, ngo_mon):
    vi = client.get("/vi/monuments/?category=castle")
    en = client.get("/en/monuments/?category=castle")

    assert vi.status_code == en.status_code == 400
    assert "“castle” không phải là một loại hình di tích" in _text(vi)
    assert "“castle” is not a monument category" in _text(en)
    assert "Noon Gate" not in _text(en).split("is not a monument category")[1]


@pytest.mark.django_db
def test_a_private_monument_is_not_listed(client, site_tree, ngo_mon):
    from wagtail.models import PageViewRestriction

    hidden = monument_create(
        index=site_tree["vi"]["monuments"], slug="kho-bau", name_vi="Kho Báu", name_en="Treasury", category="palace"
    )
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    listing = _text(client.get("/vi/monuments/"))
    assert "Ngọ Môn" in listing and "Kho Báu" not in listing


# --- The restoration timeline ------------------------------------------------------


@pytest.mark.django_db
def test_the_timeline_shows_public_published_records_only(client, ngo_mon):
    tiling = vocabulary_terms_ensure(Technique, ["Lợp ngói"])[0]
    tiling.name_en = "Re-tiling"
    tiling.save()
    public = _record(
        ngo_mon,
        "HUE-NM-1991-01",
        title="Roof re-tiling of the Five Phoenix Pavilion",
        end="1993",
        funder="UNESCO Japanese Funds-in-Trust",
        condition_before="poor",
        condition_after="good",
    )
    public.techniques.set([tiling])
    public.save()
    before = _image("before", credit_line="Hue Monuments Conservation Centre", licence=Licence.CC_BY)
    after = _image("after", licence=Licence.PLACEHOLDER)
    RestorationImage.objects.create(record=public, image=before, phase="before")
    RestorationImage.objects.create(record=public, image=after, phase="after")
    _record(ngo_mon, "HUE-NM-2001-02", title="INTERNAL damp survey", visibility="internal")
    _record(ngo_mon, "HUE-NM-2020-03", title="DRAFT emergency works", live=False)

    vi = client.get("/vi/monuments/ngo-mon/")
    en = client.get("/en/monuments/ngo-mon/")

    for response in (vi, en):  # records belong to the monument in every locale
        text = _text(response)
        assert "Roof re-tiling of the Five Phoenix Pavilion" in text
        assert "1991–1993" in text
        assert "UNESCO Japanese Funds-in-Trust" in text
        assert "INTERNAL" not in text and "HUE-NM-2001-02" not in text
        assert "DRAFT" not in text and "HUE-NM-2020-03" not in text
    assert "Re-tiling" in _text(en) and "Lợp ngói" in _text(vi)
    assert "Poor → to Good" in _text(en) and "Kém → thành Tốt" in _text(vi)  # the arrow is hidden from screen readers
    assert "Xử lý, tu bổ" in _text(vi)  # the record type label, translated
    html = en.content.decode()
    assert "record__images--compare" in html  # before and after side by side
    assert "Hue Monuments Conservation Centre · Creative Commons Attribution 4.0" in _text(en)
    assert "PLACEHOLDER" in _text(en).split("Restoration history")[1]
    assert (
        len(
            re.findall(
                r'<img alt="Before: record HUE-[^"]+"[^>]* src="[^"]+\.fill-480x360\.format-webp\.webp[^"]*"', html
            )
        )
        == 1
    )


def _later_view_queries(client, page, count: int, *, shown: int) -> int:
    """SQL queries of a later view of a page with `count` records, each with a before and an after
    image, and `count` images of its own (gallery or artefact images); the page shows `shown` records."""
    url = page.get_url()
    client.get(url)  # the first view generates the renditions
    cache.clear()  # the rendition cache would otherwise hide one lookup per image
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="record"') == shown
    assert html.count(".fill-480x360.format-webp.webp") == 2 * shown
    assert html.count(".width-960.format-webp.webp") == count
    # Each picture offers AVIF first, from the same prefetched renditions (heritage/renditions.py).
    assert html.count('.fill-480x360.format-avif.avif" type="image/avif">') == 2 * shown
    assert html.count(".width-480.format-avif.avif ") == count  # in its source, with its width
    return len(queries)


@pytest.mark.django_db
def test_a_monument_page_costs_the_same_queries_with_5_or_100_records(client, site_tree, settings):
    # Storage is not what this test measures: keep 100 images and their renditions in memory,
    # even when the profile's default storage is S3.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    techniques = vocabulary_terms_ensure(Technique, ["Lợp ngói", "Sơn mài"])

    def monument_with(count: int):
        monument = monument_create(
            index=site_tree["vi"]["monuments"],
            slug=f"monument-{count}",
            name_vi=f"Di tích {count}",
            name_en=f"Monument {count}",
            category="palace",
            translate=False,
        )
        # bulk_create keeps the setup fast (no search-index updates) and is enough for a read test.
        images = HeritageImage.objects.bulk_create(
            HeritageImage(title=f"m{count}-{i}", file=ImageFile(io.BytesIO(_png()), name=f"m{count}-{i}.png"))
            for i in range(count)
        )
        records = RestorationRecord.objects.bulk_create(
            RestorationRecord(
                reference=f"M{count}-{i:03}",
                title=f"Record {i}",
                monument=monument,
                record_type="treatment",
                start="1991",
                start_earliest=datetime.date(1991, 1, 1),
                summary="Done.",
                visibility="public",
            )
            for i in range(count)
        )
        RestorationRecord.techniques.through.objects.bulk_create(
            RestorationRecord.techniques.through(restorationrecord=record, technique=technique)
            for record in records
            for technique in techniques
        )
        RestorationImage.objects.bulk_create(
            RestorationImage(record=record, image=image, phase=phase)
            for record, image in zip(records, images, strict=True)
            for phase in ("before", "after")
        )
        MonumentGalleryImage.objects.bulk_create(
            MonumentGalleryImage(page=monument, locale_id=monument.locale_id, image=image, sort_order=i)
            for i, image in enumerate(images)
        )
        return monument

    # The page shows a summary: the 5 latest records, then up to 5 major works among the others.
    small = _later_view_queries(client, monument_with(5), 5, shown=5)
    large = _later_view_queries(client, monument_with(100), 100, shown=10)

    assert small == large, f"5 records: {small} queries, 100 records: {large}"


# --- Errors and search -------------------------------------------------------------


@pytest.mark.django_db
def test_an_unknown_address_answers_404_with_the_site_template(client, site_tree):
    vi = client.get("/vi/khong-co-trang-nay/")
    en = client.get("/en/no-such-page/")

    assert vi.status_code == en.status_code == 404
    assert "404.html" in [template.name for template in vi.templates]
    assert "Không tìm thấy trang" in _text(vi)
    assert "Page not found" in _text(en)
    assert 'href="/vi/"' in vi.content.decode()  # a way back home


def _search_backend_index() -> str:
    """The page search backend's modules, after indexing the pages on Elasticsearch."""
    from wagtail.search.backends import get_search_backend

    # Wagtail 8 delegates to django-modelsearch; on SQLite, search.page_search extends its backend.
    backend = " ".join(cls.__module__ for cls in type(get_search_backend()).__mro__)
    if "elasticsearch" in backend:
        from django.core.management import call_command

        # update_index rebuilds the index from this test's database, as a deployment does, and
        # makes it searchable at once (Elasticsearch shows new documents within a second).
        call_command("update_index", verbosity=0)
    return backend


@pytest.fixture
def hue_citadel(site_tree):
    return monument_create(
        index=site_tree["vi"]["monuments"],
        slug="kinh-thanh-hue",
        name_vi="Kinh thành Huế",
        name_en="Huế Citadel",
        category="citadel",
    )


def _result_links(response) -> set[str]:
    return set(re.findall(r'<h3><a href="([^"]+)"', response.content.decode()))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("query", ['"', 'a"'])
def test_a_stray_double_quote_is_searched_as_text(client, hue_citadel, language, query):
    response = client.get(f"/{language}/search/", {"q": query})

    assert response.status_code == 200
    assert '<label for="search-q">' in response.content.decode()
    # Searched as text: a results heading, whatever the count (on Elasticsearch, whose folding makes
    # "a" of "à", "á", "ả"…, the word "a" finds pages; on the databases it found none).
    assert re.search(r'<h2 id="results-title"[^>]*>\d+ ', response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_nul_byte_in_the_search_text_is_ignored(client, hue_citadel, language):
    _search_backend_index()
    alone = client.get(f"/{language}/search/", {"q": "\x00"})
    after_a_word = client.get(f"/{language}/search/", {"q": "Huế\x00"})

    assert alone.status_code == 200
    assert 'id="results-title"' not in alone.content.decode()  # the page as with an empty box
    assert after_a_word.status_code == 200
    assert f"/{language}/monuments/kinh-thanh-hue/" in _result_links(after_a_word)
    assert "\x00" not in after_a_word.content.decode()


ADMIN_SEARCHES = (
    "/admin/pages/search/",
    "/admin/snippets/heritage/restorationrecord/",
    "/admin/images/",
    "/admin/documents/",
)


def _admin_searches_answer(client, hue_citadel, query: str) -> None:
    """Each admin search box, given `query`: its listing again, the text kept in the box.

    The admin's search form refuses a NUL byte (Django's form fields do) and marks the box
    invalid instead of searching; the other texts are searched.
    """
    _record(hue_citadel, "HUE-KT-1995", title="Tu bổ Kinh thành Huế")
    _image("Kinh thành Huế")
    Document.objects.create(title="Báo cáo Huế", file=ContentFile(b"report", name="report.pdf"))
    _search_backend_index()
    for url in ADMIN_SEARCHES:
        response = client.get(url, {"q": query})
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'name="q" value="{escape(query)}"' in html, url
        assert ('aria-invalid="true"' in html) == ("\x00" in query), url


@pytest.mark.django_db
@pytest.mark.parametrize("query", ['"', 'a"', "\x00", "Huế\x00"])
def test_the_admin_searches_take_the_same_text(client, hue_citadel, curator, query):
    client.force_login(curator)

    _admin_searches_answer(client, hue_citadel, query)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("listing", "query", "found", "not_found"),
    [
        ("restorationrecord", "HUE-KT-1995", "HUE-KT-1995", "NV-2001"),
        ("restorationrecord", "Kinh thành", "HUE-KT-1995", "NV-2001"),
        ("restorationrecord", "tường", "HUE-KT-1995", "NV-2001"),
        ("technique", "Lacquering", "Sơn mài", "Lợp ngói"),
    ],
)
def test_the_admin_snippet_searches_find_by_the_listed_fields(
    client, hue_citadel, curator, listing, query, found, not_found
):
    _record(hue_citadel, "HUE-KT-1995", title="Tu bổ Kinh thành Huế", summary="Gia cố tường thành phía bắc.")
    _record(hue_citadel, "NV-2001", title="Nạo vét hào", summary="Hào phía nam.")
    Technique.objects.create(name="Sơn mài", name_en="Lacquering")
    Technique.objects.create(name="Lợp ngói", name_en="Re-roofing")
    _search_backend_index()
    client.force_login(curator)

    response = client.get(f"/admin/snippets/heritage/{listing}/", {"q": query})

    assert response.status_code == 200
    assert found in response.content.decode()
    assert not_found not in response.content.decode()


@pytest.mark.needs("postgres")
@pytest.mark.parametrize("query", ['"', 'a"', "\x00", "Huế\x00"])
def test_the_admin_searches_take_the_same_text_on_postgresql(client, hue_citadel, curator, settings, query):
    """The database search on PostgreSQL, as a deployment without Elasticsearch has it."""
    from wagtail.search.backends import get_search_backend

    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.page_search"}}
    assert any(
        cls.__module__.startswith("modelsearch.backends.database.postgres")
        for cls in type(get_search_backend()).__mro__
    )
    client.force_login(curator)

    _admin_searches_answer(client, hue_citadel, query)


@pytest.mark.django_db
def test_a_huge_search_text_is_refused_with_400(client, site_tree):
    response = client.get("/vi/search/", {"q": "x" * 10_000})

    assert response.status_code == 400


@pytest.mark.django_db
def test_the_search_page_has_a_labelled_box_and_no_results_yet(client, site_tree):
    response = client.get("/en/search/")

    assert response.status_code == 200
    assert '<label for="search-q">Search monuments and artefacts</label>' in response.content.decode()
    assert "result" not in _text(response).split("Search monuments and artefacts")[1]


# --- Artefacts -----------------------------------------------------------------------


@pytest.mark.django_db
def test_an_artefact_page_shows_its_facts_and_where_it_is_kept(client, site_tree, ngo_mon):
    from heritage.models import ArtefactImage, ArtefactPage

    index = site_tree["vi"]["artefacts"]
    urn = index.add_child(
        instance=ArtefactPage(
            title="Cửu Đỉnh",
            slug="cuu-dinh",
            locale=index.locale,
            accession_number="BTCVH-0001",
            title_vi="Cửu Đỉnh",
            title_en="Nine Dynastic Urns",
            object_type="Bronze urn",
            date="1836",
            provenance="Cast in Huế.",
            location=ngo_mon,
        )
    )
    ArtefactImage.objects.create(page=urn, image=_image("urn", licence=Licence.PLACEHOLDER), caption="The urns")
    urn.save_revision().publish()

    page = client.get("/vi/artefacts/cuu-dinh/")
    listing = client.get("/vi/artefacts/")

    assert page.status_code == listing.status_code == 200
    text = _text(page)
    for fact in ("BTCVH-0001", "Cửu Đỉnh", "Nine Dynastic Urns", "Bronze urn", "1836", "Cast in Huế."):
        assert fact in text
    assert 'href="/vi/monuments/ngo-mon/">Ngọ Môn</a>' in page.content.decode()
    assert "PLACEHOLDER" in text
    assert "BTCVH-0001" in _text(listing) and "Lưu giữ tại Ngọ Môn" in _text(listing)
    assert ".fill-160x160.format-webp.webp" in listing.content.decode()
    # The monument lists the artefacts kept there.
    assert 'href="/vi/artefacts/cuu-dinh/"' in client.get("/vi/monuments/ngo-mon/").content.decode()


def test_the_server_error_page_stands_alone_and_is_translated(rf):
    from django.utils import translation
    from django.views.defaults import server_error

    # Django renders 500.html without context processors or a database: it must not extend base.html.
    with translation.override("vi"):
        response = server_error(rf.get("/vi/"))

    assert response.status_code == 500
    assert '<html lang="vi">' in response.content.decode()
    assert "Đã có lỗi xảy ra" in response.content.decode()


@pytest.mark.django_db
def test_an_artefact_page_costs_the_same_queries_with_3_or_30_records(client, site_tree, ngo_mon, settings):
    from heritage.models import ArtefactImage, ArtefactPage

    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}

    def artefact_with(count: int):
        index = site_tree["vi"]["artefacts"]
        artefact = index.add_child(
            instance=ArtefactPage(
                title=f"Hiện vật {count}", slug=f"artefact-{count}", locale=index.locale,
                accession_number=f"BT-{count}", title_vi=f"Hiện vật {count}", object_type="Bronze", location=ngo_mon,
            )
        )  # fmt: skip
        images = HeritageImage.objects.bulk_create(
            HeritageImage(title=f"a{count}-{i}", file=ImageFile(io.BytesIO(_png()), name=f"a{count}-{i}.png"))
            for i in range(count)
        )
        ArtefactImage.objects.bulk_create(
            ArtefactImage(page=artefact, locale_id=artefact.locale_id, image=image) for image in images
        )
        records = RestorationRecord.objects.bulk_create(
            RestorationRecord(
                reference=f"A{count}-{i:03}", title=f"Record {i}", monument=ngo_mon, artefact=artefact,
                record_type="treatment", start="1991", summary="Done.", visibility="public",
            )
            for i in range(count)
        )  # fmt: skip
        RestorationImage.objects.bulk_create(
            RestorationImage(record=record, image=image, phase=phase)
            for record, image in zip(records, images, strict=True)
            for phase in ("before", "after")
        )
        return artefact

    # The page shows its records a page at a time.
    small = _later_view_queries(client, artefact_with(3), 3, shown=3)
    large = _later_view_queries(client, artefact_with(30), 30, shown=TIMELINE_PAGE_SIZE)
    assert small == large, f"3 records: {small} queries, 30 records: {large}"
