"""Keeping the S3 objects' ACLs equal to the visibility rule (docs/visibility.md).

A document's or image's objects (an image's original and all its renditions) are public-read
when `visibility.file_access` lets the public see the file, private otherwise. Signal handlers
note which files a change may touch (files attached to or detached from a record, a record
published, unpublished, saved or given a new draft, an image or document uploaded or replaced, a
page gallery changed) and, once the transaction commits, a task (`files_apply_task`, run by the
worker with TASKS_BACKEND=database, at once otherwise) re-applies those files' ACLs. New
renditions take their image's ACL when they are made (`renditions_made`). `manage.py file_acls`
re-applies every file's.

Nothing happens with local files: `heritage.files.serve_media` checks every request.
"""

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Revision
from wagtail.signals import published, unpublished

from .importing import restoration_records_imported
from .storage import acls_supported
from .visibility import FileAccess, file_access, revision_files

logger = logging.getLogger(__name__)

_local = threading.local()


def enabled() -> bool:
    from django.core.files.storage import default_storage

    return acls_supported(default_storage)


# --- Noting and flushing ----------------------------------------------------------------------


def files_changed(*, images: Iterable[int] = (), documents: Iterable[int] = (), replaced: bool = False) -> None:
    """Re-apply the ACLs of these files after the current transaction commits.

    As in search.sync: every change registers a commit callback, the first to run takes all ids
    noted so far. `replaced`: the images' files are new objects (uploaded private), so their ACL
    is set even where the image's public_files says it already is.
    """
    if not enabled():
        return
    noted = getattr(_local, "noted", None)
    if noted is None:
        noted = _local.noted = {"images": set(), "documents": set(), "replaced": set()}
    images = {int(pk) for pk in images if pk is not None}
    noted["images"] |= images
    noted["documents"] |= {int(pk) for pk in documents if pk is not None}
    if replaced:
        noted["replaced"] |= images
    transaction.on_commit(_flush, robust=True)


def _flush() -> None:
    noted = getattr(_local, "noted", None)
    _local.noted = None
    if noted and (noted["images"] or noted["documents"]):
        files = {"images": sorted(noted["images"]), "documents": sorted(noted["documents"])}
        try:
            # With TASKS_BACKEND=database the worker talks to S3, not the request that saved.
            files_apply_task.enqueue(**files, force=sorted(noted["replaced"]))
        except Exception:  # a broken queue must not leave files with a stale ACL
            logger.exception("Could not enqueue the ACL update of %s; applying it now", files)
            files_apply(**files, force=noted["replaced"])


@task()
def files_apply_task(images: list[int], documents: list[int], force: list[int]) -> None:
    """files_apply() as a background task (django-tasks): what a commit enqueues."""
    files_apply(images=images, documents=documents, force=force)


# --- Applying --------------------------------------------------------------------------------


@dataclass
class ApplyResult:
    public: int = 0
    private: int = 0
    unchanged: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # "image 12" -> error


def _is_public(file) -> bool:
    return file_access(None, file) == FileAccess.PUBLIC


def image_apply(image, *, force: bool = False) -> str:
    """Set the ACL of an image's original and renditions; "public", "private" or "unchanged"."""
    public = _is_public(image)
    if public == image.public_files and not force:
        return "unchanged"
    storage = image.file.storage
    storage.set_public(image.file.name, public)
    for name in image.renditions.values_list("file", flat=True):
        storage.set_public(name, public)
    if public != image.public_files:
        type(image).objects.filter(pk=image.pk).update(public_files=public)
        image.public_files = public
    return "public" if public else "private"


def document_apply(document) -> str:
    public = _is_public(document)
    document.file.storage.set_public(document.file.name, public)
    return "public" if public else "private"


def files_apply(
    *, images: Iterable[int] = (), documents: Iterable[int] = (), force: Iterable[int] | bool = (), progress=None
) -> ApplyResult:
    """Re-apply these files' ACLs from the rule's current answer. Never raises: failures are
    logged and returned (ids of files that no longer exist are skipped)."""
    result = ApplyResult()
    if not enabled():
        return result
    force_all = force is True
    forced = set() if isinstance(force, bool) else set(force)
    work = [("image", obj) for obj in get_image_model().objects.filter(pk__in=set(images))]
    work += [("document", obj) for obj in get_document_model().objects.filter(pk__in=set(documents))]
    for kind, obj in work:
        try:
            if kind == "image":
                outcome = image_apply(obj, force=force_all or obj.pk in forced)
            else:
                outcome = document_apply(obj)
        except Exception as error:  # S3 down or refusing ACLs: report, go on with the others
            logger.exception("Could not set the S3 ACL of %s %s", kind, obj.pk)
            result.failed[f"{kind} {obj.pk}"] = f"{error.__class__.__name__}: {error}"
        else:
            setattr(result, outcome, getattr(result, outcome) + 1)
        if progress is not None:
            progress(1)
    return result


