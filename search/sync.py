"""Keeping the search indexes equal to the database.

Signal handlers note which records a change touches (the record itself, or every record of a
renamed monument, artefact, project or vocabulary term). The database search's index
(search.database_index) is updated at once, in the transaction of the change. With
Elasticsearch configured, once the transaction commits, they enqueue
`restoration_index_update(ids)` (search.tasks). The task applies the records' current
state; when Elasticsearch fails it stores the ids in PendingIndexUpdate and ends normally, so a
save never fails and an update is never dropped. `retry_pending()` (the worker's loop and
`restoration_index retry`) re-applies them from the database's current state.

Without ELASTICSEARCH_URL only the database index is kept.
"""

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import timezone
from wagtail.signals import published, unpublished

from heritage.importing import restoration_records_imported
from heritage.models import (
    ArtefactPage,
    Material,
    MonumentPage,
    Partner,
    RestorationProject,
    RestorationRecord,
    Technique,
)

from . import database_index, es
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)

TASK_CHUNK = 1000  # ids per enqueued task
ERROR_LENGTH = 2000

# Fields whose change alters the documents of the records pointing at the object; None: any save.
MONUMENT_INDEXED_FIELDS = {"slug", "name_vi", "name_en", "other_names"}
ARTEFACT_INDEXED_FIELDS = {"accession_number", "title_vi", "title_en"}
VOCABULARIES = {Technique: "techniques", Material: "materials", Partner: "partners"}
# Columns that Wagtail's save_revision(), lock and unlock write on a record: none is indexed.
RECORD_BOOKKEEPING_FIELDS = {
    "latest_revision",
    "latest_revision_id",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "locked_by_id",
}

_local = threading.local()


def enabled() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


# --- Queueing --------------------------------------------------------------------------


def records_changed(ids: Iterable[int]) -> None:
    """Update these records' rows of the database index now, their documents after the transaction commits.

    Ids noted in one transaction are sent as one update: every change registers a commit
    callback, the first to run takes all ids noted so far, the others find none. Ids of a
    transaction that rolled back may ride along with a later update: harmless, an update
    applies whatever the database holds.
    """
    ids = {int(pk) for pk in ids if pk is not None}
    if not ids:
        return
    database_index.update(ids)
    if not enabled():
        return
    noted = getattr(_local, "ids", None)
    if noted is None:
        noted = _local.ids = set()
    noted |= ids
    transaction.on_commit(_flush, robust=True)


def _flush() -> None:
    ids = getattr(_local, "ids", None)
    _local.ids = set()
    if ids:
        enqueue_update(sorted(ids))


def enqueue_update(ids: list[int]) -> None:
    """Enqueue the index update task; if even that fails, keep the ids as pending."""
    from .tasks import restoration_index_update

    for start in range(0, len(ids), TASK_CHUNK):
        chunk = ids[start : start + TASK_CHUNK]
        try:
            restoration_index_update.enqueue(chunk)
        except Exception as error:  # a broken queue must not lose the update
            logger.exception("Could not enqueue the index update of %d records", len(chunk))
            pending_store(chunk, f"enqueue failed: {error.__class__.__name__}: {error}")


# --- Applying and pending updates ---------------------------------------------------------


def pending_store(ids: Iterable[int], error: str, *, count_attempt: bool = True) -> None:
    """Create or update the PendingIndexUpdate rows of these records."""
    ids = sorted({int(pk) for pk in ids})
    if not ids:
        return
    error = error[:ERROR_LENGTH]
    now = timezone.now()
    with transaction.atomic():
        existing = PendingIndexUpdate.objects.filter(record_id__in=ids)
        changes = {"last_error": error, "updated_at": now}
        if count_attempt:
            changes["attempts"] = F("attempts") + 1
        existing.update(**changes)
        PendingIndexUpdate.objects.bulk_create(
            [PendingIndexUpdate(record_id=pk, attempts=1 if count_attempt else 0, last_error=error) for pk in ids],
            ignore_conflicts=True,
        )


