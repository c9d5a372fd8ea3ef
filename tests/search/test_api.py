"""The restoration search API, `/api/v1/restorations/`: text, filters, facets, dates, paging, export.

The same tests run on both backends: on the database fallback in the embedded profile and on
the real Elasticsearch in the services profile (where the `archive` fixture builds the index
with search.es.index_rebuild under a prefix of this module's own). `backend` in every
response must be the profile's.
"""

import contextlib
import csv
import io

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from heritage.importing import RESTORATION_EXPORT_COLUMNS
from heritage.models import Material, Partner, Technique
from heritage.services import monument_create, site_tree_ensure
from tests.factories import make_record

ELASTICSEARCH = bool(django_settings.ELASTICSEARCH_URL)
EXPECTED_BACKEND = "elasticsearch" if ELASTICSEARCH else "database"
# With Elasticsearch configured (the services profile) these tests need it: the profile
# mechanism skips them loudly, or fails them under REQUIRE_SERVICES=1, when it is missing.
pytestmark = [pytest.mark.needs("elasticsearch")] if ELASTICSEARCH else []

URL = "/api/v1/restorations/"
SUGGEST_URL = "/api/v1/restorations/suggest/"
EXPORT_URL = "/api/v1/restorations/export.csv"
OPENAPI_URL = "/api/v1/openapi.json"


# --- The archive every test searches ---------------------------------------------------------


class Archive:
    """What the fixture made, by short name."""

    def __init__(self):
        self.monuments = {}
        self.records = {}
        self.terms = {}
        self.index_prefix = None


def archive_build() -> Archive:
    """Three monuments, vocabulary terms and seven records (four public, two internal, one draft).

    public   NM-1991  Ngọ Môn        treatment        1991 – 1992-06   Lợp ngói / Ngói lưu ly / UNESCO
    public   NM-2005  Ngọ Môn        condition_check  2005-03 – 2005-03   – / Gỗ lim / –
    public   TH-2021  Điện Thái Hòa  treatment        2021 – (ongoing)  Sơn mài, Gia cố kèo / Gỗ lim / JICA
    public   TH-1947  Điện Thái Hòa  emergency        1947 – 1948      Lợp ngói / Ngói lưu ly / –
    internal HLC-1998 Hiển Lâm Các   analysis         1998-05 – 1998-09  Phân tích vữa / – / Viện Bảo tồn
    internal NM-2010  Ngọ Môn        preventive       2010 – 2011      Sơn mài / – / –
    draft    NM-DRAFT Ngọ Môn        treatment        2015
    """
    archive = Archive()
    index = site_tree_ensure()["vi"]["monuments"]
    archive.monuments["ngo-mon"] = monument_create(
        index=index,
        slug="ngo-mon",
        name_vi="Ngọ Môn",
        name_en="Meridian Gate",
        other_names="午門\nCửa Ngọ",
        category="gate",
    )
    archive.monuments["dien-thai-hoa"] = monument_create(
        index=index, slug="dien-thai-hoa", name_vi="Điện Thái Hòa", name_en="Hall of Supreme Harmony", category="palace"
    )
    archive.monuments["hien-lam-cac"] = monument_create(
        index=index,
        slug="hien-lam-cac",
        name_vi="Hiển Lâm Các",
        name_en="Pavilion of Glorious Coming",
        category="pavilion",
    )
    t = archive.terms
    t["son mai"] = Technique.objects.create(name="Sơn mài", name_en="Lacquering")
    t["lop ngoi"] = Technique.objects.create(name="Lợp ngói", name_en="Re-roofing")
    t["gia co keo"] = Technique.objects.create(name="Gia cố kèo", name_en="Truss strengthening")
    t["phan tich vua"] = Technique.objects.create(name="Phân tích vữa", name_en="Mortar analysis")
    t["ngoi luu ly"] = Material.objects.create(name="Ngói lưu ly", name_en="Glazed tiles")
    t["go lim"] = Material.objects.create(name="Gỗ lim", name_en="Ironwood")
    t["unesco"] = Partner.objects.create(name="UNESCO")
    t["jica"] = Partner.objects.create(name="JICA")
    t["vien bao ton"] = Partner.objects.create(name="Viện Bảo tồn Di tích", name_en="Conservation Institute")

    ngo_mon, thai_hoa, hien_lam = (archive.monuments[s] for s in ("ngo-mon", "dien-thai-hoa", "hien-lam-cac"))
    r = archive.records
    r["NM-1991"] = make_record(
        ngo_mon,
        reference="HUE-NM-1991-01",
        title="Thay ngói lưu ly mái lầu Ngũ Phụng",
        record_type="treatment",
        start="1991",
        end="1992-06",
        summary='Thay toàn bộ ngói lưu ly trên mái lầu Ngũ Phụng, "theo mẫu cũ", gia cố kèo.\nHai đợt.',
        title_en="Re-tiling the Five Phoenix Pavilion roof",
        summary_en="Every glazed tile of the Five Phoenix Pavilion roof replaced; trusses strengthened.",
        funder="Government of Japan",
        budget="1200000",
        currency="VND",
        condition_before="poor",
        condition_after="good",
        techniques=[t["lop ngoi"]],
        materials=[t["ngoi luu ly"]],
        partners=[t["unesco"]],
    )
    r["NM-2005"] = make_record(
        ngo_mon,
        reference="HUE-NM-2005-01",
        title="Kiểm tra định kỳ",
        record_type="condition_check",
        start="2005-03",
        end="2005-03",
        summary="Kiểm tra tình trạng các cột gỗ lim.",
        materials=[t["go lim"]],
    )
    r["TH-2021"] = make_record(
        thai_hoa,
        reference="HUE-TH-2021-01",
        title="Tu bổ tổng thể Điện Thái Hòa",
        record_type="treatment",
        start="2021",
        end="",
        summary="Sơn thếp lại các cột <script>alert(1)</script> & thay kèo mục.",
        techniques=[t["son mai"], t["gia co keo"]],
        materials=[t["go lim"]],
        partners=[t["jica"]],
    )
    r["TH-1947"] = make_record(
        thai_hoa,
        reference="HUE-TH-1947-01",
        title="Sửa chữa khẩn cấp sau chiến tranh",
        record_type="emergency",
        start="1947",
        end="1948",
        summary="Che tạm mái bị sập; lợp lại ngói.",
        techniques=[t["lop ngoi"]],
        materials=[t["ngoi luu ly"]],
    )
    r["HLC-1998"] = make_record(
        hien_lam,
        reference="HUE-HLC-1998-01",
        title="Phân tích mẫu vữa Hiển Lâm Các",
        record_type="analysis",
        start="1998-05",
        end="1998-09",
        summary="Mẫu vữa vôi phân tích bằng phương pháp xylographic (nội bộ).",
        visibility="internal",
        techniques=[t["phan tich vua"]],
        partners=[t["vien bao ton"]],
    )
    r["NM-2010"] = make_record(
        ngo_mon,
        reference="HUE-NM-2010-01",
        title="Bảo quản phòng ngừa mối mọt",
        record_type="preventive",
        start="2010",
        end="2011",
        summary="Xử lý mối mọt cho kèo gỗ, báo cáo nội bộ.",
        visibility="internal",
        techniques=[t["son mai"]],
    )
    r["NM-DRAFT"] = make_record(
        ngo_mon,
        publish=False,
        reference="HUE-NM-DRAFT",
        title="Bản nháp chưa duyệt",
        start="2015",
        summary="Unpublishedword draft.",
    )
    return archive


