"""The restoration index follows the database: saves, publication, deletes, renames, imports, an outage.

The tests marked `needs("elasticsearch")` run against the real server of scripts/services, each
under its own index prefix; the outage test stops and restarts a server of its own instead
(`own_elasticsearch`). Tests run inside a transaction, so index updates (queued with
`transaction.on_commit`) are run by `django_capture_on_commit_callbacks(execute=True)`.
"""

import csv
import io
import json
import uuid

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks.signals import task_enqueued

from heritage.importing import RESTORATION_COLUMNS
from heritage.models import Material, RestorationProject, RestorationRecord, Technique
from search import es
from search.documents import document_hash, record_document, records_for_indexing
from search.models import PendingIndexUpdate
from search.sync import retry_pending
from tests.factories import make_record
from tests.search.indexes import restoration_indexes_delete


@pytest.fixture
def monument(ngo_mon):
    return ngo_mon


def _empty_index(settings):
    """An empty index of our own (a rebuild of no records), deleted after the test."""
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}-"
    es.index_rebuild()
    yield es.alias_name()
    restoration_indexes_delete()


@pytest.fixture
def index(settings):
    """An empty index of our own, deleted after the test."""
    yield from _empty_index(settings)


@pytest.fixture
def index_on_own_server(own_elasticsearch, settings):
    """An empty index on a server of the test's own (`own_elasticsearch`), which the test may stop."""
    yield from _empty_index(settings)


def indexed(pk) -> dict | None:
    found = es.client().options(ignore_status=404).get(index=es.alias_name(), id=str(pk))
    return found["_source"] if found.meta.status == 200 else None


def assert_index_equals_database():
    status = es.index_status()
    assert status.equal, {"missing": status.missing, "extra": status.extra, "stale": status.stale}
    return status


# --- Documents (no Elasticsearch needed) ---------------------------------------------------------


def test_a_document_holds_what_the_schema_lists(monument):
    technique = Technique.objects.create(name="Sơn mài", name_en="Lacquering")
    material = Material.objects.create(name="Ngói lưu ly", name_en="Glazed tile")
    project = RestorationProject.objects.create(name="Ngọ Môn 1990s")
    record = make_record(
        monument,
        title="Thay ngói",
        start="1991",
        end="1992-06",
        method="<p>Gỡ ngói &amp; <b>lợp</b> lại</p>",
        funder="Japan",
        component="Mái",
        visibility="internal",
    )
    record.techniques.add(technique)
    record.materials.add(material)
    record.project = project
    record.save()

    doc = record_document(records_for_indexing().get(pk=record.pk))

    assert doc["id"] == record.pk and doc["reference"] == record.reference
    assert doc["method"] == "Gỡ ngói & lợp lại"
    assert doc["monument"] == {"slug": "ngo-mon", "name_vi": "Ngọ Môn", "name_en": "Noon Gate", "other_names": []}
    assert doc["artefact"] is None and doc["project"] == "Ngọ Môn 1990s"
    assert doc["techniques"] == ["son mai"] and doc["materials"] == ["ngoi luu ly"] and doc["partners"] == []
    assert set(doc["terms_text"]) == {"Sơn mài", "Lacquering", "Ngói lưu ly", "Glazed tile"}
    assert (doc["start"], doc["end"]) == ("1991", "1992-06")
    assert doc["dates"] == {"gte": "1991-01-01", "lte": "1992-06-30"}
    assert (doc["start_sort"], doc["decade"], doc["visibility"]) == ("1991-01-01", "1990", "internal")
    assert "Sơn mài" in doc["suggest"] and "Noon Gate" in doc["suggest"]
    assert doc["content_hash"] == document_hash(doc)
    # Every mapped field but all_text, which Elasticsearch fills from the searchable fields (copy_to).
    assert set(doc) == set(es.MAPPING["properties"]) - {"all_text"}
    assert doc["labels"] == {
        "monument": "ngo-mon\x1fNgọ Môn\x1fNoon Gate",
        "techniques": ["son mai\x1fSơn mài\x1fLacquering"],
        "materials": ["ngoi luu ly\x1fNgói lưu ly\x1fGlazed tile"],
        "partners": [],
    }


