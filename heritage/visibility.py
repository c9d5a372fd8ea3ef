"""Who may see what: the archive's one visibility rule.

Every way a restoration record or one of its files leaves the system asks this module: the
querysets behind pages and exports, the Elasticsearch filter and the SQL check of the search,
the suggestions and facets, and the serving of documents, original images and renditions.

- A record is seen on the site when it is published (live) and public. Those who may read
  internal records (the Curators and Restorers groups) also see published internal ones.
- A file (document or image) attached to restoration records follows them: used only by
  internal or unpublished records, it is served only to those who may see one of those records
  (unpublished ones: those who may open records in the admin). A file that a public record or
  anything else (a page, a gallery) uses as well stays public, and so does a file no record uses.
  A file attached in a record's unpublished draft (its latest revision, not yet published) is
  used by an unpublished record until that draft is published.
"""

import enum

from django.db import models
from django.utils.translation import gettext_lazy as _

INTERNAL_PERMISSION = "heritage.view_internal_restorationrecord"
# Who may open records in the admin, drafts and unpublished ones included.
ADMIN_PERMISSION = "heritage.view_restorationrecord"


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal (staff only)")


def sees_internal(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm(INTERNAL_PERMISSION))


def sees_unpublished(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm(ADMIN_PERMISSION))


def record_conditions(user) -> dict[str, object]:
    """The field values a record must have for `user` to see it on the site.

    Plain values rather than a Q object, so that the ORM, raw SQL and the Elasticsearch filter
    all build their clause from the same data.
    """
    if sees_internal(user):
        return {"live": True}
    return {"live": True, "visibility": Visibility.PUBLIC.value}


PUBLIC_CONDITIONS = record_conditions(None)


def record_is_public(record) -> bool:
    """Whether anonymous visitors see this record: the same field values, on a record in hand."""
    return all(getattr(record, name) == value for name, value in PUBLIC_CONDITIONS.items())


# --- Files ----------------------------------------------------------------------------------


def _is_document(file) -> bool:
    from wagtail.documents.models import AbstractDocument

    return isinstance(file, AbstractDocument)


def _records_using(file):
    """The restoration records whose saved (live or unpublished) rows use this document or image."""
    from .models import RestorationRecord

    if _is_document(file):
        return RestorationRecord.objects.filter(documents__document=file)
    return RestorationRecord.objects.filter(images__image=file)


# Where a record's revision content (modelcluster's serialisation) lists its files.
DRAFT_FILE_LISTS = {"images": "image", "documents": "document"}


def revision_files(content: dict) -> dict[str, set[int]]:
    """The ids of the images and documents a record's revision content attaches."""
    return {
        relation: {row[key] for row in content.get(relation) or () if row.get(key) is not None}
        for relation, key in DRAFT_FILE_LISTS.items()
    }


def _drafts_using(file):
    """The records with an unpublished draft (latest revision not yet published) attaching this file."""
    from django.db import connection

    from .models import RestorationRecord

    relation = "documents" if _is_document(file) else "images"
    drafts = RestorationRecord.objects.filter(has_unpublished_changes=True, latest_revision__isnull=False)
    if connection.features.supports_json_field_contains:  # PostgreSQL: the database looks into the JSON
        lookup = f"latest_revision__content__{relation}__contains"
        return drafts.filter(**{lookup: [{DRAFT_FILE_LISTS[relation]: file.pk}]})
    ids = [
        pk
        for pk, content in drafts.values_list("pk", "latest_revision__content")
        if file.pk in revision_files(content or {})[relation]
    ]
    return RestorationRecord.objects.filter(pk__in=ids)


def _used_elsewhere(file) -> bool:
    """Whether anything but a restoration record (a page, its gallery, a block) uses the file."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    from .models import RestorationRecord

    records = ContentType.objects.get_for_model(RestorationRecord)
    return ReferenceIndex.get_references_to(file).exclude(base_content_type=records).exists()


class FileAccess(enum.StrEnum):
    PUBLIC = "public"  # anyone; caches may keep it
    PRIVATE = "private"  # this user, not the public: no shared cache may keep it
    REFUSED = "refused"


def file_access(user, file) -> FileAccess:
    """What `user` may do with a document or image (an original or any of its renditions)."""
    records = _records_using(file)
    if records.filter(**PUBLIC_CONDITIONS).exists() or _used_elsewhere(file):
        return FileAccess.PUBLIC
    if not records.exists() and not _drafts_using(file).exists():
        return FileAccess.PUBLIC
    if sees_unpublished(user) or records.filter(**record_conditions(user)).exists():
        return FileAccess.PRIVATE
    return FileAccess.REFUSED