def _elasticsearch_required():
    """The profile's rule, for a fixture that runs before the `needs` marker is checked."""
    from tests.conftest import require_service

    require_service("elasticsearch")


def _index_delete(prefix: str) -> None:
    from tests.search.indexes import restoration_indexes_delete

    with override_settings(ELASTICSEARCH_INDEX_PREFIX=prefix), contextlib.suppress(Exception):
        restoration_indexes_delete()


@pytest.fixture(scope="module")
def archive_module(request, django_db_setup, django_db_blocker):
    """The archive, built once per module inside a transaction rolled back when the module ends.

    Each test runs in a savepoint within it (pytest-django's `db`), as with Django's
    setUpTestData. With Elasticsearch, the module's own index (under a prefix of its own) is
    built once from it; a test that adds records indexes them under another prefix (`reindex`).
    """
    if ELASTICSEARCH:
        _elasticsearch_required()
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            archive = archive_build()
            if ELASTICSEARCH:
                from search import es

                name = request.module.__name__.rsplit(".", 1)[-1].replace("_", "-")
                archive.index_prefix = f"{django_settings.ELASTICSEARCH_INDEX_PREFIX}{name}-"
                with override_settings(ELASTICSEARCH_INDEX_PREFIX=archive.index_prefix):
                    es.index_rebuild(force=True)
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield archive
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
        if archive.index_prefix:
            _index_delete(archive.index_prefix)


@pytest.fixture
def archive(archive_module, db, settings):
    """The module's archive, searched through the module's index; changes end with the test."""
    if archive_module.index_prefix:
        settings.ELASTICSEARCH_INDEX_PREFIX = archive_module.index_prefix
    return archive_module


@pytest.fixture
def reindex(archive, settings, request):
    """reindex(): a fresh index of the database as it is now, for this test only (Elasticsearch only)."""

    def rebuild():
        if not ELASTICSEARCH:
            return
        from search import es

        prefix = f"{archive.index_prefix}{request.node.name[:40].lower().replace('_', '-')}-"
        request.addfinalizer(lambda: _index_delete(prefix))
        settings.ELASTICSEARCH_INDEX_PREFIX = prefix
        es.index_rebuild(force=True)

    return rebuild


PUBLIC = {"HUE-NM-1991-01", "HUE-NM-2005-01", "HUE-TH-2021-01", "HUE-TH-1947-01"}
INTERNAL = {"HUE-HLC-1998-01", "HUE-NM-2010-01"}


def search(client, **params) -> dict:
    headers = params.pop("headers", {})
    response = client.get(URL, params, **headers)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["backend"] == EXPECTED_BACKEND
    return data


