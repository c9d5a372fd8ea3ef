"""Translation of the archive's pages with wagtail-localize (docs/translation.md, "Pages").

The original of a page is in the default locale (Vietnamese); each translation is a page of its
own, made and kept by wagtail-localize from the original's facts (synchronised fields, named in
each model's `override_translatable_fields`) and its translated strings.

- Creating: `translations_create` makes an original's translations through wagtail-localize and
  publishes them at once (services, the demo loader and the artefact import use it).
- Following the original: when an original is published, `translations_sync` copies its facts to
  every translation and publishes them, after the publishing transaction commits, through the
  `translations_sync_task` task (heritage/tasks.py). wagtail-localize alone waits for a curator's
  "Sync translated pages". A sync that fails is logged and kept as a PendingTranslationSync row,
  retried by `manage.py translations retry` (and the worker), never lost.
- Titles: a monument's or an artefact's title in a language is its name in that language, a fact;
  `_titles_from_names` writes it as the title's translation unless a curator wrote another.
- Adoption: `translation_adopt` puts a pair made by Wagtail's copy_for_translation (databases from
  before wagtail-localize) under wagtail-localize, keeping the translation's text as its strings.
- Withdrawing: unpublishing, moving or deleting an original in the admin does the same to its
  translations (`translations_to_cascade`, a Wagtail hook).
- Untranslated text: heritage.page_texts tells the templates, field by field, which text of a
  translation is not translated yet, and what the reader gets instead.
"""

import json
import logging
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page
from wagtail.signals import page_published
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .labels import ARCHIVE_LANGUAGES, name_in

logger = logging.getLogger(__name__)

NAME_TOOL = "heritage: name"
"""tool_name of the title translations written from a page's names (a curator's own title is kept)."""
ERROR_LENGTH = 2000


def default_locale() -> Locale:
    return Locale.get_default()


def default_language() -> str:
    """The default locale's language code, without reading it (Locale.get_default's rule)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _names(page) -> tuple[str, str] | None:
    """A monument's or an artefact's Vietnamese and English names; None for other pages."""
    if hasattr(page, "name_vi"):
        return page.name_vi, page.name_en
    if hasattr(page, "title_vi"):
        return page.title_vi, page.title_en
    return None


# --- Creating and following ------------------------------------------------------------


def translations_create(original: Page, *, locales: Iterable[Locale], user=None) -> list[Page]:
    """`original`'s translations into `locales` through wagtail-localize, published at once when the
    original is live; existing ones are brought up to date. Returns the translated pages."""
    original = original.specific
    source, _created = TranslationSource.update_or_create_from_instance(original)
    records = []
    for locale in locales:
        if locale.pk == original.locale_id:
            continue
        record, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        records.append(record)
    _titles_from_names(original, source, [record.target_locale for record in records])
    return [_save(record, original=original, user=user) for record in records]


def translations_sync(*, instance: Page, user=None, force: bool = False) -> list[Page]:
    """Bring every enabled translation of `instance` (an original) up to date with its current content
    and publish it. Returns the pages saved; [] when `instance` is nobody's original or all were up to
    date (`force` saves them anyway).

    Untranslated strings show the original's text (wagtail-localize's fallback), which the
    templates mark (heritage.page_texts).
    """
    original = instance.specific
    source = TranslationSource.objects.get_for_instance_or_none(original)
    if source is None:
        return []
    if not source.translations.filter(enabled=True).exists():
        return []
    content_before = _content(source)
    source, _created = TranslationSource.update_or_create_from_instance(original)
    source_changed = _content(source) != content_before
    records = list(source.translations.filter(enabled=True).select_related("target_locale"))
    _titles_from_names(original, source, [record.target_locale for record in records])
    return [
        _save(record, original=original, user=user)
        for record in records
        if force or not _up_to_date(record, source=source, original=original, source_changed=source_changed)
    ]


def translations_follow(original: Page, *, locales: Iterable[Locale], user=None) -> None:
    """Make `original`'s translations into `locales` follow it now: synced when wagtail-localize keeps
    them, adopted when they were made before it (translation_adopt), created when missing. What the
    services, the demo loader and the artefact import call after publishing an original."""
    original = original.specific
    locales = [locale for locale in locales if locale.pk != original.locale_id]
    managed = set(
        Translation.objects.filter(
            source__object_id=original.translation_key, source__locale_id=original.locale_id, enabled=True
        ).values_list("target_locale_id", flat=True)
    )
    translations_sync(instance=original, user=user)
    missing = []
    for locale in locales:
        existing = original.get_translation_or_none(locale)
        if existing is None:
            missing.append(locale)
        elif locale.pk not in managed:
            translation_adopt(original=original, translation=existing, user=user)
    if missing:
        translations_create(original, locales=missing, user=user)


# A page's bookkeeping, which every publication changes: not what a translation is made from.
BOOKKEEPING = {
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "has_unpublished_changes",
}


def _content(source: TranslationSource) -> dict:
    """A source's content without the page's bookkeeping."""
    content = json.loads(source.content_json)
    return {name: value for name, value in content.items() if name not in BOOKKEEPING}


def _up_to_date(record: Translation, *, source: TranslationSource, original: Page, source_changed: bool) -> bool:
    """True when nothing changed since the translation was last saved: not the source (publishing
    an original again as it was changes nothing), not a translated string, and the translation is
    published as it should be."""
    last = TranslationLog.objects.filter(source=source, locale=record.target_locale).order_by("-created_at").first()
    if last is None or (source_changed and last.created_at < source.last_updated_at):
        return False
    newer_strings = StringTranslation.objects.filter(
        context__object_id=source.object_id, locale=record.target_locale, updated_at__gt=last.created_at
    )
    if newer_strings.exists():
        return False
    target = original.get_translation_or_none(record.target_locale)
    if target is None:
        return False
    return target.live == original.live and not target.has_unpublished_changes


def _save(record: Translation, *, original: Page, user=None) -> Page:
    """Save the translation from its source and its strings; publish it now when the original is live.

    wagtail-localize's own save_target publishes after the transaction commits; publishing here
    makes the translation live in the same transaction as the services that call this.
    """
    with transaction.atomic():
        existing = original.get_translation_or_none(record.target_locale)
        if existing is not None:
            _many_to_many_cleared(original, existing.specific)
        target, _created = record.source.create_or_update_translation(
            record.target_locale, user=user, publish=False, fallback=True, copy_parent_pages=True
        )
        _links_localized(target)
        if original.live:
            target.get_latest_revision().publish(user=user)
            target.refresh_from_db()
    return target


def _links_localized(target) -> None:
    """Point the translation's synchronised links to other pages (an artefact's monument) at those
    pages' translations in its locale, where they exist, in the page and its latest revision."""
    changed = []
    for field in get_translatable_fields(type(target)):
        model_field = field.get_field(type(target))
        if not (field.is_synchronized(target) and isinstance(model_field, models.ForeignKey)):
            continue
        if not issubclass(model_field.related_model, Page):
            continue
        linked = getattr(target, model_field.name)
        if linked is None or linked.locale_id == target.locale_id:
            continue
        local = model_field.related_model.objects.filter(
            translation_key=linked.translation_key, locale_id=target.locale_id
        ).first()
        if local is not None:
            setattr(target, model_field.name, local)
            changed.append(model_field)
    if changed:
        target.save(update_fields=[field.name for field in changed], clean=False)
        revision = target.get_latest_revision()
        for field in changed:
            revision.content[field.name] = getattr(target, field.attname)
        revision.save(update_fields=["content"])


