"""`manage.py restoration_index rebuild|status|retry|worker`."""

import datetime
import io
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from elasticsearch._sync.client.indices import IndicesClient

from search import es
from search.models import PendingIndexUpdate
from tests.factories import make_record
from tests.search.indexes import restoration_indexes_delete


@pytest.fixture
def monument(ngo_mon):
    return ngo_mon


@pytest.fixture
def prefix(settings):
    """A prefix of our own; every index under it is deleted after the test."""
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}-"
    yield settings.ELASTICSEARCH_INDEX_PREFIX
    restoration_indexes_delete()


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("restoration_index", *args, stdout=out, stderr=err)
    except CommandError as error:
        error.stdout = out.getvalue()
        raise
    return out.getvalue(), err.getvalue()


def count_via_alias() -> int:
    c = es.client()
    c.indices.refresh(index=es.alias_name())
    return c.count(index=es.alias_name())["count"]


# --- Without Elasticsearch -----------------------------------------------------------------------


@pytest.mark.parametrize("action", ["rebuild", "status", "retry", "worker"])
def test_every_action_says_clearly_that_elasticsearch_is_not_configured(action, db, settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set") as raised:
        run(action)
    assert raised.value.returncode == 1


@pytest.mark.parametrize("action", ["rebuild", "status", "retry"])
def test_every_action_fails_cleanly_when_elasticsearch_is_down(action, db, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    with pytest.raises(CommandError, match="unavailable") as raised:
        run(action)
    assert raised.value.returncode == 1


def test_the_worker_survives_elasticsearch_being_down(db, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    PendingIndexUpdate.objects.create(record_id=1)
    out, err = run("worker", "--once")
    assert "worker: stopped" in out
    assert "Elasticsearch unavailable" in err
    assert PendingIndexUpdate.objects.filter(record_id=1).exists()


# --- rebuild ------------------------------------------------------------------------------------


@pytest.mark.needs("elasticsearch")
def test_rebuild_swaps_the_alias_atomically_and_deletes_the_old_index(prefix, monument, monkeypatch):
    first_record = make_record(monument, title="Record 0")
    for n in range(1, 3):
        make_record(monument, title=f"Record {n}")
    make_record(monument, publish=False)
    out, err = run("rebuild")
    first = es.index_status().indexes
    assert len(first) == 1
    assert out.strip().startswith(f"indexed 3 records into {first[0]} in ")
    assert out.strip().endswith(" s")
    make_record(monument, title="Record 4")
    # An update that failed an hour ago is covered by what the rebuild reads.
    PendingIndexUpdate.objects.create(record_id=first_record.pk, last_error="ConnectionError")
    PendingIndexUpdate.objects.update(updated_at=timezone.now() - datetime.timedelta(hours=1))

    # Search goes through the alias: it must find the old index's documents up to the swap,
    # and the new index's, complete, right after it.
    seen = {"during load": [], "before swap": None, "after swap": None}
    swap = IndicesClient.update_aliases

    def watched_swap(self, *args, **kwargs):
        seen["before swap"] = count_via_alias()
        response = swap(self, *args, **kwargs)
        seen["after swap"] = count_via_alias()
        return response

    monkeypatch.setattr(IndicesClient, "update_aliases", watched_swap)
    result = es.index_rebuild(progress=lambda done, total: seen["during load"].append(count_via_alias()))

    assert seen == {"during load": [3], "before swap": 3, "after swap": 4}
    assert result.count == 4 and result.deleted == first
    status = es.index_status()
    assert status.indexes == [result.index] != first
    assert not es.client().indices.exists(index=first[0])
    assert not status.rebuilding
    assert not PendingIndexUpdate.objects.exists()
    run("status")


@pytest.mark.needs("elasticsearch")
def test_a_failed_rebuild_leaves_the_alias_where_it_was(prefix, monument, monkeypatch):
    make_record(monument)
    run("rebuild")
    before = es.index_status().indexes

    def broken(name):
        yield {"_op_type": "index", "_index": name, "_id": 1, "_source": {"no_such_field": 1}}

    monkeypatch.setattr(es, "_rebuild_actions", broken)
    with pytest.raises(CommandError, match="rebuild failed: Elasticsearch refused 1 documents"):
        run("rebuild")
    assert es.index_status().indexes == before
    # The new index was removed, and nothing is left loading.
    assert restoration_indexes_delete() == before


@pytest.mark.needs("elasticsearch")
def test_rebuild_replaces_a_concrete_index_squatting_the_alias_name(prefix, monument):
    make_record(monument)
    es.client().indices.create(index=es.alias_name())
    run("rebuild")
    assert len(es.index_status().indexes) == 1
    run("status")


# --- status -------------------------------------------------------------------------------------


@pytest.mark.needs("elasticsearch")
def test_status_compares_record_by_record(prefix, monument):
    records = [make_record(monument) for _ in range(3)]
    with pytest.raises(CommandError) as raised:
        run("status")
    assert raised.value.returncode == 1
    assert "no index" in raised.value.stdout

    run("rebuild")
    out, err = run("status")
    assert "database: 3 published records" in out
    assert "index:    3 documents" in out
    assert "the index equals the database" in out

    c = es.client()
    c.delete(index=es.alias_name(), id=str(records[0].pk), refresh=True)
    c.update(index=es.alias_name(), id=str(records[1].pk), doc={"title": "Tampered", "content_hash": "x"})
    c.index(index=es.alias_name(), id="999999", document={"id": 999999, "title": "Ghost"}, refresh=True)
    with pytest.raises(CommandError, match="differs") as raised:
        run("status")
    assert raised.value.returncode == 1
    assert f"missing from the index (1): {records[0].pk}" in raised.value.stdout
    assert f"stale in the index (1): {records[1].pk}" in raised.value.stdout
    assert "extra in the index (1): 999999" in raised.value.stdout


@pytest.mark.needs("elasticsearch")
def test_status_lists_at_most_20_ids(prefix, monument):
    run("rebuild")
    for _ in range(22):
        make_record(monument)
    with pytest.raises(CommandError) as raised:
        run("status")
    line = next(line for line in raised.value.stdout.splitlines() if line.startswith("missing"))
    assert line.startswith("missing from the index (22): ")
    assert line.endswith("… and 2 more")
    assert len(line.split(": ", 1)[1].split(" … ")[0].split(", ")) == 20


# --- retry and worker -----------------------------------------------------------------------------


@pytest.mark.needs("elasticsearch")
def test_retry_applies_pending_updates_once(prefix, monument):
    run("rebuild")
    record = make_record(monument, title="Missed")  # no on-commit run: its update never happened
    PendingIndexUpdate.objects.create(record_id=record.pk, attempts=3, last_error="ConnectionError")
    PendingIndexUpdate.objects.create(record_id=987654)  # deleted since: its document must go
    out, err = run("retry")
    assert out.strip() == "applied 2, failed 0, still pending 0"
    assert not PendingIndexUpdate.objects.exists()
    run("status")


@pytest.mark.needs("elasticsearch")
def test_retry_builds_a_missing_index(prefix, monument):
    make_record(monument)
    out, err = run("retry")
    assert out.startswith("index rebuilt;")
    run("status")


@pytest.mark.needs("elasticsearch")
def test_an_index_of_an_older_schema_is_named_by_status_and_rebuilt_by_retry(prefix, monument):
    record = make_record(monument)
    # An index as the first release built it: no schema version, no `labels` in the mapping.
    old_mapping = {key: value for key, value in es.MAPPING.items() if key != "_meta"}
    old_mapping["properties"] = {key: value for key, value in es.MAPPING["properties"].items() if key != "labels"}
    es.client().indices.create(
        index=es.new_index_name(), settings=es.INDEX_SETTINGS, mappings=old_mapping, aliases={es.alias_name(): {}}
    )
    assert es.index_needs_rebuild()
    with pytest.raises(CommandError) as raised:
        run("status")
    assert f"the index is of version 0, this code writes version {es.SCHEMA_VERSION}" in raised.value.stdout

    out, _err = run("retry")
    assert "index rebuilt" in out
    assert es.index_schema_version() == es.SCHEMA_VERSION
    out, _err = run("status")
    assert "the index equals the database" in out
    assert record.reference in str(es.client().get(index=es.alias_name(), id=str(record.pk))["_source"])


@pytest.mark.needs("elasticsearch")
def test_the_worker_runs_the_database_task_queue_and_the_retries(
    prefix, monument, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The queue's worker closes the connection between tasks, as it should outside tests; here
    # that would end the test's transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    run("rebuild")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        queued = make_record(monument, title="Queued")
    assert DBTaskResult.objects.filter(task_path="search.tasks.restoration_index_update").exists()
    stale = make_record(monument, title="Pending")
    PendingIndexUpdate.objects.create(record_id=stale.pk)
    with pytest.raises(CommandError):
        run("status")

    out, err = run("worker", "--once")
    assert "the database task queue" in out
    assert "applied 1" in out
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert not PendingIndexUpdate.objects.exists()
    assert es.client().get(index=es.alias_name(), id=str(queued.pk))["_source"]["title"] == "Queued"
    run("status")