def index_update_apply(ids: Iterable[int]) -> dict:
    """What the task does: apply these records; keep what failed as pending. Never raises."""
    ids = sorted({int(pk) for pk in ids})
    started = timezone.now()
    try:
        result = es.documents_apply(ids)
    except es.ElasticsearchNotConfigured:
        return {"skipped": len(ids)}
    except Exception as error:  # Elasticsearch down, or anything unexpected: keep the update for later
        if isinstance(error, es.ElasticsearchUnavailable):
            logger.warning("Index update of %d records kept for a retry: %s", len(ids), error)
        else:
            logger.exception("Index update of %d records failed; kept as pending", len(ids))
        pending_store(ids, f"{error.__class__.__name__}: {error}")
        return {"pending": len(ids)}
    if result.failed:
        for pk, reason in result.failed.items():
            pending_store([pk], reason)
    applied = [pk for pk in ids if pk not in result.failed]
    if result.rebuilding:
        # A rebuild read the database before this change; re-apply it to the new index after the swap.
        pending_store(applied, "changed while a rebuild was loading", count_attempt=False)
    else:
        PendingIndexUpdate.objects.filter(record_id__in=applied, updated_at__lte=started).delete()
    return {"indexed": len(result.indexed), "deleted": len(result.deleted), "failed": len(result.failed)}


@dataclass
class RetryResult:
    applied: int = 0
    failed: int = 0
    remaining: int = 0
    rebuilt: bool = False
    error: str = ""


def retry_pending(*, batch: int = es.APPLY_CHUNK, rebuild_missing: bool = True) -> RetryResult:
    """Re-apply every pending update from the database's current state; delete the rows that succeeded.

    Stops at the first sign that Elasticsearch is down (the rows stay, their attempt counted)
    and raises ElasticsearchUnavailable then. When the index does not exist at all (never built,
    or lost) or was built for another schema version (es.SCHEMA_VERSION), rebuilds it first if
    `rebuild_missing`: a rebuild covers every pending record.
    """
    result = RetryResult()
    started = timezone.now()
    if rebuild_missing and es.index_needs_rebuild():
        logger.warning("The restoration index %s is missing or of another schema: rebuilding it", es.alias_name())
        es.index_rebuild()  # re-applies the pending rows itself once the alias has moved
        result.rebuilt = True
        result.remaining = PendingIndexUpdate.objects.count()
        return result
    last = None
    while True:
        rows = PendingIndexUpdate.objects.filter(updated_at__lte=started).order_by("record_id")
        if last is not None:
            rows = rows.filter(record_id__gt=last)
        ids = list(rows.values_list("record_id", flat=True)[:batch])
        if not ids:
            break
        last = ids[-1]
        try:
            applied = es.documents_apply(ids)
        except es.ElasticsearchUnavailable as error:
            pending_store(ids, f"{error.__class__.__name__}: {error}")
            result.error = str(error)
            result.remaining = PendingIndexUpdate.objects.count()
            raise
        for pk, reason in applied.failed.items():
            pending_store([pk], reason)
        result.failed += len(applied.failed)
        if applied.rebuilding:
            # Keep them: the rebuild re-applies them to its new index after the swap.
            continue
        done = [pk for pk in ids if pk not in applied.failed]
        PendingIndexUpdate.objects.filter(record_id__in=done, updated_at__lte=started).delete()
        result.applied += len(done)
    result.remaining = PendingIndexUpdate.objects.count()
    return result


# --- Signal handlers ---------------------------------------------------------------------


def _record_ids(queryset) -> list[int]:
    return list(queryset.filter(live=True).values_list("pk", flat=True))


def _fields_changed(update_fields, indexed: set[str]) -> bool:
    return update_fields is None or bool(set(update_fields) & indexed)


def on_record_saved(sender, instance, update_fields=None, **kwargs):
    # A draft revision or a lock saves only bookkeeping columns: the indexed content is unchanged.
    if update_fields is not None and set(update_fields) <= RECORD_BOOKKEEPING_FIELDS:
        return
    records_changed([instance.pk])


def on_record_deleted(sender, instance, **kwargs):
    records_changed([instance.pk])


def on_record_published(sender, instance, **kwargs):
    if isinstance(instance, RestorationRecord):
        records_changed([instance.pk])


def on_records_imported(sender, pks=(), **kwargs):
    records_changed(pks)


