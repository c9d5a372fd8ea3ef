"""A translated page's texts as its reader gets them, for the templates (docs/translation.md).

`page_texts(page)` tells, field by field, which text of a translation is not translated yet, and
gives instead the text the reader reads next: another translation's where the reader reads that
language before the original's (a Korean page shows the English text, heritage.labels.reading_order),
else the original's; each a labels.Text marked as a fallback, with its language.
"""

from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

from .labels import Text, reading_order
from .translation import default_language


def _record_of(page) -> Translation | None:
    return (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .select_related("source__locale")
        .first()
    )


def untranslated_paths(page) -> set[str]:
    """Segment paths of the strings of `page` (a translation) with no translation into its locale.

    Empty for an original. A path is a field name ("intro"), a child item's field
    ("gallery_images.<translation_key>.caption") or a StreamField block ("body.<block id>").
    """
    record = _record_of(page)
    return _untranslated(record) if record is not None else set()


def _untranslated(record: Translation) -> set[str]:
    segments = StringSegment.objects.filter(source=record.source).annotate_translation(record.target_locale)
    return {path for path, text in segments.values_list("context__path", "translation") if text is None}


@dataclass(frozen=True)
class BlockText(Text):
    """A StreamField block's Text with `block`, the block to render: the page's own, or the block of
    the translation the reader reads first (`{% include_block bt.block %}`)."""

    block: object = None


class PageTexts:
    """The translatable texts of a page as the reader gets them, each a labels.Text.

    `texts["intro"]` is the page's intro in the page's language, or, when that string is not
    translated yet, the text the reader reads next with `fallback` set, for `lang_attr` and
    `untranslated` (heritage_tags): another translation's where the reader reads that language
    before the original's (a Korean page shows the English text: labels.reading_order), else the
    original's. `texts.of(item, "caption")` does the same for a child item (a gallery picture),
    `texts.block(block)` for a body block.
    """

    def __init__(self, page, *, lang: str, original_lang: str = "", pending: set[str] = frozenset(), instead=None):
        self.page = page
        self.lang = lang
        self.original_lang = original_lang
        self.pending = pending
        # (translation, its language, its untranslated paths): read before the original's text.
        self.instead = instead
        self._items = {}

    @staticmethod
    def _is_pending(pending, path: str) -> bool:
        return any(p == path or p.startswith(f"{path}.") for p in pending)

    def _text(self, path: str, value, read=None) -> Text:
        """`value` (this page's text at `path`), or, untranslated, what `read(other)` finds in the
        translation the reader reads first, else the original's text."""
        value = "" if value is None else value
        if not (self.pending and self._is_pending(self.pending, path)):
            return Text(value, self.lang)
        other = self._reads_instead(path)
        found = read(other) if other is not None and read is not None else None
        if found is not None:
            return Text(found, self.instead[1], fallback=True)
        return Text(value, self.original_lang, fallback=True)

    def _reads_instead(self, path: str):
        """The translation the reader reads before the original, when `path` is translated there."""
        if self.instead and not self._is_pending(self.instead[2], path):
            return self.instead[0]
        return None

    def _item(self, page, relation: str, key):
        """The child item of `page` (the other translation) paired with this page's by translation key."""
        if relation not in self._items:
            self._items[relation] = {item.translation_key: item for item in getattr(page, relation).all()}
        return self._items[relation].get(key)

    @staticmethod
    def _block(stream, block_id):
        for block in stream or []:
            if block.id == block_id:
                return block
        return None

    def __getitem__(self, name: str) -> Text:
        return self._text(name, getattr(self.page, name, ""), lambda other: getattr(other, name, None))

    def of(self, item, field: str) -> Text:
        relation = item._meta.get_field("page").remote_field.related_name
        key = getattr(item, "translation_key", None)

        def read(other):
            paired = self._item(other, relation, key)
            return getattr(paired, field, None) if paired is not None else None

        return self._text(f"{relation}.{key}.{field}", getattr(item, field, ""), read)

    def block(self, block, *, item=None, field: str = "body") -> "BlockText":
        """A StreamField block of the page's `body`, or of a child item's `field` (a tour stop's
        narrative), with the block to render: its own, or the translation's the reader reads first."""
        if item is None:
            path = f"{field}.{block.id}"

            def paired_block(other):
                return self._block(getattr(other, field), block.id)
        else:
            relation = item._meta.get_field("page").remote_field.related_name
            key = getattr(item, "translation_key", None)
            path = f"{relation}.{key}.{field}.{block.id}"

            def paired_block(other):
                paired = self._item(other, relation, key)
                return self._block(getattr(paired, field), block.id) if paired is not None else None

        def read(other):
            found = paired_block(other)
            return str(found.value) if found is not None else None

        text = self._text(path, str(block.value), read)
        read_instead = text.fallback and text.lang != self.original_lang
        shown = paired_block(self._reads_instead(path)) if read_instead else block
        return BlockText(text.text, text.lang, text.fallback, block=shown)

    @property
    def untranslated(self) -> bool:
        return bool(self.pending)


def page_texts(page) -> PageTexts:
    """The page's texts with what is untranslated marked (PageTexts); one set of queries per page,
    and, on a page whose reader reads another translation before the original (Korean: English),
    one more set when something is untranslated."""
    cached = getattr(page, "_heritage_texts", None)
    if cached is not None:
        return cached
    lang = page.locale.language_code if getattr(page, "locale_id", None) else get_language()
    texts = PageTexts(page, lang=lang)
    if getattr(page, "pk", None) and lang != default_language():
        record = _record_of(page)
        if record is not None:
            pending = _untranslated(record)
            original_lang = record.source.locale.language_code
            instead = _read_instead(page, lang, original_lang) if pending else None
            texts = PageTexts(page, lang=lang, original_lang=original_lang, pending=pending, instead=instead)
    page._heritage_texts = texts
    return texts


def _read_instead(page, lang: str, original_lang: str):
    """The live translation of `page` that a reader of `lang` reads before the original, with its
    language and untranslated paths; None when the original comes next (heritage.labels.reading_order)."""
    for code in reading_order(lang)[1:]:
        if code == original_lang:
            return None
        other = Page.objects.live().filter(translation_key=page.translation_key, locale__language_code=code).first()
        if other is not None:
            other = other.specific
            return other, code, untranslated_paths(other)
    return None