def _many_to_many_cleared(original, target) -> None:
    """Clear a synchronised many-to-many fact (an artefact's materials) that the original has emptied:
    wagtail-localize copies such a list only when it has values."""
    for field in get_translatable_fields(type(original)):
        model_field = field.get_field(type(original))
        if not (field.is_synchronized(original) and isinstance(model_field, models.ManyToManyField)):
            continue
        if not getattr(original, model_field.name).exists() and getattr(target, model_field.name).exists():
            getattr(target, model_field.name).clear()
            target.save(update_fields=[model_field.name], clean=False)


def _titles_from_names(original, source: TranslationSource, locales: Iterable[Locale]) -> None:
    """The title of a monument or an artefact in each locale is its name in that language: written as
    the title's translation (tool NAME_TOOL), unless a curator translated the title otherwise."""
    names = _names(original)
    if names is None:
        return
    segment = (
        StringSegment.objects.filter(source=source, context__path="title").select_related("string", "context").first()
    )
    if segment is None:
        return
    for locale in locales:
        name = name_in(*names, locale.language_code)
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is not None and existing.tool_name != NAME_TOOL:
            continue  # a curator's title
        if not name or name == segment.string.data:
            if existing is not None:
                existing.delete()
            continue
        if existing is None or existing.data != name:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": name,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": NAME_TOOL,
                },
            )


def strings_translate(original: Page, locale: Locale, texts: dict[str, str], *, user=None) -> int:
    """Set the translations into `locale` of `original`'s strings, by segment path ("intro",
    "gallery_images.<key>.caption"), each from the text of a field or a child item as a whole. Returns
    how many changed. Used by the demo loader; curators use wagtail-localize's editor or PO files."""
    source, _created = TranslationSource.update_or_create_from_instance(getattr(original, "specific", original))
    changed = 0
    segments = StringSegment.objects.filter(source=source, context__path__in=list(texts)).select_related(
        "string", "context"
    )
    for segment in segments:
        text = texts[segment.context.path]
        if not text or text == segment.string.data:
            continue
        _current, created_or_changed = _string_set(segment, locale, text, user=user)
        changed += created_or_changed
    return changed


