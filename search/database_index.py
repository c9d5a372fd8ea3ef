"""The database search's own index: every live record's folded words and search columns.

Written at save time, in the transaction of the change (search.sync calls `update` from the same
signal handlers that queue Elasticsearch updates, whether or not Elasticsearch is configured),
so the database search (search.backends.database) never folds text per request and always sees
what the database holds. `rebuild` fills it from scratch (`manage.py rebuild_database_index`,
and the migration that created it).

What is searchable is what the Elasticsearch documents copy into `all_text`
(search.documents.SEARCHABLE); the words are cut as the search cuts them (search.params.WORD).
"""

import datetime
import functools
import logging
from collections.abc import Callable, Iterable

from django.db import connection, transaction

from heritage.bulk import sql_insert
from heritage.text import fold_chars

from .documents import SEARCHABLE, record_contents, sample_key
from .models import TERM_SEPARATOR, RecordSearchText, RecordWords
from .params import WORD

logger = logging.getLogger(__name__)

CHUNK = 2000
ANALYZE_AFTER = 1000  # rows written at once (an import) after which SQLite's statistics are renewed
NEVER = datetime.date.max  # a missing start sorts last, oldest first…
ALWAYS = datetime.date.min  # …and newest first
NAME_FIELDS = ("monument.name_vi", "monument.name_en", "monument.other_names")
# The record's own texts, in both languages (cut per record; shared texts are cut once).
OWN_FIELDS = {
    "reference",
    "title",
    "summary",
    "method",
    "component",
    "title_en",
    "summary_en",
    "method_en",
    "component_en",
}
TITLE_FIELDS = ("title", "title_en")  # a word of either title ranks as a title match
# The columns rows_of() gives values for, in its order.
COLUMNS = [
    "record_id",
    "reference",
    "monument",
    "record_type",
    "visibility",
    "start_asc",
    "start_desc",
    "end_latest",
    "sample_key",
    "title_words",
    "name_words",
    "technique_keys",
    "material_keys",
    "partner_keys",
]
WORDS_COLUMNS = ["record_id", "words"]


def _words(text: str) -> list[str]:
    return WORD.findall(fold_chars(text)) if text else []


# Texts shared by many records (a monument's names, a project, a term…) are cut once.
_shared_words = functools.lru_cache(maxsize=4096)(lambda text: tuple(_words(text)))


def _joined(words: list[str]) -> str:
    """Words as stored: ` word word … `, so that a whole word is ` word `."""
    return f" {' '.join(words)} " if words else " "


def _values(content: dict, path: str) -> list[str]:
    value = content
    for key in path.split("."):
        value = (value or {}).get(key)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [str(value)]


def rows_of(content: dict, monument_id: int) -> tuple[tuple, tuple]:
    """The values of one live record's two rows (COLUMNS, WORDS_COLUMNS), from its document's content
    (search.documents.document_content)."""
    words = {}
    for path in SEARCHABLE:
        cut = _words if path in OWN_FIELDS else _shared_words
        words[path] = [word for text in _values(content, path) for word in cut(text)]
    dates = content.get("dates") or {}
    earliest = datetime.date.fromisoformat(dates["gte"]) if dates.get("gte") else None
    latest = datetime.date.fromisoformat(dates["lte"]) if dates.get("lte") else None
    row = (
        content["id"],
        content["reference"],
        monument_id,
        content["record_type"],
        content["visibility"],
        earliest or NEVER,
        earliest or ALWAYS,
        latest,
        sample_key(content["id"]),
        _joined([word for path in TITLE_FIELDS for word in words[path]]),
        _joined([word for path in NAME_FIELDS for word in words[path]]),
        TERM_SEPARATOR.join(content["techniques"]),
        TERM_SEPARATOR.join(content["materials"]),
        TERM_SEPARATOR.join(content["partners"]),
    )
    return row, (content["id"], _joined([word for path in SEARCHABLE for word in words[path]]))


def _write(pairs: Iterable[tuple[tuple, tuple]]) -> int:
    pairs = list(pairs)
    sql_insert(RecordSearchText, COLUMNS, [row for row, _words in pairs])
    return sql_insert(RecordWords, WORDS_COLUMNS, [words for _row, words in pairs])


def _analyze() -> None:
    """Give the query planner the tables' statistics after a large write, before the next search.

    Without them SQLite takes `visibility = 'public'` for a selective condition and walks that
    index instead of the text index's few matches. PostgreSQL's autovacuum renews its own, but a
    minute or more after the write, and the searches in between were planned for the archive
    before the import. (SQLite's words are an FTS5 table, which keeps its own statistics.)
    """
    tables = {"sqlite": [RecordSearchText], "postgresql": [RecordSearchText, RecordWords]}
    with connection.cursor() as cursor:
        for model in tables.get(connection.vendor, []):
            cursor.execute(f"ANALYZE {model._meta.db_table}")


def update(ids: Iterable[int]) -> None:
    """Make these records' rows equal to the database: rewritten if live, removed if not (or gone)."""
    ids = sorted({int(pk) for pk in ids if pk is not None})
    if len(ids) >= ANALYZE_AFTER:
        transaction.on_commit(_analyze)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        with transaction.atomic():
            RecordWords.objects.filter(record_id__in=chunk).delete()
            RecordSearchText.objects.filter(record_id__in=chunk).delete()
            _write(rows_of(*item) for item in record_contents(chunk, chunk_size=CHUNK))


def rebuild(progress: Callable[[int], None] | None = None) -> int:
    """Rewrite every row from the records; returns how many live records were written."""
    written = 0
    with transaction.atomic():
        RecordWords.objects.all().delete()
        RecordSearchText.objects.all().delete()
        batch = []
        for item in record_contents(chunk_size=CHUNK):
            batch.append(rows_of(*item))
            if len(batch) == CHUNK:
                written += _write(batch)
                batch = []
                if progress:
                    progress(written)
        written += _write(batch)
    _analyze()
    if progress:
        progress(written)
    return written