def test_the_fast_path_gives_the_same_documents(monument, site_tree):
    from heritage.models import ArtefactPage

    monument.other_names = "Cửa Ngọ Môn\nMeridian Gate"
    monument.save()
    artefact = site_tree["vi"]["artefacts"].add_child(
        instance=ArtefactPage(
            title="Chuông", slug="chuong", accession_number="BT-1", title_vi="Chuông", object_type="x"
        )
    )
    terms = [Technique.objects.create(name=name) for name in ("Sơn mài", "Lợp ngói", "Ép")]
    partner = RestorationProject.objects.create(name="Dự án")
    records = [
        make_record(monument, end="1993"),
        make_record(monument, start="2021-03", end=""),
        make_record(monument, method="<p>x</p>"),
    ]
    records[0].artefact = artefact
    records[0].project = partner
    records[0].techniques.add(*terms)
    records[0].materials.add(Material.objects.create(name="Gỗ lim", name_en="Ironwood"))
    records[0].save()
    make_record(monument, publish=False)

    expected = [record_document(record) for record in records_for_indexing()]
    assert len(expected) == 3
    from search.documents import documents_iter, sources_iter

    assert list(documents_iter(chunk_size=2)) == expected
    # The rebuild sends each document as JSON text, serialised once for its hash and the request.
    sources = list(sources_iter(chunk_size=2))
    assert [json.loads(source) for _pk, source, _hash in sources] == expected
    assert [(pk, digest) for pk, _source, digest in sources] == [(d["id"], d["content_hash"]) for d in expected]
    assert list(documents_iter([records[2].pk, records[0].pk, 123456])) == [expected[0], expected[2]]
    assert expected[0]["techniques"] == ["ep", "lop ngoi", "son mai"]
    assert expected[0]["monument"]["other_names"] == ["Cửa Ngọ Môn", "Meridian Gate"]
    assert expected[0]["artefact"] == {"accession_number": "BT-1", "title_vi": "Chuông", "title_en": ""}


def test_an_ongoing_record_has_an_open_date_range(monument):
    record = make_record(monument, start="2021-03", end="")
    doc = record_document(records_for_indexing().get(pk=record.pk))
    assert doc["dates"] == {"gte": "2021-03-01"}


def test_the_hash_follows_the_content_only():
    doc = {"id": 1, "title": "a", "monument": {"slug": "x", "name_vi": "y"}}
    same = {"monument": {"name_vi": "y", "slug": "x"}, "title": "a", "id": 1, "content_hash": "ignored"}
    assert document_hash(doc) == document_hash(same)
    assert document_hash(doc) != document_hash({**doc, "title": "b"})


def test_preparing_documents_costs_the_same_queries_for_5_or_50_records(monument):
    technique = Technique.objects.create(name="Sơn mài")

    def queries_for(count):
        for _ in range(count):
            record = make_record(monument)
            record.techniques.add(technique)  # a ParentalManyToManyField: written by save()
            record.save()
        with CaptureQueriesContext(connection) as captured:
            docs = [record_document(record) for record in records_for_indexing().iterator(chunk_size=2000)]
        assert all(doc["techniques"] == ["son mai"] for doc in docs)
        return len(captured.captured_queries)

    assert queries_for(5) == queries_for(45)


def test_without_elasticsearch_saves_enqueue_nothing(monument, settings, django_capture_on_commit_callbacks):
    settings.ELASTICSEARCH_URL = ""
    enqueued = []

    def note(sender, task_result, **kwargs):
        enqueued.append(task_result.task.name)

    task_enqueued.connect(note, dispatch_uid="test-no-es")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            record = make_record(monument)
            record.techniques.add(Technique.objects.create(name="Sơn mài"))
            Material.objects.create(name="Gỗ lim").records.add(record)
            record.title = "Changed"
            record.save()
            record.unpublish()
            record.delete()
    finally:
        task_enqueued.disconnect(dispatch_uid="test-no-es")
    assert "restoration_index_update" not in enqueued
    assert not PendingIndexUpdate.objects.exists()


# --- The index follows the database ----------------------------------------------------------------