def snippet_translations_save(original, locales: Iterable[Locale], *, user=None) -> list:
    """Make or update the translations of a translatable snippet (a tour's panorama) into `locales`
    from its source and translated strings, as wagtail-localize's "Sync" does; snippets have no
    publication of their own. Returns the translated objects."""
    source, _created = TranslationSource.update_or_create_from_instance(original)
    saved = []
    for locale in locales:
        if locale.pk == original.locale_id:
            continue
        Translation.objects.update_or_create(source=source, target_locale=locale, defaults={"enabled": True})
        target, _created = source.create_or_update_translation(locale, user=user, fallback=True)
        saved.append(target)
    return saved


def _string_set(segment: StringSegment, locale: Locale, data: str, *, user=None) -> tuple[StringTranslation, bool]:
    existing = StringTranslation.objects.filter(
        translation_of=segment.string, locale=locale, context=segment.context
    ).first()
    if existing is not None and existing.data == data:
        return existing, False
    string, _created = StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        defaults={
            "data": data,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": "",
            "last_translated_by": user,
            "has_error": False,
            "field_error": "",
        },
    )
    return string, True


# --- After publishing: the task, pending syncs and retries --------------------------------


def _on_page_published(sender, instance, revision=None, **kwargs):
    """An original was published: sync its translations once the transaction commits (a task)."""
    if not TranslationSource.objects.filter(object_id=instance.translation_key, locale_id=instance.locale_id).exists():
        return  # a translation, or a page nobody translates
    page_id = instance.pk
    user_id = getattr(revision, "user_id", None)
    transaction.on_commit(lambda: sync_enqueue(page_id, user_id), robust=True)


def sync_enqueue(page_id: int, user_id: int | None = None) -> None:
    """Enqueue the sync task; if even that fails, keep the sync as pending."""
    from .tasks import translations_sync_task

    try:
        translations_sync_task.enqueue(page_id, user_id)
    except Exception as error:  # a broken queue must not lose the sync
        logger.exception("Could not enqueue the translation sync of page %s", page_id)
        pending_store(page_id, f"enqueue failed: {error.__class__.__name__}: {error}")


def sync_apply(page_id: int, user_id: int | None = None) -> dict:
    """What the task does: sync the translations of page `page_id`; keep a failure as pending. Never raises."""
    from django.contrib.auth import get_user_model

    from .models import PendingTranslationSync

    started = timezone.now()
    try:
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            PendingTranslationSync.objects.filter(page_id=page_id).delete()
            return {"skipped": 1}
        user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
        saved = translations_sync(instance=page.specific, user=user)
    except Exception as error:  # anything at all: the original's publish stands, the sync waits
        logger.exception("Syncing the translations of page %s failed; kept for a retry", page_id)
        pending_store(page_id, f"{error.__class__.__name__}: {error}")
        return {"pending": 1}
    PendingTranslationSync.objects.filter(page_id=page_id, updated_at__lte=started).delete()
    return {"synced": len(saved)}


def pending_store(page_id: int, error: str) -> None:
    from .models import PendingTranslationSync

    with transaction.atomic():
        row, created = PendingTranslationSync.objects.get_or_create(
            page_id=page_id, defaults={"attempts": 1, "last_error": error[:ERROR_LENGTH]}
        )
        if not created:
            PendingTranslationSync.objects.filter(pk=row.pk).update(
                attempts=F("attempts") + 1, last_error=error[:ERROR_LENGTH], updated_at=timezone.now()
            )


def retry_pending() -> dict:
    """Re-run every pending sync from the pages' current state. Returns counts."""
    from .models import PendingTranslationSync

    result = {"synced": 0, "failed": 0}
    for page_id in list(PendingTranslationSync.objects.order_by("page_id").values_list("page_id", flat=True)):
        outcome = sync_apply(page_id)
        result["failed" if "pending" in outcome else "synced"] += 1
    result["remaining"] = PendingTranslationSync.objects.count()
    return result


# --- Unpublishing, moving and deleting an original -------------------------------------


def translations_to_cascade(pages: list[Page], action: str) -> dict[Page, list[Page]]:
    """The translations an admin action on an original takes along (Wagtail's
    construct_translated_pages_to_cascade_actions hook): unpublishing, moving or deleting the
    Vietnamese original does the same to its translations, which share its facts; so a page
    withdrawn in Vietnamese does not stay public in English. An action on a translation stays on
    that translation."""
    if action not in ("unpublish", "move", "delete"):
        return {}
    default = default_locale()
    cascade = {}
    for page in pages:
        if page.locale_id != default.pk:
            continue
        translations = Page.objects.translation_of(page, inclusive=False).filter(alias_of__isnull=True)
        if action == "unpublish":
            translations = translations.live()
        cascade[page] = list(translations)
    return cascade