def references(data) -> list[str]:
    return [result["reference"] for result in data["results"]]


def found(client, **params) -> set[str]:
    data = search(client, page_size=100, **params)
    assert data["count"] == len(data["results"])
    return set(references(data))


def facet(data, name) -> dict:
    return {item["value"]: item["count"] for item in data["facets"][name]}


def labels(data, name) -> dict:
    return {item["value"]: item["label"] for item in data["facets"][name]}


# --- Shape -----------------------------------------------------------------------------------


def test_the_response_has_the_documented_shape(client, archive):
    data = search(client, q="ngói lưu ly", monument="ngo-mon")
    assert set(data) == {"backend", "count", "page", "page_size", "results", "facets", "facets_approximate"}
    assert (data["count"], data["page"], data["page_size"]) == (1, 1, 20)
    assert data["facets_approximate"] is False  # a small archive: counted exactly
    (result,) = data["results"]
    assert result == {
        "reference": "HUE-NM-1991-01",
        "title": "Thay ngói lưu ly mái lầu Ngũ Phụng",
        "title_en": "Re-tiling the Five Phoenix Pavilion roof",
        "title_localized": {"text": "Thay ngói lưu ly mái lầu Ngũ Phụng", "lang": "vi", "fallback": False},
        "url": "/vi/restorations/HUE-NM-1991-01/",
        "monument": {"slug": "ngo-mon", "name_vi": "Ngọ Môn", "name_en": "Meridian Gate"},
        "record_type": "treatment",
        "start": "1991",
        "end": "1992-06",
        "techniques": ["Lợp ngói"],
        "materials": ["Ngói lưu ly"],
        "partners": ["UNESCO"],
        "visibility": "public",
        "highlight": result["highlight"],
    }
    assert set(data["facets"]) == {"monument", "record_type", "technique", "material", "partner", "decade"}


def test_without_parameters_every_public_record_oldest_first(client, archive):
    data = search(client)
    assert data["count"] == 4
    assert references(data) == ["HUE-TH-1947-01", "HUE-NM-1991-01", "HUE-NM-2005-01", "HUE-TH-2021-01"]
    assert all(result["highlight"] == {} for result in data["results"])


# --- Text and folding ------------------------------------------------------------------------


@pytest.mark.parametrize("q", ["Điện Thái Hòa", "dien thai hoa", "DIEN THAI HOA", "Dien Thai Hoa", "ĐIỆN thái HOÀ"])
def test_text_is_folded_case_and_diacritics(client, archive, q):
    assert found(client, q=q) == {"HUE-TH-2021-01", "HUE-TH-1947-01"}


def test_d_with_stroke_matches_d(client, archive):
    assert found(client, q="điện") == found(client, q="dien") == {"HUE-TH-2021-01", "HUE-TH-1947-01"}


def test_vietnamese_words_without_diacritics(client, archive):
    assert found(client, q="ngoi luu ly") == {"HUE-NM-1991-01", "HUE-TH-1947-01"}
    assert found(client, q="NGÓI LƯU LY") == {"HUE-NM-1991-01", "HUE-TH-1947-01"}


def test_english_monument_name_finds_its_records(client, archive):
    assert found(client, q="Meridian Gate") == {"HUE-NM-1991-01", "HUE-NM-2005-01"}
    assert found(client, q="hall of supreme harmony") == {"HUE-TH-2021-01", "HUE-TH-1947-01"}


def test_other_names_of_a_monument_are_searched(client, archive):
    assert found(client, q="午門") == {"HUE-NM-1991-01", "HUE-NM-2005-01"}
    assert found(client, q="cua ngo") == {"HUE-NM-1991-01", "HUE-NM-2005-01"}


def test_term_names_in_both_languages_are_searched(client, archive):
    assert found(client, q="lacquering") == {"HUE-TH-2021-01"}
    assert found(client, q="son mai") == {"HUE-TH-2021-01"}
    assert found(client, q="ironwood") == {"HUE-NM-2005-01", "HUE-TH-2021-01"}


def test_every_word_must_occur_but_in_any_field(client, archive):
    # "ngói" is in the record, "meridian" in its monument's English name.
    assert found(client, q="ngoi meridian") == {"HUE-NM-1991-01"}
    assert found(client, q="ngoi meridian xyzzy") == set()


def test_reference_and_funder_are_searched(client, archive):
    assert found(client, q="HUE-NM-2005-01") == {"HUE-NM-2005-01"}
    assert found(client, q="government japan") == {"HUE-NM-1991-01"}


def test_words_match_whole_words_not_parts(client, archive):
    assert found(client, q="ngo") == {"HUE-NM-1991-01", "HUE-NM-2005-01"}  # Ngọ Môn, not "ngói"
    assert found(client, q="kie") == set()  # part of "Kiểm"


def test_drafts_are_never_found(client, archive, curator):
    client.force_login(curator)
    assert found(client, q="unpublishedword") == set()
    assert "HUE-NM-DRAFT" not in found(client)