def renditions_made(image, renditions) -> None:
    """Give new renditions their image's ACL (they were uploaded private)."""
    if not enabled():
        return
    public = type(image).objects.filter(pk=image.pk).values_list("public_files", flat=True).first()
    if not public:
        return
    for rendition in renditions:
        rendition.file.storage.set_public(rendition.file.name, True)


# --- Which files a change touches -------------------------------------------------------------


def record_files(record_ids: Iterable[int]) -> tuple[set[int], set[int]]:
    """The images and documents of these records: their rows and their latest revisions."""
    from .models import RestorationDocument, RestorationImage, RestorationRecord

    record_ids = {int(pk) for pk in record_ids}
    images = set(RestorationImage.objects.filter(record_id__in=record_ids).values_list("image_id", flat=True))
    documents = set(RestorationDocument.objects.filter(record_id__in=record_ids).values_list("document_id", flat=True))
    drafts = RestorationRecord.objects.filter(pk__in=record_ids, latest_revision__isnull=False)
    for content in drafts.values_list("latest_revision__content", flat=True):
        found = revision_files(content or {})
        images |= found["images"]
        documents |= found["documents"]
    return images, documents


def _record_content_type():
    from django.contrib.contenttypes.models import ContentType

    from .models import RestorationRecord

    return ContentType.objects.get_for_model(RestorationRecord)


def _records_changed(record_ids: Iterable[int]) -> None:
    if not enabled():
        return
    images, documents = record_files(record_ids)
    files_changed(images=images, documents=documents)


# --- Signal handlers ---------------------------------------------------------------------------


def on_record_changed(sender, instance, **kwargs):
    _records_changed([instance.pk])


def on_record_published(sender, instance, **kwargs):
    from .models import RestorationRecord

    if isinstance(instance, RestorationRecord):
        _records_changed([instance.pk])


def on_revision_saved(sender, instance, created=False, **kwargs):
    # Saved before the record points at it: the record's files so far (its previous draft's
    # too, which this one may drop) and the new draft's.
    if not (enabled() and created and instance.base_content_type_id == _record_content_type().pk):
        return
    images, documents = record_files([instance.object_id])
    found = revision_files(instance.content or {})
    files_changed(images=images | found["images"], documents=documents | found["documents"])


def on_records_imported(sender, pks=(), **kwargs):
    _records_changed(pks)


def on_record_image_changed(sender, instance, **kwargs):
    files_changed(images=[instance.image_id])


def on_record_document_changed(sender, instance, **kwargs):
    files_changed(documents=[instance.document_id])


def _file_may_be_new(created, update_fields) -> bool:
    return created or update_fields is None or "file" in update_fields


def on_image_saved(sender, instance, created=False, update_fields=None, **kwargs):
    if _file_may_be_new(created, update_fields):
        files_changed(images=[instance.pk], replaced=True)


def on_document_saved(sender, instance, created=False, update_fields=None, **kwargs):
    if _file_may_be_new(created, update_fields):
        files_changed(documents=[instance.pk])


def connect() -> None:
    """Connect the handlers (HeritageConfig.ready)."""
    from .models import ArtefactImage, MonumentGalleryImage, RestorationDocument, RestorationImage, RestorationRecord

    uid = "heritage.file_acls"
    post_save.connect(on_record_changed, sender=RestorationRecord, dispatch_uid=f"{uid}.record_saved")
    post_delete.connect(on_record_changed, sender=RestorationRecord, dispatch_uid=f"{uid}.record_deleted")
    published.connect(on_record_published, sender=RestorationRecord, dispatch_uid=f"{uid}.record_published")
    unpublished.connect(on_record_published, sender=RestorationRecord, dispatch_uid=f"{uid}.record_unpublished")
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid=f"{uid}.revision_saved")
    restoration_records_imported.connect(on_records_imported, dispatch_uid=f"{uid}.imported")
    for model in (RestorationImage, MonumentGalleryImage, ArtefactImage):
        post_save.connect(on_record_image_changed, sender=model, dispatch_uid=f"{uid}.{model.__name__}.saved")
        post_delete.connect(on_record_image_changed, sender=model, dispatch_uid=f"{uid}.{model.__name__}.deleted")
    post_save.connect(on_record_document_changed, sender=RestorationDocument, dispatch_uid=f"{uid}.document_row_saved")
    post_delete.connect(
        on_record_document_changed, sender=RestorationDocument, dispatch_uid=f"{uid}.document_row_deleted"
    )
    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid=f"{uid}.image_saved")
    post_save.connect(on_document_saved, sender=get_document_model(), dispatch_uid=f"{uid}.document_saved")
