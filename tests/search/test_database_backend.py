"""The database search (search.backends.database) on this profile's database: SQLite in the
embedded profile, PostgreSQL in the services one, whatever search the site is configured with.

The backend is built by the tests themselves, not taken from settings. The API's behaviour on it
is tested by test_api.py in the embedded profile; these tests hold what is its own: its index
follows every change in the same transaction, whole words are cut as the search cuts them, and
facets of many matches are sampled.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from heritage.models import ArtefactPage, RestorationProject, Technique
from heritage.services import monument_create
from search.backends import get_backend
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.params import RestorationQuery
from tests.factories import make_record

ANONYMOUS = AnonymousUser()


def found(q: str = "", user=ANONYMOUS, **params) -> list[str]:
    query = RestorationQuery.from_querydict({"q": q, "page_size": "100", **params})
    return sorted(result.reference for result in DatabaseBackend().search(query, user=user).results)


@pytest.fixture
def monument(site_tree):
    return monument_create(
        index=site_tree["vi"]["monuments"], slug="ngo-mon", name_vi="Ngọ Môn", name_en="Meridian Gate", category="gate"
    )


def test_the_backend_is_chosen_from_settings(settings):
    settings.ELASTICSEARCH_URL = ""
    assert isinstance(get_backend(), DatabaseBackend)
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    assert isinstance(get_backend(), ElasticsearchBackend)
    settings.RESTORATION_SEARCH_BACKEND = "search.backends.database.DatabaseBackend"
    assert isinstance(get_backend(), DatabaseBackend)


def test_the_index_follows_renames_deletes_and_unpublishing(monument, site_tree):
    technique = Technique.objects.create(name="Sơn mài", name_en="Lacquering")
    project = RestorationProject.objects.create(name="Dự án JICA")
    artefact = ArtefactPage(title="Ấn vàng", slug="an-vang", accession_number="BT-0042", object_type="seal")
    monument.add_child(instance=artefact)
    record = make_record(
        monument, reference="NM-1", title="Tu bổ", techniques=[technique], project=project, artefact=artefact
    )
    assert found("meridian") == found("lacquering") == found("jica") == found("bt-0042") == ["NM-1"]

    monument.name_en = "Noon Gate"
    monument.save()
    assert found("meridian") == [] and found("noon gate") == ["NM-1"]

    technique.name_en = "Urushi work"
    technique.save()
    assert found("lacquering") == [] and found("urushi") == ["NM-1"]
    technique.delete()
    assert found("urushi") == []

    project.delete()
    assert found("jica") == []
    artefact.delete()
    assert found("bt-0042") == [] and found("tu bo") == ["NM-1"]

    record.refresh_from_db()  # its project and artefact were set to null by the deletes
    record.unpublish()
    assert found("tu bo") == []


def test_edits_published_through_a_revision_are_found(monument):
    record = make_record(monument, reference="NM-2", title="Kiểm tra mái")
    record.title = "Thay ngói lưu ly"
    record.save_revision().publish()
    assert found("kiem tra") == [] and found("ngoi luu ly") == ["NM-2"]


@pytest.mark.parametrize(
    ("text", "hits", "misses"),
    [
        ("Chi phí 1.200.000 đồng", ["1.200.000"], ["1.200", "200"]),
        ("Phiên bản v1.2 của quy trình", ["v1.2"], ["v1"]),
        ("Cổng 午門 phía nam", ["午", "門"], []),
        ("Mã hồ_sơ ghi chép", ["ho_so"], ["ho", "so"]),
        ("Nhà l'Hôtel cũ", ["l'hotel"], ["hotel"]),
    ],
)
def test_whole_words_are_cut_as_the_search_cuts_them(monument, text, hits, misses):
    make_record(monument, reference="NM-W", title="Ghi chép", summary=text)
    for word in hits:
        assert found(word) == ["NM-W"], word
    for word in misses:
        assert found(word) == [], word


def test_facets_of_many_matches_are_counted_over_a_sample_and_scaled(monument, site_tree, settings):
    other = monument_create(
        index=site_tree["vi"]["monuments"],
        slug="hien-lam-cac",
        name_vi="Hiển Lâm Các",
        name_en="Pavilion of Glorious Coming",
        category="pavilion",
    )
    for number in range(60):
        make_record(monument if number % 3 else other, reference=f"R-{number:02d}", title="Gia cố kèo")
    query = RestorationQuery.from_querydict({"q": "gia co"})

    exact = DatabaseBackend().search(query, user=ANONYMOUS)
    assert not exact.facets_approximate
    assert {item.value: item.count for item in exact.facets.monument} == {"ngo-mon": 40, "hien-lam-cac": 20}

    settings.RESTORATION_DATABASE_FACETS_EXACT_UP_TO = 20
    sampled = DatabaseBackend().search(query, user=ANONYMOUS)
    assert sampled.count == 60 and len(sampled.results) == 20  # exact whatever the facets
    assert sampled.facets_approximate
    counts = {item.value: item.count for item in sampled.facets.monument}
    assert set(counts) == {"ngo-mon", "hien-lam-cac"}
    assert 30 <= sum(counts.values()) <= 90  # scaled to the 60 matches from a sample of about 20


def test_the_export_streams_every_match_in_the_querys_order(monument):
    for number in range(30):
        make_record(monument, reference=f"E-{number:02d}", title="Xuất", start=str(2000 + number % 7))
    query = RestorationQuery.from_querydict({"q": "xuat", "sort": "-start"})
    rows = DatabaseBackend().export_rows(query, user=ANONYMOUS)
    header, *records = list(rows)
    assert header[0] == "reference" and len(records) == 30
    starts = [int(row[header.index("start")]) for row in records]
    assert starts == sorted(starts, reverse=True)


def test_suggestions_complete_titles_of_visible_records(monument):
    make_record(monument, reference="S-1", title="Thay ngói lưu ly")
    make_record(monument, reference="S-2", title="Thay ngói nội bộ", visibility="internal")
    suggestions = DatabaseBackend().suggest("thay ng", user=ANONYMOUS)
    assert [(s.kind, s.text, s.value) for s in suggestions] == [("title", "Thay ngói lưu ly", "S-1")]


def _planned_rows(model) -> int:
    """How many rows the database's query planner takes `model`'s table to hold (its statistics)."""
    from django.db import connection

    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            return int(cursor.fetchone()[0])
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        return max((int(stat.split()[0]) for (stat,) in cursor.fetchall()), default=-1)


def test_a_large_write_to_the_index_renews_the_planners_statistics(
    monument, monkeypatch, django_capture_on_commit_callbacks
):
    """After an import the searches are planned for the archive as it now is, not as before: on
    PostgreSQL too, where autovacuum would renew the statistics a minute or more later."""
    from django.db import connection

    from search import database_index
    from search.models import RecordSearchText, RecordWords

    monkeypatch.setattr(database_index, "ANALYZE_AFTER", 3)  # an import's batch, made small
    records = [make_record(monument, title=f"Tu bổ {year}", start=str(year)) for year in (1990, 2000, 2010)]
    assert _planned_rows(RecordSearchText) != 3
    with django_capture_on_commit_callbacks(execute=True):
        database_index.update([record.pk for record in records])
    assert _planned_rows(RecordSearchText) == 3
    if connection.vendor == "postgresql":  # SQLite's words are an FTS5 table, with statistics of its own
        assert _planned_rows(RecordWords) == 3