def test_relevance_puts_title_matches_first(client, archive):
    data = search(client, q="ngoi")
    assert data["count"] == 2
    # Both have "ngói" in the summary and terms; only NM-1991 in its title.
    assert references(data)[0] == "HUE-NM-1991-01"


# --- Filters ---------------------------------------------------------------------------------


def test_monument_filter_repeatable(client, archive):
    assert found(client, monument="ngo-mon") == {"HUE-NM-1991-01", "HUE-NM-2005-01"}
    assert found(client, monument=["ngo-mon", "dien-thai-hoa"]) == PUBLIC


def test_unknown_monument_or_term_matches_nothing(client, archive):
    assert found(client, monument="no-such-monument") == set()
    assert found(client, technique="no such technique") == set()


def test_record_type_filter(client, archive):
    assert found(client, record_type="treatment") == {"HUE-NM-1991-01", "HUE-TH-2021-01"}
    assert found(client, record_type=["treatment", "emergency"]) == {
        "HUE-NM-1991-01",
        "HUE-TH-2021-01",
        "HUE-TH-1947-01",
    }


def test_term_filters_take_keys_and_folded_names(client, archive):
    assert found(client, technique="son mai") == {"HUE-TH-2021-01"}
    assert found(client, technique="Sơn mài") == {"HUE-TH-2021-01"}
    assert found(client, technique=["son mai", "lop ngoi"]) == {"HUE-TH-2021-01", "HUE-NM-1991-01", "HUE-TH-1947-01"}
    assert found(client, material="go lim") == {"HUE-NM-2005-01", "HUE-TH-2021-01"}
    assert found(client, partner="unesco") == {"HUE-NM-1991-01"}
    assert found(client, partner="jica") == {"HUE-TH-2021-01"}


def test_filters_combine(client, archive):
    assert found(client, monument="dien-thai-hoa", material="go lim") == {"HUE-TH-2021-01"}
    assert found(client, monument="ngo-mon", record_type="emergency") == set()
    assert found(client, q="ngoi", monument="dien-thai-hoa", technique="lop ngoi", **{"from": 1940, "to": 1950}) == {
        "HUE-TH-1947-01"
    }


# --- Dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year_from", "year_to", "expected"),
    [
        (1992, 1992, True),  # ends 1992-06
        (1990, 1991, True),
        (1991, 1991, True),
        (1993, 1999, False),
        (1980, 1990, False),
        (None, 1991, True),
        (1992, None, True),
        (1993, None, False),
    ],
)
def test_date_overlap_with_partial_dates(client, archive, year_from, year_to, expected):
    params = {key: value for key, value in (("from", year_from), ("to", year_to)) if value is not None}
    assert ("HUE-NM-1991-01" in found(client, **params)) is expected


def test_a_month_covers_the_whole_month(client, archive):
    assert "HUE-NM-2005-01" in found(client, **{"from": 2005, "to": 2005})
    assert "HUE-NM-2005-01" not in found(client, **{"from": 2006})
    assert "HUE-NM-2005-01" not in found(client, to=2004)


def test_an_ongoing_record_is_open_towards_the_future(client, archive):
    assert found(client, **{"from": 2050, "to": 2100}) == {"HUE-TH-2021-01"}
    assert "HUE-TH-2021-01" in found(client, to=2100)
    assert "HUE-TH-2021-01" not in found(client, to=2020)


# --- Facets ----------------------------------------------------------------------------------


def test_facet_counts_over_all_results(client, archive):
    data = search(client, page_size=1)
    assert len(data["results"]) == 1
    assert facet(data, "monument") == {"ngo-mon": 2, "dien-thai-hoa": 2}
    assert facet(data, "record_type") == {"treatment": 2, "condition_check": 1, "emergency": 1}
    assert facet(data, "technique") == {"lop ngoi": 2, "son mai": 1, "gia co keo": 1}
    assert facet(data, "material") == {"ngoi luu ly": 2, "go lim": 2}
    assert facet(data, "partner") == {"unesco": 1, "jica": 1}
    assert data["facets"]["decade"] == [
        {"value": "1940", "count": 1},
        {"value": "1990", "count": 1},
        {"value": "2000", "count": 1},
        {"value": "2020", "count": 1},
    ]
    # The most frequent first, then by value.
    assert [item["value"] for item in data["facets"]["technique"]] == ["lop ngoi", "gia co keo", "son mai"]


def test_equal_facet_counts_are_ordered_by_label_in_the_language(client, archive):
    # Ngói lưu ly and Gỗ lim count 2 each: Gỗ lim first in Vietnamese, Glazed tiles before Ironwood in English.
    assert [item["value"] for item in search(client, lang="vi")["facets"]["material"]] == ["go lim", "ngoi luu ly"]
    assert [item["value"] for item in search(client, lang="en")["facets"]["material"]] == ["ngoi luu ly", "go lim"]
    # A record's terms in the order of their names in the language (Gia cố kèo, Sơn mài; Lacquering, Truss…).
    assert search(client, lang="vi", q="tong the")["results"][0]["techniques"] == ["Gia cố kèo", "Sơn mài"]