def connect() -> None:
    page_published.connect(_on_page_published, dispatch_uid="heritage.translation.page_published")


# --- Adopting pairs made before wagtail-localize --------------------------------------------


def _strings_by_path(instance) -> dict[str, list[str]]:
    """The instance's strings as wagtail-localize extracts them, by segment path, in order."""
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


@transaction.atomic
def translation_adopt(*, original: Page, translation: Page, user=None) -> tuple[Translation, list[str]]:
    """Put an existing translation (made by Wagtail's copy_for_translation) under wagtail-localize,
    keeping its text as translated strings, then save it from its original so that its facts are the
    original's. Returns the Translation and the paths whose text could not be kept (a field whose
    translation has another number of strings than the original: its text stays in the page's
    revisions).

    A string whose translation holds the same text as the original (copied, never translated) stays
    untranslated, so the page marks it.
    """
    original, translation = original.specific, translation.specific
    source, _created = TranslationSource.update_or_create_from_instance(original)
    record, _created = Translation.objects.update_or_create(
        source=source, target_locale=translation.locale, defaults={"enabled": True}
    )
    theirs = _strings_by_path(translation)
    segments = defaultdict(list)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order"):
        segments[segment.context.path].append(segment)
    lost = []
    for path, ours in segments.items():
        texts = theirs.get(path, [])
        if len(texts) != len(ours):
            if texts and [s.string.data for s in ours] != texts:
                lost.append(path)
            continue
        for segment, text in zip(ours, texts, strict=True):
            if text and text != segment.string.data:
                _string_set(segment, translation.locale, text, user=user)
    if lost:
        logger.warning("Page %s: the text of %s was not kept as translations", translation.pk, ", ".join(lost))
    _titles_from_names(original, source, [translation.locale])
    _save(record, original=original, user=user)
    return record, lost


def translations_adopt_all(*, user=None) -> dict:
    """Adopt every pair of the archive's pages not yet under wagtail-localize (`manage.py translations adopt`)."""
    from .models import ArtefactIndexPage, ArtefactPage, HomePage, MonumentIndexPage, MonumentPage

    default = default_locale()
    result = {"adopted": 0, "lost": []}
    for model in (HomePage, MonumentIndexPage, ArtefactIndexPage, MonumentPage, ArtefactPage):
        for original in model.objects.filter(locale=default).order_by("path"):
            managed = set(
                Translation.objects.filter(
                    source__object_id=original.translation_key, source__locale=default
                ).values_list("target_locale_id", flat=True)
            )
            for translation in original.get_translations().exclude(locale_id__in=managed).specific():
                _record, lost = translation_adopt(original=original, translation=translation, user=user)
                result["adopted"] += 1
                result["lost"] += [f"{translation.url_path} {path}" for path in lost]
    return result


# --- The curators' dashboard ---------------------------------------------------------------


def pages_waiting(locale: Locale, *, user=None, limit: int | None = None) -> list[dict]:
    """Pages waiting for translation into `locale`, that `user` may edit: translations with
    untranslated strings (with how many), and originals of the archive's page types with no
    translation into `locale` at all (the home page only, in a language the archive is not kept in).
    Newest change first."""
    from .models import ArtefactIndexPage, ArtefactPage, HomePage, MonumentIndexPage, MonumentPage

    missing = StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale=locale,
                has_error=False,
            )
        )
    )
    rows = []
    records = (
        Translation.objects.filter(target_locale=locale, enabled=True)
        .filter(Exists(missing))
        .select_related("source")
        .order_by("-source__last_updated_at")
    )
    keys = [record.source.object_id for record in records]
    pages = {
        page.translation_key: page for page in Page.objects.filter(translation_key__in=keys, locale=locale).specific()
    }
    for record in records:
        page = pages.get(record.source.object_id)
        if page is None or (user is not None and not page.permissions_for_user(user).can_edit()):
            continue
        total, done = record.get_progress()
        rows.append({"page": page, "translation": page, "missing": total - done, "total": total})

    translated = Page.objects.filter(locale=locale).values("translation_key")
    default = default_locale()
    # The archive is kept in its languages only; another language (Korean) has a home page of its own.
    archive = (MonumentIndexPage, ArtefactIndexPage, MonumentPage, ArtefactPage)
    kept = archive if locale.language_code in ARCHIVE_LANGUAGES else ()
    for model in (HomePage, *kept):
        for page in model.objects.filter(locale=default).exclude(translation_key__in=translated):
            if user is None or page.permissions_for_user(user).can_edit():
                rows.append({"page": page, "translation": None, "missing": None, "total": None})
    return rows[:limit] if limit else rows
