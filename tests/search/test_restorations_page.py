"""The restorers' search page, `/<lang>/restorations/` (a record's page and a monument's timeline: tests/heritage).

The page renders the search service the API answers from; these tests force its database
backend (settings.ELASTICSEARCH_URL empty), so they run alike in both profiles, on SQLite and
on PostgreSQL. One test, in the services profile, renders the page from the real Elasticsearch.
"""

import contextlib
import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings as django_settings
from django.test import override_settings
from django.utils.html import escape

from tests.factories import make_record

PAGE = "/{lang}/restorations/"
# Read before any test blanks it: the services profile's Elasticsearch.
CONFIGURED_ELASTICSEARCH_URL = django_settings.ELASTICSEARCH_URL


@pytest.fixture(autouse=True)
def database_backend(settings):
    settings.ELASTICSEARCH_URL = ""


def _page(client, lang="vi", **params):
    return client.get(PAGE.format(lang=lang), params, HTTP_ACCEPT_LANGUAGE=lang)


def _titles(response) -> list[str]:
    return [item["result"].title for item in response.context["results"]]


def _facet(response, name: str) -> dict[str, dict]:
    for group in response.context["facet_groups"]:
        if group["name"] == name:
            return {option["value"]: option for option in group["options"]}
    return {}


# --- The search page -------------------------------------------------------------------------