@pytest.mark.needs("elasticsearch")
def test_a_published_record_is_indexed_and_a_draft_is_not(index, monument, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = make_record(monument, title="Thay ngói lưu ly")
        draft = make_record(monument, publish=False)

    assert indexed(record.pk)["title"] == "Thay ngói lưu ly"
    assert indexed(draft.pk) is None
    assert assert_index_equals_database().db_count == 1
    assert not PendingIndexUpdate.objects.exists()


@pytest.mark.needs("elasticsearch")
def test_edits_publication_unpublication_and_delete_follow(index, monument, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = make_record(monument, title="First title")
        draft = make_record(monument, publish=False, title="Draft")

    # A draft revision of a live record changes nothing until it is published.
    with django_capture_on_commit_callbacks(execute=True):
        record.title = "Second title"
        revision = record.save_revision()
    assert indexed(record.pk)["title"] == "First title"
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    assert indexed(record.pk)["title"] == "Second title"
    assert_index_equals_database()

    # A plain save of a live record (as scripts do).
    with django_capture_on_commit_callbacks(execute=True):
        record.refresh_from_db()
        record.summary = "Gia cố kèo"
        record.save()
    assert indexed(record.pk)["summary"] == "Gia cố kèo"

    # Publishing the draft indexes it; unpublishing removes it.
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert indexed(draft.pk)["title"] == "Draft"
    draft.refresh_from_db()  # publish() saved a copy made from the revision
    with django_capture_on_commit_callbacks(execute=True):
        draft.unpublish()
    assert indexed(draft.pk) is None
    assert_index_equals_database()

    with django_capture_on_commit_callbacks(execute=True):
        pk = record.pk
        record.delete()
    assert indexed(pk) is None
    assert assert_index_equals_database().db_count == 0


@pytest.mark.needs("elasticsearch")
def test_terms_added_and_renamed_follow(index, monument, django_capture_on_commit_callbacks):
    technique = Technique.objects.create(name="Sơn mài", name_en="Lacquering")
    with django_capture_on_commit_callbacks(execute=True):
        record = make_record(monument)
        record.techniques.add(technique)
        record.save()
    assert indexed(record.pk)["techniques"] == ["son mai"]

    with django_capture_on_commit_callbacks(execute=True):
        technique.name = "Sơn then"
        technique.save()
    assert indexed(record.pk)["techniques"] == ["son then"]
    assert "Sơn then" in indexed(record.pk)["terms_text"]

    # From the term's side, then the term deleted.
    with django_capture_on_commit_callbacks(execute=True):
        material = Material.objects.create(name="Gỗ lim")
        material.records.add(record)
    assert indexed(record.pk)["materials"] == ["go lim"]
    with django_capture_on_commit_callbacks(execute=True):
        material.delete()
    assert indexed(record.pk)["materials"] == []
    assert_index_equals_database()


@pytest.mark.needs("elasticsearch")
def test_a_renamed_monument_or_project_reindexes_its_records(index, monument, django_capture_on_commit_callbacks):
    project = RestorationProject.objects.create(name="Ngọ Môn 1990s")
    with django_capture_on_commit_callbacks(execute=True):
        records = [make_record(monument) for _ in range(3)]
        for record in records:
            record.project = project
            record.save()

    with django_capture_on_commit_callbacks(execute=True):
        monument.name_en = "Meridian Gate"
        monument.slug = "ngo-mon-gate"
        monument.save_revision().publish()
    for record in records:
        assert indexed(record.pk)["monument"]["name_en"] == "Meridian Gate"
        assert indexed(record.pk)["monument"]["slug"] == "ngo-mon-gate"

    with django_capture_on_commit_callbacks(execute=True):
        project.name = "Ngọ Môn restoration"
        project.save()
    assert {indexed(record.pk)["project"] for record in records} == {"Ngọ Môn restoration"}
    with django_capture_on_commit_callbacks(execute=True):
        project.delete()
    assert {indexed(record.pk)["project"] for record in records} == {""}
    assert_index_equals_database()


@pytest.mark.needs("elasticsearch")
def test_imported_records_are_indexed(index, monument, tmp_path, django_capture_on_commit_callbacks):
    rows = [
        {"reference": "HUE-NM-1991-01", "monument": "ngo-mon", "title": "Thay ngói", "record_type": "treatment"},
        {"reference": "HUE-NM-2021-01", "monument": "Noon Gate", "title": "Gia cố", "record_type": "analysis"},
    ]
    for row in rows:
        row.update(start="1991", summary="Roof retiled.", visibility="public", techniques="Sơn mài; lợp ngói")
    path = tmp_path / "records.csv"

    def import_rows():
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=RESTORATION_COLUMNS, restval="")
            writer.writeheader()
            writer.writerows(rows)
        with django_capture_on_commit_callbacks(execute=True):
            call_command("import_restorations", str(path), stdout=io.StringIO())

    import_rows()
    record = RestorationRecord.objects.get(reference="HUE-NM-2021-01")
    assert indexed(record.pk)["techniques"] == ["lop ngoi", "son mai"]
    assert assert_index_equals_database().db_count == 2

    # Importing a changed file updates the documents.
    rows[1]["title"] = "Gia cố kèo"
    import_rows()
    assert indexed(record.pk)["title"] == "Gia cố kèo"
    assert_index_equals_database()


@pytest.mark.needs("elasticsearch")
def test_an_update_during_a_rebuild_reaches_the_new_index(
    index, monument, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        records = [make_record(monument, title=f"Record {n}") for n in range(3)]
    loaded = es._rebuild_actions

    def edit_while_loading(name):
        # The rebuild has read the database: now a restorer edits a record and deletes another.
        actions = list(loaded(name))
        with django_capture_on_commit_callbacks(execute=True):
            records[0].title = "Edited during the rebuild"
            records[0].save()
            records[1].delete()
        # The live index got the edit, and the updates wait for the swap.
        assert indexed(records[0].pk)["title"] == "Edited during the rebuild"
        assert PendingIndexUpdate.objects.count() == 2
        yield from actions

    monkeypatch.setattr(es, "_rebuild_actions", edit_while_loading)
    es.index_rebuild()

    assert indexed(records[0].pk)["title"] == "Edited during the rebuild"
    assert_index_equals_database()
    assert not PendingIndexUpdate.objects.exists()


@pytest.mark.needs("elasticsearch")
def test_updates_that_failed_are_kept_and_retried(index, monument, settings, django_capture_on_commit_callbacks):
    """Elasticsearch unreachable (a closed port stands in for it): saves succeed, updates wait."""
    with django_capture_on_commit_callbacks(execute=True):
        record = make_record(monument, title="Before")
    reachable = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with django_capture_on_commit_callbacks(execute=True):
        record.title = "After"
        record.save()
        other = make_record(monument, title="New")
    assert sorted(PendingIndexUpdate.objects.values_list("record_id", flat=True)) == [record.pk, other.pk]
    with django_capture_on_commit_callbacks(execute=True):
        record.summary = "Edited again"
        record.save()
    assert PendingIndexUpdate.objects.get(record_id=record.pk).attempts == 2

    settings.ELASTICSEARCH_URL = reachable
    result = retry_pending(batch=1)  # one record per round
    assert (result.applied, result.failed, result.remaining, result.rebuilt) == (2, 0, 0, False)
    assert indexed(record.pk)["summary"] == "Edited again"
    assert indexed(other.pk)["title"] == "New"
    assert_index_equals_database()


# --- An outage ------------------------------------------------------------------------------------


@pytest.mark.needs("elasticsearch")
def test_edits_during_an_outage_reach_the_index_after_it(
    own_elasticsearch, index_on_own_server, monument, django_capture_on_commit_callbacks
):
    """Stops and restarts a server of its own (slow: two starts), so there is only this one test of it."""
    with django_capture_on_commit_callbacks(execute=True):
        kept, edited, deleted = (make_record(monument, title=f"Before {n}") for n in range(3))
    assert_index_equals_database()

    try:
        own_elasticsearch.down()
        with django_capture_on_commit_callbacks(execute=True):
            edited.title = "Edited during the outage"
            edited.save()
            deleted_pk = deleted.pk
            deleted.delete()
            created = make_record(monument, title="Created during the outage")
        # Every save went through; every update is kept.
        assert RestorationRecord.objects.filter(title="Created during the outage").exists()
        pending = PendingIndexUpdate.objects.order_by("record_id")
        assert {row.record_id for row in pending} == {edited.pk, deleted_pk, created.pk}
        assert all(row.attempts >= 1 and row.last_error for row in pending)
        with pytest.raises(es.ElasticsearchUnavailable):
            retry_pending()
        assert PendingIndexUpdate.objects.count() == 3
    finally:
        own_elasticsearch.up()  # waits until the cluster is yellow

    # The server kept its data, as a real one does: the retry re-applies the 3 pending records.
    out = io.StringIO()
    call_command("restoration_index", "retry", stdout=out)
    assert "still pending 0" in out.getvalue()
    assert not PendingIndexUpdate.objects.exists()
    assert indexed(edited.pk)["title"] == "Edited during the outage"
    assert indexed(deleted_pk) is None
    assert indexed(created.pk)["title"] == "Created during the outage"
    assert indexed(kept.pk) is not None
    assert assert_index_equals_database().db_count == 3