def _note(instance, ids) -> None:
    """Remember, before a delete or a clear, the records to update once it is done (_noted_changed)."""
    instance._search_records = list(ids)


def _noted_changed(sender, instance, **kwargs):
    records_changed(getattr(instance, "_search_records", ()))
    instance._search_records = []


def on_terms_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action in ("post_add", "post_remove"):
        records_changed(pk_set if reverse else [instance.pk])
    elif action == "pre_clear":
        # Before the links go: a term being cleared needs the records it was on…
        _note(instance, instance.records.values_list("pk", flat=True) if reverse else [instance.pk])
    elif action == "post_clear":
        _noted_changed(sender, instance)  # …updated once they are gone


def on_monument_saved(sender, instance, update_fields=None, **kwargs):
    if _fields_changed(update_fields, MONUMENT_INDEXED_FIELDS):
        records_changed(_record_ids(RestorationRecord.objects.filter(monument_id=instance.pk)))


def on_artefact_saved(sender, instance, update_fields=None, **kwargs):
    if _fields_changed(update_fields, ARTEFACT_INDEXED_FIELDS):
        records_changed(_record_ids(RestorationRecord.objects.filter(artefact_id=instance.pk)))


def on_artefact_deleting(sender, instance, **kwargs):
    # The records' artefact is set to null by the delete (no save signal): noted before, updated after.
    _note(instance, _record_ids(RestorationRecord.objects.filter(artefact_id=instance.pk)))


def on_term_saved(sender, instance, **kwargs):
    records_changed(_record_ids(instance.records.all()))


def on_term_deleting(sender, instance, **kwargs):
    # The records using the term, read before the delete unlinks them, updated after.
    _note(instance, _record_ids(instance.records.all()))


def on_project_saved(sender, instance, **kwargs):
    records_changed(_record_ids(RestorationRecord.objects.filter(project_id=instance.pk)))


def on_project_deleting(sender, instance, **kwargs):
    _note(instance, _record_ids(RestorationRecord.objects.filter(project_id=instance.pk)))


def connect() -> None:
    """Connect the handlers (SearchConfig.ready)."""
    uid = "search.sync"
    post_save.connect(on_record_saved, sender=RestorationRecord, dispatch_uid=f"{uid}.record_saved")
    post_delete.connect(on_record_deleted, sender=RestorationRecord, dispatch_uid=f"{uid}.record_deleted")
    published.connect(on_record_published, sender=RestorationRecord, dispatch_uid=f"{uid}.record_published")
    unpublished.connect(on_record_published, sender=RestorationRecord, dispatch_uid=f"{uid}.record_unpublished")
    restoration_records_imported.connect(on_records_imported, dispatch_uid=f"{uid}.imported")
    for model, field_name in VOCABULARIES.items():
        through = RestorationRecord._meta.get_field(field_name).remote_field.through
        m2m_changed.connect(on_terms_changed, sender=through, dispatch_uid=f"{uid}.m2m.{field_name}")
        post_save.connect(on_term_saved, sender=model, dispatch_uid=f"{uid}.{field_name}.saved")
        pre_delete.connect(on_term_deleting, sender=model, dispatch_uid=f"{uid}.{field_name}.deleting")
        post_delete.connect(_noted_changed, sender=model, dispatch_uid=f"{uid}.{field_name}.deleted")
    post_save.connect(on_monument_saved, sender=MonumentPage, dispatch_uid=f"{uid}.monument_saved")
    post_save.connect(on_artefact_saved, sender=ArtefactPage, dispatch_uid=f"{uid}.artefact_saved")
    pre_delete.connect(on_artefact_deleting, sender=ArtefactPage, dispatch_uid=f"{uid}.artefact_deleting")
    post_delete.connect(_noted_changed, sender=ArtefactPage, dispatch_uid=f"{uid}.artefact_deleted")
    post_save.connect(on_project_saved, sender=RestorationProject, dispatch_uid=f"{uid}.project_saved")
    pre_delete.connect(on_project_deleting, sender=RestorationProject, dispatch_uid=f"{uid}.project_deleting")
    post_delete.connect(_noted_changed, sender=RestorationProject, dispatch_uid=f"{uid}.project_deleted")