def test_facets_follow_the_text(client, archive):
    data = search(client, q="go lim")
    assert facet(data, "monument") == {"ngo-mon": 1, "dien-thai-hoa": 1}
    assert facet(data, "material") == {"go lim": 2}
    assert facet(data, "partner") == {"jica": 1}


def test_facet_counts_ignore_their_own_filter(client, archive):
    """Post-filter faceting: a facet's counts apply every filter but its own."""
    data = search(client, monument="ngo-mon")
    assert data["count"] == 2
    # Its own facet still offers the other monument, with what checking it would add.
    assert facet(data, "monument") == {"ngo-mon": 2, "dien-thai-hoa": 2}
    # The other facets count within Ngọ Môn's records.
    assert facet(data, "record_type") == {"treatment": 1, "condition_check": 1}
    assert facet(data, "material") == {"ngoi luu ly": 1, "go lim": 1}
    assert facet(data, "decade") == {"1990": 1, "2000": 1}

    data = search(client, monument="ngo-mon", record_type="treatment")
    assert data["count"] == 1
    assert facet(data, "monument") == {"ngo-mon": 1, "dien-thai-hoa": 1}  # treatments per monument
    assert facet(data, "record_type") == {"treatment": 1, "condition_check": 1}  # types at Ngọ Môn


def test_dates_restrict_every_facet(client, archive):
    data = search(client, **{"from": 1940, "to": 1995})
    assert data["count"] == 2
    assert facet(data, "monument") == {"ngo-mon": 1, "dien-thai-hoa": 1}
    assert {item["value"] for item in data["facets"]["decade"]} == {"1940", "1990"}


def test_facet_labels_in_the_requested_language(client, archive):
    data = search(client, lang="en")
    assert labels(data, "monument") == {"ngo-mon": "Meridian Gate", "dien-thai-hoa": "Hall of Supreme Harmony"}
    assert labels(data, "record_type")["treatment"] == "Treatment"
    assert labels(data, "technique")["son mai"] == "Lacquering"
    assert labels(data, "partner")["jica"] == "JICA"  # no English name: the Vietnamese one
    assert data["results"][0]["url"].startswith("/en/restorations/")
    # Terms labelled in English, in the order of their English names.
    assert data["results"][-1]["techniques"] == ["Lacquering", "Truss strengthening"]

    data = search(client, lang="vi")
    assert labels(data, "monument")["ngo-mon"] == "Ngọ Môn"
    assert labels(data, "record_type")["treatment"] == "Xử lý, tu bổ"
    assert labels(data, "technique")["son mai"] == "Sơn mài"
    assert data["results"][0]["url"] == "/vi/restorations/HUE-TH-1947-01/"


def test_labels_follow_accept_language_without_lang(client, archive):
    data = search(client, headers={"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"})
    assert labels(data, "monument")["ngo-mon"] == "Meridian Gate"
    assert data["results"][0]["url"].startswith("/en/")
    data = search(client, headers={"HTTP_ACCEPT_LANGUAGE": "fr"})
    assert labels(data, "monument")["ngo-mon"] == "Ngọ Môn"
    data = search(client, lang="vi", headers={"HTTP_ACCEPT_LANGUAGE": "en"})
    assert labels(data, "monument")["ngo-mon"] == "Ngọ Môn"