def test_page_renders_results_and_facets_on_the_database_backend(client, small_archive):
    response = _page(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["answer"].backend == "database"
    assert response.context["answer"].count == 3
    # Sorted by start without a text: oldest first.
    assert _titles(response) == [
        "Thay ngói lưu ly mái lầu Ngũ Phụng",
        "Khảo sát hiện trạng cổng Ngọ Môn",
        "Tu bổ điện Thái Hòa",
    ]
    monuments = _facet(response, "monument")
    assert monuments["ngo-mon"]["count"] == 2 and monuments["dien-thai-hoa"]["count"] == 1
    assert _facet(response, "technique")["lop ngoi"]["count"] == 1
    # Every checkbox has its label, and each facet group is a fieldset with a legend.
    for box_id in re.findall(r'<input type="checkbox" id="([^"]+)"', html):
        assert f'<label for="{box_id}">' in html
    assert html.count("<fieldset") == html.count("<legend>")
    assert '<label for="rsearch-q">' in html and '<label for="rsearch-from">' in html
    assert '<label for="rsearch-sort">' in html
    assert 'Ngọ Môn <span class="facet__count">(2)</span>' in html
    assert "Trả lời từ" not in html  # which backend answered: for restorers only (test below)
    assert '<a href="/vi/restorations/HUE-NM-1991-01/">' in html


def test_facet_checkboxes_filter_through_get(client, small_archive):
    response = _page(client, monument="ngo-mon")
    assert response.status_code == 200
    assert _titles(response) == ["Thay ngói lưu ly mái lầu Ngũ Phụng", "Khảo sát hiện trạng cổng Ngọ Môn"]
    assert _facet(response, "monument")["ngo-mon"]["checked"]
    assert 'name="monument" value="ngo-mon" checked' in response.content.decode()
    # Other monuments keep their counts, so a second box can be ticked.
    assert _facet(response, "monument")["dien-thai-hoa"]["count"] == 1

    response = _page(client, monument="ngo-mon", record_type="condition_check")
    assert _titles(response) == ["Khảo sát hiện trạng cổng Ngọ Môn"]

    response = _page(client, technique="Sơn mài")  # a term's name finds its folded key
    assert _titles(response) == ["Tu bổ điện Thái Hòa"]
    assert _facet(response, "technique")["son mai"]["checked"]


def test_year_range_and_sort(client, small_archive):
    response = _page(client, **{"from": "1990", "to": "2000"})
    assert _titles(response) == ["Thay ngói lưu ly mái lầu Ngũ Phụng"]
    response = _page(client, **{"from": "2022"})  # ongoing work overlaps every later year
    assert _titles(response) == ["Tu bổ điện Thái Hòa"]
    response = _page(client, sort="-start")
    assert _titles(response)[0] == "Tu bổ điện Thái Hòa"
    assert '<option value="-start" selected>' in response.content.decode()


def test_text_search_highlights_and_escapes(client, small_archive, settings):
    make_record(
        small_archive["ngo-mon"],
        reference="HUE-NM-XSS",
        title="<script>alert(1)</script> lưu ly",
        summary="<b>ngói</b> lưu ly",
    )
    response = _page(client, q="luu ly")  # without diacritics
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>lưu</mark> <mark>ly</mark>" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>ngói</b>" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2000", "to": "1990"},
        {"sort": "sideways"},
        {"page": "0"},
        {"page_size": "1000"},
        {"from": "năm"},
        {"record_type": "repair"},
        {"q": "x" * 10_000},
    ],
)
def test_bad_parameters_answer_400_with_the_message(client, small_archive, params):
    response = _page(client, lang="en", **params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="notice notice--error" role="alert"' in html
    assert escape(response.context["error"]) in html
    assert "This search cannot be run" in html
    # The form is still there, with what was typed, so it can be corrected.
    assert '<form class="rsearch"' in html


def test_a_bad_parameter_keeps_the_ticked_filters_for_the_next_try(client, small_archive):
    response = _page(client, monument="ngo-mon", **{"from": "2000", "to": "1990"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'name="monument" value="ngo-mon" checked' in html
    assert 'value="2000"' in html and 'value="1990"' in html


def test_a_long_facet_shows_eight_options_and_the_rest_behind_show_more(client, small_archive):
    from heritage.models import Technique

    techniques = [Technique.objects.create(name=f"Kỹ thuật {n:02}", name_en=f"Technique {n:02}") for n in range(10)]
    make_record(small_archive["ngo-mon"], reference="HUE-NM-TECH", title="Nhiều kỹ thuật", techniques=techniques)

    def technique_facet(html: str) -> str:
        return re.search(r"<legend>Kỹ thuật</legend>(.*?)</fieldset>", html, re.S).group(1)

    facet = technique_facet(_page(client).content.decode())
    shown, more = facet.split('<details class="facet__more"')
    assert shown.count('type="checkbox"') == 8
    assert more.count('type="checkbox"') == 12 - 8  # ten new terms and the archive's two
    assert more.startswith(' data-facet="technique">') and "<summary>Xem thêm 4</summary>" in more
    assert "overflow" not in facet and "max-height" not in facet

    # A ticked option behind "Show more" is not hidden: the disclosure comes open.
    last = re.findall(r'name="technique" value="([^"]+)"', more)[-1]
    facet = technique_facet(_page(client, technique=last).content.decode())
    assert '<details class="facet__more" data-facet="technique" open>' in facet
    assert f'value="{last}" checked' in facet


def test_the_filters_are_a_disclosure_closed_unless_a_value_needs_correcting(client, small_archive):
    html = _page(client, monument="ngo-mon").content.decode()
    assert '<details class="rsearch__filters" id="rsearch-filters">' in html
    assert "(đã chọn 1)" in html  # the summary counts the filters set
    assert html.index('id="rsearch-filters"') < html.index('id="rsearch-results"')
    assert '<script src="/static/js/restorations.js" defer></script>' in html
    # A bad year: the page opens the filters on the value to correct.
    html = _page(client, **{"from": "abc"}).content.decode()
    assert '<details class="rsearch__filters" id="rsearch-filters" open>' in html


def test_query_syntax_characters_are_plain_text(client, small_archive):
    response = _page(client, q='ngói "(*[:\\ mái')
    assert response.status_code == 200
    assert _titles(response) == ["Thay ngói lưu ly mái lầu Ngũ Phụng"]
    assert 'value="ngói &quot;(*[:\\ mái"' in response.content.decode()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_nul_byte_in_the_text_is_a_space(client, small_archive, lang):
    response = _page(client, lang=lang, q="Ngũ\x00Phụng")
    assert response.status_code == 200
    assert _titles(response) == ["Thay ngói lưu ly mái lầu Ngũ Phụng"]
    html = response.content.decode()
    assert "\x00" not in html
    assert 'value="Ngũ Phụng"' in html


def test_elasticsearch_down_answers_503_with_a_clear_message(client, small_archive, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    settings.ELASTICSEARCH_TIMEOUT = 2
    response = _page(client, lang="en", q="ngói")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "The restoration search is unavailable at the moment." in response.content.decode()


def test_internal_records_hidden_from_anonymous_and_shown_to_a_restorer(client, small_archive, restorer):
    response = _page(client, lang="en")
    html = response.content.decode()
    assert "Phân tích mẫu vữa nội bộ" not in html
    assert response.context["answer"].count == 3
    assert "analysis" not in _facet(response, "record_type")
    assert _facet(response, "monument")["ngo-mon"]["count"] == 2

    client.force_login(restorer)
    response = _page(client, lang="en")
    html = response.content.decode()
    assert response.context["answer"].count == 4
    assert "Phân tích mẫu vữa nội bộ" in html
    assert "Internal (staff only)" in html
    assert _facet(response, "monument")["ngo-mon"]["count"] == 3
    assert "Bản nháp chưa duyệt" not in html  # drafts are for nobody


def test_both_languages(client, small_archive):
    vi = _page(client, lang="vi").content.decode()
    en = _page(client, lang="en").content.decode()
    assert '<html lang="vi">' in vi and '<html lang="en">' in en
    assert "<h1>Hồ sơ trùng tu</h1>" in vi and "<h1>Restoration records</h1>" in en
    assert "3 hồ sơ" in vi and "3 records" in en
    assert "<legend>Di tích</legend>" in vi and "<legend>Monument</legend>" in en
    # Facet labels and monument names follow the language too.
    assert "Meridian Gate <span" in en and "Ngọ Môn <span" in vi
    assert "Lacquering" in en and "Sơn mài" in vi
    assert '<a href="/en/restorations/HUE-NM-1991-01/" lang="vi">' in en  # a title not yet translated


def test_pagination_links_keep_the_parameters(client, small_archive):
    response = _page(client, monument="ngo-mon", page_size="1", sort="start")
    pagination = response.context["pagination"]
    assert pagination["pages"] == 2
    query = parse_qs(urlsplit(pagination["next"]).query)
    assert query == {"monument": ["ngo-mon"], "page_size": ["1"], "sort": ["start"], "page": ["2"]}
    second = _page(client, monument="ngo-mon", page_size="1", sort="start", page="2")
    assert _titles(second) == ["Khảo sát hiện trạng cổng Ngọ Môn"]
    assert 'rel="prev"' in second.content.decode()


def test_export_link_carries_the_parameters(client, small_archive):
    response = _page(client, q="ngoi", monument="ngo-mon", **{"from": "1990", "to": "2000"}, page="1")
    url = response.context["export_url"]
    assert url.startswith("/api/v1/restorations/export.csv?")
    assert parse_qs(urlsplit(url).query) == {"q": ["ngoi"], "monument": ["ngo-mon"], "from": ["1990"], "to": ["2000"]}
    assert url.replace("&", "&amp;") in response.content.decode()
    exported = client.get(url)
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    assert [row["reference"] for row in rows] == ["HUE-NM-1991-01"]


def test_page_queries_do_not_grow_with_the_results(client, small_archive):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _page(client, page_size="1")  # fills the per-process caches (site, content types)
    with CaptureQueriesContext(connection) as few:
        _page(client, page_size="1")
    for number in range(6):
        make_record(small_archive["dien-thai-hoa"], reference=f"HUE-TH-19{number}0", start=f"19{number}0")
    with CaptureQueriesContext(connection) as many:
        _page(client, page_size="9")
    assert len(many) == len(few)


# --- Records in two languages; what is for restorers only -----------------------------------


def test_a_restorer_finds_a_record_by_its_english_title_shown_in_english(client, small_archive, restorer):
    record = small_archive["records"]["TH-2021"]
    record.title_en = "Regilding the throne hall columns"
    record.save()  # the database index follows the save (search.sync)
    client.force_login(restorer)
    response = _page(client, lang="en", q="regilding throne")
    assert [item["result"].reference for item in response.context["results"]] == ["HUE-TH-2021-01"]
    html = response.content.decode()
    assert "<mark>Regilding</mark> the <mark>throne</mark> hall columns" in html
    assert "Answered by the database search" in html
    # A record without an English title: the Vietnamese one, inside its lang, "not yet translated".
    response = _page(client, lang="en", q="khao sat")
    html = response.content.decode()
    assert re.search(r'<a href="/en/restorations/HUE-NM-2005-01/" lang="vi">[^<]*<mark>Khảo</mark> <mark>sát', html)
    assert "(not yet translated)" in html


def test_the_backend_note_is_for_those_who_read_internal_records(client, small_archive, restorer):
    assert 'class="backend-note"' not in _page(client, lang="vi").content.decode()
    assert "Answered by" not in _page(client, lang="en").content.decode()
    client.force_login(restorer)
    assert "Answered by the database search" in _page(client, lang="en").content.decode()


# --- On the real Elasticsearch (services profile) --------------------------------------------


@pytest.mark.needs("elasticsearch")
def test_page_answers_from_elasticsearch(client, small_archive, settings, restorer):
    from heritage.models import RestorationRecord
    from search import es
    from tests.search.indexes import restoration_indexes_delete

    prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}restorations-page-"
    settings.ELASTICSEARCH_URL = CONFIGURED_ELASTICSEARCH_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    RestorationRecord.objects.filter(reference="HUE-TH-2021-01").update(title_en="Regilding the throne hall columns")
    try:
        es.index_rebuild(force=True)
        response = _page(client, lang="en", q="thai hoa")
        assert response.status_code == 200
        assert response.context["answer"].backend == "elasticsearch"
        assert _titles(response) == ["Tu bổ điện Thái Hòa"]
        assert "Answered by" not in response.content.decode()  # editorial detail: not for the public
        # A restorer finds the record by its English title, shown in English, and is told who answered.
        client.force_login(restorer)
        response = _page(client, lang="en", q="regilding throne")
        assert _titles(response) == ["Tu bổ điện Thái Hòa"]
        html = response.content.decode()
        assert "Regilding the <mark>throne</mark> hall columns" in html or "<mark>Regilding</mark>" in html
        assert "Answered by the Elasticsearch index." in html
    finally:
        with override_settings(ELASTICSEARCH_INDEX_PREFIX=prefix), contextlib.suppress(Exception):
            restoration_indexes_delete()