def test_responses_vary_on_language_and_cookie(client, archive):
    response = client.get(URL)
    vary = {part.strip().lower() for part in response["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary


# --- Sorting and paging ----------------------------------------------------------------------


def test_sort_by_start_both_ways(client, archive):
    oldest_first = ["HUE-TH-1947-01", "HUE-NM-1991-01", "HUE-NM-2005-01", "HUE-TH-2021-01"]
    assert references(search(client, sort="start")) == oldest_first
    assert references(search(client, sort="-start")) == oldest_first[::-1]
    assert references(search(client, q="ngoi", sort="-start")) == ["HUE-NM-1991-01", "HUE-TH-1947-01"]


def test_pagination(client, archive):
    pages = [search(client, page=page, page_size=3) for page in (1, 2)]
    assert [len(page["results"]) for page in pages] == [3, 1]
    assert all(page["count"] == 4 for page in pages)
    assert references(pages[0]) + references(pages[1]) == references(search(client))
    assert pages[1]["page"] == 2 and pages[1]["page_size"] == 3


def test_pages_by_relevance_fit_together_inside_and_past_the_rescored_window(client, archive, curator, monkeypatch):
    from search.backends import elasticsearch

    client.force_login(curator)
    # Elasticsearch ranks titles and monument names within the top RESCORE_WINDOW matches only;
    # pages past the window follow on, in all_text's order, without repeating or skipping a record.
    monkeypatch.setattr(elasticsearch, "RESCORE_WINDOW", 1)
    whole = references(search(client, q="keo", page_size=100))
    assert sorted(whole) == ["HUE-NM-1991-01", "HUE-NM-2010-01", "HUE-TH-2021-01"]  # "kèo" in summaries, terms
    assert [references(search(client, q="keo", page=page, page_size=1))[0] for page in (1, 2, 3)] == whole


def test_a_page_past_the_last_is_empty_not_an_error(client, archive):
    data = search(client, page=99, page_size=3)
    assert data["results"] == [] and data["count"] == 4 and data["page"] == 99
    assert facet(data, "monument") == {"ngo-mon": 2, "dien-thai-hoa": 2}
    data = search(client, page=5000, page_size=100)  # past Elasticsearch's result window too
    assert data["results"] == [] and data["count"] == 4


@pytest.mark.needs("elasticsearch")
def test_pages_past_elasticsearchs_result_window_are_refused_while_results_remain(client, archive, monkeypatch):
    from search.backends import elasticsearch

    monkeypatch.setattr(elasticsearch, "MAX_RESULT_WINDOW", 2)
    assert len(search(client, page=1, page_size=2)["results"]) == 2
    response = client.get(URL, {"page": 2, "page_size": 2}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "narrow" in response.json()["error"]
    data = search(client, page=3, page_size=2)  # past the last result: empty, as usual
    assert data["results"] == [] and data["count"] == 4


# --- Highlights ------------------------------------------------------------------------------


def test_highlights_mark_the_matched_words_in_the_original_text(client, archive):
    data = search(client, q="ngoi luu ly", monument="ngo-mon")
    highlight = data["results"][0]["highlight"]
    summary = " ".join(highlight["summary"])
    assert "<mark>ngói</mark>" in summary and "<mark>lưu</mark>" in summary and "<mark>ly</mark>" in summary
    assert "&quot;theo mẫu cũ&quot;" in summary or "&#34;theo mẫu cũ&#34;" in summary
    assert "<mark>ngói</mark>" in highlight["title"][0]


def test_highlights_are_html_escaped(client, archive):
    data = search(client, q="alert")
    (result,) = data["results"]
    summary = " ".join(result["highlight"]["summary"])
    assert "<mark>alert</mark>" in summary
    assert "<script>" not in summary and "&lt;script&gt;" in summary
    assert "&amp;" in summary
    assert summary.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_highlights_match_without_diacritics(client, archive):
    data = search(client, q="DIEN THAI HOA", record_type="treatment")
    (result,) = data["results"]
    assert result["highlight"]["title"] == ["Tu bổ tổng thể <mark>Điện</mark> <mark>Thái</mark> <mark>Hòa</mark>"]


# --- Records in two languages (docs/translation.md) -------------------------------------------


def test_a_record_is_found_by_the_words_of_its_english_title_and_summary(client, archive):
    assert found(client, q="phoenix pavilion") == {"HUE-NM-1991-01"}
    assert found(client, q="trusses strengthened") == {"HUE-NM-1991-01"}


def test_the_title_comes_in_the_requested_language_with_its_language(client, archive):
    (english,) = search(client, q="phoenix", lang="en")["results"]
    assert english["title_localized"] == {
        "text": "Re-tiling the Five Phoenix Pavilion roof",
        "lang": "en",
        "fallback": False,
    }
    assert english["title"] == "Thay ngói lưu ly mái lầu Ngũ Phụng"  # unchanged: the Vietnamese title
    assert english["highlight"]["title_en"] == ["Re-tiling the Five <mark>Phoenix</mark> Pavilion roof"]
    assert "title" not in english["highlight"]  # the word is not in the Vietnamese title

    (untranslated,) = search(client, q="kiem tra", lang="en")["results"]
    assert untranslated["title_en"] == ""
    assert untranslated["title_localized"] == {"text": "Kiểm tra định kỳ", "lang": "vi", "fallback": True}
    (vietnamese,) = search(client, q="phoenix", lang="vi")["results"]
    assert vietnamese["title_localized"]["lang"] == "vi"


def test_suggestions_complete_english_titles(client, archive):
    suggestion = {"text": "Re-tiling the Five Phoenix Pavilion roof", "kind": "title", "value": "HUE-NM-1991-01"}
    assert suggestion in suggest(client, "phoen", lang="en")


# --- Queries per request ---------------------------------------------------------------------


def test_sql_queries_do_not_grow_with_page_size(client, archive, reindex, restorer):
    monument = archive.monuments["dien-thai-hoa"]
    for number in range(60):
        make_record(
            monument,
            reference=f"HUE-TH-BULK-{number:03d}",
            title=f"Kiểm tra mái {number}",
            start=f"{1960 + number}",
            summary="Kiểm tra ngói và kèo.",
            techniques=[archive.terms["lop ngoi"], archive.terms["son mai"]],
            materials=[archive.terms["go lim"]],
            partners=[archive.terms["unesco"]],
        )
    reindex()
    client.force_login(restorer)

    def queries(**params):
        with CaptureQueriesContext(connection) as captured:
            data = search(client, **params)
        return len(captured), data

    queries(page_size=1)  # caches (content types, permissions) warm up
    few, small = queries(page_size=5)
    many, large = queries(page_size=50)
    assert (len(small["results"]), len(large["results"])) == (5, 50)
    assert many == few
    few_q, _ = queries(q="kiem tra", page_size=5)
    many_q, data = queries(q="kiem tra", page_size=50)
    assert len(data["results"]) == 50
    assert many_q == few_q


# --- Export ----------------------------------------------------------------------------------


def export(client, **params) -> list[dict]:
    response = client.get(EXPORT_URL, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".csv" in response["Content-Disposition"]
    data = b"".join(response.streaming_content)
    assert data.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte-order mark spreadsheets need
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames) == RESTORATION_EXPORT_COLUMNS
    return list(reader)


def test_export_is_every_matching_record_in_the_import_format(client, archive):
    rows = export(client, page_size=1)
    assert [row["reference"] for row in rows] == [
        "HUE-TH-1947-01",
        "HUE-NM-1991-01",
        "HUE-NM-2005-01",
        "HUE-TH-2021-01",
    ]
    nm = rows[1]
    assert nm == {
        "reference": "HUE-NM-1991-01",
        "monument": "ngo-mon",
        "title": "Thay ngói lưu ly mái lầu Ngũ Phụng",
        "record_type": "treatment",
        "start": "1991",
        "end": "1992-06",
        "techniques": "Lợp ngói",
        "materials": "Ngói lưu ly",
        "partners": "UNESCO",
        "funder": "Government of Japan",
        "budget": nm["budget"],
        "currency": "VND",
        "condition_before": "poor",
        "condition_after": "good",
        "summary": 'Thay toàn bộ ngói lưu ly trên mái lầu Ngũ Phụng, "theo mẫu cũ", gia cố kèo.\nHai đợt.',
        "visibility": "public",
        "title_en": "Re-tiling the Five Phoenix Pavilion roof",
        "funder_en": "",
        "summary_en": "Every glazed tile of the Five Phoenix Pavilion roof replaced; trusses strengthened.",
    }
    assert nm["budget"] in ("1200000", "1200000.00")
    assert rows[3]["techniques"] == "Gia cố kèo; Sơn mài"


def test_export_applies_the_filters(client, archive):
    assert [row["reference"] for row in export(client, monument="ngo-mon")] == ["HUE-NM-1991-01", "HUE-NM-2005-01"]
    assert [row["reference"] for row in export(client, q="ngoi", sort="-start")] == [
        "HUE-NM-1991-01",
        "HUE-TH-1947-01",
    ]
    assert export(client, q="xyzzy") == []


def export_then_import(client, tmp_path) -> str:
    """The whole export, saved to a file and imported again: the import's summary line."""
    response = client.get(EXPORT_URL)
    path = tmp_path / "export.csv"
    path.write_bytes(b"".join(response.streaming_content))
    out = io.StringIO()
    call_command("import_restorations", str(path), stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def test_export_then_import_changes_nothing(client, archive, curator, tmp_path):
    client.force_login(curator)
    assert export_then_import(client, tmp_path) == "created 0, updated 0, unchanged 6"


def test_export_defuses_spreadsheet_formulas_and_the_import_restores_them(client, archive, curator, tmp_path):
    from heritage.models import RestorationRecord

    record = archive.records["NM-2005"]
    formula = '=HYPERLINK("http://example.com","x")'
    RestorationRecord.objects.filter(pk=record.pk).update(title="-2 cột mục", summary=formula)
    client.force_login(curator)
    (row,) = [row for row in export(client) if row["reference"] == record.reference]
    assert (row["title"], row["summary"]) == ("'-2 cột mục", "'" + formula)

    assert export_then_import(client, tmp_path) == "created 0, updated 0, unchanged 6"
    record.refresh_from_db()
    assert (record.title, record.summary) == ("-2 cột mục", formula)


def test_export_of_many_records_is_not_limited_to_a_page(client, archive, reindex, monkeypatch):
    from search.backends import base, database, elasticsearch

    # Small chunks, so that a few records cross several Elasticsearch pages and database chunks.
    monkeypatch.setattr(elasticsearch, "ES_EXPORT_PAGE", 25)
    monkeypatch.setattr(base, "EXPORT_CHUNK", 20)
    monkeypatch.setattr(database, "EXPORT_CHUNK", 20)
    monument = archive.monuments["ngo-mon"]
    for number in range(70):
        make_record(monument, reference=f"HUE-NM-MANY-{number:03d}", start="2001", summary="Nhiều bản ghi.")
    reindex()
    rows = export(client, q="nhieu ban ghi")
    assert [row["reference"] for row in rows] == [f"HUE-NM-MANY-{number:03d}" for number in range(70)]


# --- Suggestions -----------------------------------------------------------------------------


def suggest(client, q, **params) -> list[dict]:
    response = client.get(SUGGEST_URL, {"q": q, **params})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["backend"] == EXPECTED_BACKEND
    assert len(data["suggestions"]) <= 10
    return data["suggestions"]


def test_suggestions_complete_titles_monuments_and_techniques(client, archive):
    assert {"text": "Điện Thái Hòa", "kind": "monument", "value": "dien-thai-hoa"} in suggest(client, "thai h")
    assert {"text": "Điện Thái Hòa", "kind": "monument", "value": "dien-thai-hoa"} in suggest(client, "ĐIỆN")
    assert {"text": "Sơn mài", "kind": "technique", "value": "son mai"} in suggest(client, "son m")
    texts = [item["text"] for item in suggest(client, "kiem")]
    assert "Kiểm tra định kỳ" in texts
    assert {"text": "Meridian Gate", "kind": "monument", "value": "ngo-mon"} in suggest(client, "meri", lang="en")
    assert suggest(client, "") == []
    assert suggest(client, "zzzzq") == []


def test_suggestions_are_at_most_ten(client, archive, reindex):
    monument = archive.monuments["ngo-mon"]
    for number in range(15):
        make_record(monument, reference=f"HUE-NM-SUG-{number:03d}", title=f"Gia cố tường {number:02d}")
    reindex()
    assert len(suggest(client, "gia co tuong")) == 10


# --- Methods, schema, outage -----------------------------------------------------------------


@pytest.mark.parametrize("url", [URL, SUGGEST_URL, EXPORT_URL, OPENAPI_URL])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("signed_in", [False, True])
def test_only_get_and_head_are_allowed(url, method, signed_in, restorer):
    # CSRF checks on, as for a real client: a POST without a token must still get the API's answer.
    client = Client(enforce_csrf_checks=True)
    if signed_in:
        client.force_login(restorer)
    response = getattr(client, method)(
        url, data=b'{"q": "x"}', content_type="application/json", headers={"Accept-Language": "en"}
    )

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": f"The method {method.upper()} is not allowed here; use GET or HEAD."}


@pytest.mark.parametrize("url", [URL, SUGGEST_URL + "?q=ngo", EXPORT_URL, OPENAPI_URL, URL + "?page=x"])
def test_head_answers_like_get_without_the_body(client, url, curator):
    client.force_login(curator)
    get, head = client.get(url), client.head(url)

    assert head.status_code == get.status_code
    assert head["Content-Type"] == get["Content-Type"]
    assert head.get("Content-Disposition") == get.get("Content-Disposition")
    if not get.streaming:
        assert head["Content-Length"] == str(len(get.content))
    assert (b"".join(head.streaming_content) if head.streaming else head.content) == b""


def test_head_sends_no_body_whatever_the_server(rf, archive):
    # The test client drops a HEAD answer's body itself; a WSGI server need not: the view does.
    from django.contrib.auth.models import AnonymousUser

    from search import api

    schema = api.openapi(rf.head(OPENAPI_URL))
    assert (schema.status_code, schema.content) == (200, b"")
    assert int(schema["Content-Length"]) == len(api.openapi(rf.get(OPENAPI_URL)).content)

    request = rf.head(EXPORT_URL)
    request.user = AnonymousUser()
    export = api.restorations_export(request)
    assert (export.status_code, b"".join(export.streaming_content)) == (200, b"")


@pytest.mark.parametrize("url", [URL, EXPORT_URL])
def test_an_empty_record_type_is_refused_as_the_schema_says(client, url, db):
    response = client.get(url, {"record_type": ""}, headers={"Accept-Language": "en"})

    assert response.status_code == 400
    assert response.json()["error"].startswith("“record_type” is empty; use one of condition_check,")
    # The schema agrees: record_type's values are codes from a closed list, which "" is not.
    parameters = client.get(OPENAPI_URL).json()["paths"]["/restorations/"]["get"]["parameters"]
    (parameter,) = [p for p in parameters if p["name"] == "record_type"]
    assert "" not in parameter["schema"]["items"]["enum"]
    assert "empty code (`record_type=`) is an error (400)" in parameter["description"]
    # Beside a real code, an empty value is refused too.
    assert client.get(url, {"record_type": ["treatment", ""]}).status_code == 400


def test_the_openapi_schema_describes_the_api(client, db):
    response = client.get(OPENAPI_URL)
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    paths = schema["paths"]
    assert {"/restorations/", "/restorations/suggest/", "/restorations/export.csv"} <= set(paths)
    search_parameters = {p["name"] for p in paths["/restorations/"]["get"]["parameters"]}
    assert search_parameters == {
        "q",
        "monument",
        "record_type",
        "technique",
        "material",
        "partner",
        "from",
        "to",
        "sort",
        "page",
        "page_size",
        "lang",
    }
    for path in ("/restorations/", "/restorations/suggest/", "/restorations/export.csv"):
        assert {"200", "400", "405", "503"} <= set(paths[path]["get"]["responses"])
    response_schema = schema["components"]["schemas"]["SearchResponse"]
    assert set(response_schema["required"]) == {
        "backend",
        "count",
        "page",
        "page_size",
        "results",
        "facets",
        "facets_approximate",
    }
    assert set(schema["components"]["schemas"]["Result"]["required"]) >= {"reference", "url", "highlight"}

    def refs(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    yield value
                else:
                    yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    for ref in refs(schema):
        assert ref.removeprefix("#/components/schemas/") in schema["components"]["schemas"], ref


@pytest.mark.parametrize("url", [URL, SUGGEST_URL + "?q=ngo", EXPORT_URL])
def test_elasticsearch_configured_but_down_answers_503(client, db, settings, url):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    message = response.json()["error"]
    assert "unavailable" in message
    assert "127.0.0.1" not in message and "Connection" not in message
