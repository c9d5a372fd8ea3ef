"""Bulk imports from CSV: restoration records and artefacts.

Shared by the import commands and the admin import view. Each import reads the whole file,
checks every row with the rules the admin form applies (plus the CSV's own), and writes
only when every row is valid, in one transaction: a file is imported whole or not at all.
Rows are matched to what is stored by a key (the record's reference, the artefact's
accession number), so importing the same file twice changes nothing the second time.
The specification for curators is docs/data-specification.md.
"""

import codecs
import csv
import functools
import hashlib
import io
import logging
import re
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath, PureWindowsPath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.models import Locale, ModelLogEntry, ReferenceIndex, Revision, TaskState, WorkflowState
from wagtail.search.backends import get_search_backends_with_name

from .bulk import chunks, sql_insert, sql_update
from .labels import name_in
from .models import (
    ArtefactImage,
    ArtefactIndexPage,
    ArtefactPage,
    Condition,
    HeritageImage,
    Licence,
    Material,
    MonumentPage,
    Partner,
    RecordType,
    RestorationRecord,
    Technique,
    Visibility,
)
from .services import DEFAULT_LOCALE, TRANSLATION_LOCALES, vocabulary_terms_ensure
from .spreadsheets import spreadsheet_unsafe
from .text import fold
from .translation import translations_follow

logger = logging.getLogger(__name__)

# Sent once per import, right after the records are written (inside the import's transaction),
# with the primary keys of every record written. Bulk writes send no post_save, so an index that
# follows saves listens here (search.sync: the database index is written in the same transaction).
restoration_records_imported = Signal()

DEFAULT_MAX_FILE_SIZE = 25 * 1024 * 1024
MULTI_VALUE_SEPARATOR = ";"
CHUNK = 500  # rows per bulk statement, and per `__in` lookup (SQLite limits bound parameters)
# Records per call to a Wagtail search backend's add_bulk: the SQLite one rescans its whole table
# (title norms) once per call.
INDEX_CHUNK = 2000

# Term names repeat across thousands of rows.
_fold = functools.lru_cache(maxsize=16384)(fold)

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total); stage is "checking" or "writing"."""


class TqdmProgress:
    """A Progress callback drawing a tqdm bar per stage on `stream` (a terminal; silent otherwise).

    Short files finish before a bar would help, so bars start at `min_rows` rows.
    """

    def __init__(self, stream, *, min_rows: int = 200):
        self.stream = stream
        self.min_rows = min_rows
        self.bar = None
        self.stage = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total < self.min_rows:
            return
        if stage != self.stage:
            from tqdm import tqdm

            self.close()
            self.stage = stage
            self.bar = tqdm(
                total=total,
                desc=stage,
                unit="row",
                file=getattr(self.stream, "_out", self.stream),
                disable=None,
                leave=False,
            )
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def max_file_size() -> int:
    return getattr(settings, "HERITAGE_IMPORT_MAX_FILE_SIZE", DEFAULT_MAX_FILE_SIZE)


class ImportFileError(Exception):
    """The file as a whole cannot be read: nothing in it was checked row by row."""


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self):
        if self.column:
            return f"line {self.line}: {self.column}: {self.message}"
        return f"line {self.line}: {self.message}"


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    errors: list[RowError] = field(default_factory=list)
    submitted: int = 0  # drafts submitted to the review workflow

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        counts = f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}"
        if self.dry_run:
            return _("dry run: would have %(counts)s") % {"counts": counts}
        return counts


# --- Reading the file ------------------------------------------------------------------


@dataclass
class CsvRow:
    line: int
    cells: dict[str, str]
    problem: str = ""  # set when the row cannot be read as cells of the header's columns


def file_read(path: str | Path) -> bytes:
    """The bytes of an import file, refusing a missing or oversized one before reading it."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(_("There is no file %(path)s.") % {"path": path})
    size = path.stat().st_size
    limit = max_file_size()
    if size > limit:
        raise ImportFileError(_too_big(size, limit))
    return path.read_bytes()


def _too_big(size: int, limit: int) -> str:
    return _("The file is %(size)s MB; the limit is %(limit)s MB. Split it into smaller files.") % {
        "size": f"{size / 1024 / 1024:.1f}",
        "limit": f"{limit / 1024 / 1024:.1f}",
    }


def _decode(data: bytes) -> str:
    if len(data) > max_file_size():
        raise ImportFileError(_too_big(len(data), max_file_size()))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFileError(_("The file is UTF-16 text; save it as “CSV UTF-8” instead."))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if b"\x00" in data:
        raise ImportFileError(_("This is not a CSV file: it contains binary data."))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            _("The file is not UTF-8 text (line %(line)s, byte 0x%(byte)02X); save it as “CSV UTF-8”.")
            % {"line": line, "byte": data[error.start]}
        ) from error


def csv_rows(data: bytes, *, columns: Iterable[str], optional: Iterable[str] = ()) -> list[CsvRow]:
    """The data rows of a UTF-8 CSV file whose header names exactly `columns` (plus any of `optional`).

    Line numbers are physical lines of the file, the header being line 1; a row whose quoted
    cell spans several lines is numbered by its first line. Blank lines are skipped.
    """
    text = _decode(data)
    columns, optional = list(columns), list(optional)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
        header = [name.strip().lower() for name in header]
        known = set(columns) | set(optional)
        missing = [name for name in columns if name not in header]
        unknown = [name for name in header if name not in known]
        duplicated = sorted({name for name in header if header.count(name) > 1})
        if len(header) == 1 and (";" in header[0] or "\t" in header[0]):
            raise ImportFileError(_("line 1: columns must be separated by commas, not semicolons or tabs."))
        problems = []
        if missing:
            problems.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
        if unknown:
            problems.append(_("unknown columns: %(names)s") % {"names": ", ".join(n or '""' for n in unknown)})
        if duplicated:
            problems.append(_("repeated columns: %(names)s") % {"names": ", ".join(duplicated)})
        if problems:
            raise ImportFileError(
                _("line 1: the header does not match the specification (%(problems)s). Expected: %(expected)s.")
                % {"problems": "; ".join(problems), "expected": ", ".join(columns)}
            )
        rows = []
        previous_end = reader.line_num
        for cells in reader:
            line = previous_end + 1
            previous_end = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                problem = _("the row has %(cells)s cells but the header has %(columns)s.") % {
                    "cells": len(cells),
                    "columns": len(header),
                }
                rows.append(CsvRow(line, {}, problem))
                continue
            rows.append(
                CsvRow(line, {name: spreadsheet_unsafe(cell.strip()) for name, cell in zip(header, cells, strict=True)})
            )
    except csv.Error as error:
        raise ImportFileError(
            _("This is not a readable CSV file (line %(line)s: %(error)s).") % {"line": reader.line_num, "error": error}
        ) from error
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    if not rows:
        raise ImportFileError(_("The file has a header but no rows."))
    return rows


def _split_terms(text: str) -> list[str]:
    """`;`-separated names, trimmed, without empties or repeats (compared folded)."""
    names, seen = [], set()
    for part in text.split(MULTI_VALUE_SEPARATOR):
        name = " ".join(part.split())
        if name and _fold(name) not in seen:
            seen.add(_fold(name))
            names.append(name)
    return names


def _report_progress(progress: Progress | None, stage: str, done: int, total: int, every: int = 250):
    if progress and (done % every == 0 or done == total):
        progress(stage, done, total)


def _messages(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {name: list(ValidationError(errors).messages) for name, errors in error.error_dict.items()}
    return {NON_FIELD_ERRORS: list(error.messages)}


# --- Matching monuments ------------------------------------------------------------------


class MonumentMatcher:
    """Finds default-locale monuments by slug, Vietnamese or English name, ignoring case and diacritics.

    A slug is an identifier, so an exact slug wins over a name that happens to fold the same.
    """

    def __init__(self):
        self.by_slug: dict[str, int] = {}
        self.by_name: dict[str, set[int]] = defaultdict(set)
        self.slugs: dict[int, str] = {}
        monuments = MonumentPage.objects.filter(locale__language_code=DEFAULT_LOCALE).values_list(
            "pk", "slug", "name_vi", "name_en"
        )
        for pk, slug, name_vi, name_en in monuments:
            self.slugs[pk] = slug
            self.by_slug[fold(slug)] = pk
            for name in (name_vi, name_en):
                if fold(name):
                    self.by_name[fold(name)].add(pk)

    def match(self, text: str) -> int:
        key = fold(text)
        if key in self.by_slug:
            return self.by_slug[key]
        found = self.by_name.get(key, set())
        if len(found) == 1:
            return next(iter(found))
        if found:
            raise ValidationError(
                _("“%(text)s” names several monuments (%(slugs)s); use the slug.")
                % {"text": text, "slugs": ", ".join(sorted(self.slugs[pk] for pk in found))}
            )
        raise ValidationError(
            _("no monument is called “%(text)s”; use a monument's slug, Vietnamese or English name.") % {"text": text}
        )


@functools.cache
def _codes(choices) -> tuple[str, ...]:
    return tuple(choices.values)  # `.values` builds a new list on every access


def _choice(text: str, choices, *, required: bool) -> str:
    value = text.strip().lower()
    if not value and not required:
        return ""
    codes = _codes(choices)
    if value not in codes:
        if not value:
            raise ValidationError(_("required; use one of %(values)s.") % {"values": ", ".join(codes)})
        raise ValidationError(_("“%(text)s” is not one of %(values)s.") % {"text": text, "values": ", ".join(codes)})
    return value


def _attempt(errors: dict, column: str, convert, *args, **kwargs):
    """`convert(*args, **kwargs)`, or None with its messages added to `errors[column]`."""
    try:
        return convert(*args, **kwargs)
    except ValidationError as error:
        errors.setdefault(column, []).extend(error.messages)
        return None


# --- Restoration records -------------------------------------------------------------------

RESTORATION_COLUMNS = (
    "reference",
    "monument",
    "title",
    "record_type",
    "start",
    "end",
    "techniques",
    "materials",
    "partners",
    "funder",
    "budget",
    "currency",
    "condition_before",
    "condition_after",
    "summary",
    "visibility",
)
# English twins of the texts above (docs/translation.md): optional in a file; when a file has no such
# column, the stored text is kept. Exports carry them, after the required columns.
RESTORATION_OPTIONAL_COLUMNS = ("title_en", "funder_en", "summary_en")
RESTORATION_EXPORT_COLUMNS = RESTORATION_COLUMNS + RESTORATION_OPTIONAL_COLUMNS
RESTORATION_SCALARS = (
    "title",
    "monument_id",
    "record_type",
    "start",
    "end",
    "funder",
    "budget",
    "currency",
    "condition_before",
    "condition_after",
    "summary",
    "visibility",
    *RESTORATION_OPTIONAL_COLUMNS,
)
VOCABULARIES = {"techniques": Technique, "materials": Material, "partners": Partner}
# Foreign keys are excluded from full_clean(): each would cost a query per row, and the import
# resolves the monument itself; the others keep their stored values.
RESTORATION_CLEAN_EXCLUDE = [
    "techniques",
    "materials",
    "partners",
    "monument",
    "artefact",
    "project",
    "latest_revision",
    "live_revision",
    "locked_by",
]


@dataclass
class RecordPlan:
    line: int
    record: RestorationRecord
    terms: dict[str, list[str]]  # vocabulary column -> names
    is_new: bool
    stored_str: str = ""  # str() of the stored record, when it has a revision: a rename is logged against it


def _budget(text: str) -> Decimal | None:
    if not text:
        return None
    digits = text[1:] if text.startswith("-") else text
    integer, _dot, fraction = digits.partition(".")
    if not (integer.isascii() and integer.isdigit()) or (_dot and not (fraction.isascii() and fraction.isdigit())):
        raise ValidationError(
            _("“%(text)s” is not an amount: write digits with an optional decimal point, e.g. 1200000 or 1200000.50.")
            % {"text": text}
        )
    try:
        return Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the check above admits only valid decimals
        raise ValidationError(_("“%(text)s” is not an amount.") % {"text": text}) from error


def _term_keys(records_terms) -> dict[str, set[str]]:
    return {column: {_fold(name) for name in names} for column, names in records_terms.items()}


def _stored_terms(record_ids: list[int]) -> dict[int, dict[str, set[str]]]:
    """Folded term keys per record and vocabulary column, read with one query per column and chunk."""
    stored = defaultdict(lambda: {column: set() for column in VOCABULARIES})
    for column in VOCABULARIES:
        m2m = RestorationRecord._meta.get_field(column)
        through = m2m.remote_field.through
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        for chunk in chunks(record_ids, CHUNK):
            rows = through.objects.filter(**{f"{source}__in": chunk}).values_list(source, f"{target}__key")
            for record_id, key in rows:
                stored[record_id][column].add(key)
    return stored


def _draft_in_review_matches(record: RestorationRecord, terms: dict[str, list[str]]) -> bool:
    """Whether `record` (its fields set from a row) has a draft in review that says what the row says:
    importing the same file for review again then leaves it "unchanged" instead of submitting it anew."""
    if not record.has_unpublished_changes or not record.workflow_in_progress:
        return False
    draft = record.latest_revision.as_object()
    draft_terms = {column: {term.key for term in getattr(draft, column).all()} for column in VOCABULARIES}
    same_fields = all(getattr(draft, name) == getattr(record, name) for name in RESTORATION_SCALARS)
    return same_fields and _term_keys(terms) == draft_terms


def restorations_import(
    *, data: bytes, user=None, dry_run: bool = False, publish: bool = True, progress: Progress | None = None
) -> ImportReport:
    """Import restoration records from CSV bytes: every row valid, or nothing written.

    With `publish`, the records are published at once; without, each row is saved as a draft
    (a new revision, the live version untouched) and submitted to the records' review workflow.
    Raises ImportFileError when the file cannot be read at all; row problems are in the report.
    """
    rows = csv_rows(data, columns=RESTORATION_COLUMNS, optional=RESTORATION_OPTIONAL_COLUMNS)
    report = ImportReport(rows=len(rows), dry_run=dry_run)
    plans = _restorations_check(rows, report, user=user, progress=progress, publish=publish)
    if report.errors or dry_run:
        if report.errors:
            report.created = report.updated = report.unchanged = 0
        return report
    written = _restorations_write(plans, user=user, progress=progress, publish=publish)
    report.submitted = len(written) if not publish and _review_workflow() else 0
    transaction.on_commit(lambda: restoration_records_index_task.enqueue(written))
    # Other indexes (the search app's) hear of the import now, whatever Wagtail's indexing does.
    restoration_records_imported.send(sender=RestorationRecord, pks=written)
    return report


def _restorations_check(
    rows: list[CsvRow], report: ImportReport, *, user, progress, publish: bool = True
) -> list[RecordPlan]:
    monuments = MonumentMatcher()
    references = [row.cells.get("reference", "") for row in rows]
    existing: dict[str, RestorationRecord] = {}
    for chunk in chunks([r for r in set(references) if r], CHUNK):
        for record in RestorationRecord.objects.filter(reference__in=chunk).select_related("locked_by"):
            existing[record.reference] = record
    stored_terms = _stored_terms([record.pk for record in existing.values()])
    first_line: dict[str, int] = {}
    plans = []

    for done, row in enumerate(rows, start=1):
        _report_progress(progress, "checking", done, len(rows))
        if row.problem:
            report.errors.append(RowError(row.line, "", row.problem))
            continue
        cells = row.cells
        errors: dict[str, list[str]] = {}

        attempt = functools.partial(_attempt, errors)

        reference = cells["reference"]
        if reference in first_line:
            errors["reference"] = [
                _("“%(reference)s” already appears on line %(line)s.")
                % {"reference": reference, "line": first_line[reference]}
            ]
        elif reference:
            first_line[reference] = row.line

        monument_id = None
        if cells["monument"]:
            monument_id = attempt("monument", monuments.match, cells["monument"])
        else:
            errors["monument"] = [_("required: a monument's slug, Vietnamese or English name.")]
        values = {
            "title": cells["title"],
            "monument_id": monument_id,
            "record_type": attempt("record_type", _choice, cells["record_type"], RecordType, required=True),
            "start": cells["start"],
            "end": cells["end"],
            "funder": cells["funder"],
            "budget": attempt("budget", _budget, cells["budget"]),
            "currency": cells["currency"],
            "condition_before": attempt(
                "condition_before", _choice, cells["condition_before"], Condition, required=False
            ),
            "condition_after": attempt("condition_after", _choice, cells["condition_after"], Condition, required=False),
            "summary": cells["summary"],
            "visibility": attempt("visibility", _choice, cells["visibility"], Visibility, required=True),
        }
        # An English column the file does not have leaves the stored text as it is.
        values.update({name: cells[name] for name in RESTORATION_OPTIONAL_COLUMNS if name in cells})
        terms = {column: _split_terms(cells[column]) for column in VOCABULARIES}
        for column, names in terms.items():
            too_long = [name for name in names if len(name) > 255]
            if too_long:
                errors.setdefault(column, []).append(
                    _("“%(name)s…” is longer than 255 characters.") % {"name": too_long[0][:40]}
                )

        record = existing.get(reference)
        is_new = record is None
        if is_new:
            record = RestorationRecord(reference=reference)
            stored = None
        else:
            stored = {name: getattr(record, name) for name in RESTORATION_SCALARS}
            stored_str = str(record) if record.latest_revision_id is not None else ""
        for name, value in values.items():
            # A value the CSV checks refused stays out of the model check, which would only repeat it.
            setattr(record, name, value if value is not None or name in ("budget", "monument_id") else "")
        try:
            record.full_clean(exclude=RESTORATION_CLEAN_EXCLUDE, validate_unique=False)
        except ValidationError as error:
            for name, messages in _messages(error).items():
                column = "" if name == NON_FIELD_ERRORS else name
                if column not in errors:
                    errors[column] = messages

        if not is_new and not errors:
            unchanged = (
                record.live
                and not record.has_unpublished_changes
                and record.live_revision_id is not None
                and all(getattr(record, name) == stored[name] for name in RESTORATION_SCALARS)
                and _term_keys(terms) == stored_terms[record.pk]
            ) or (not publish and _draft_in_review_matches(record, terms))
            if unchanged:
                report.unchanged += 1
                continue
            if record.locked and (user is None or record.locked_by_id != user.pk):
                errors["reference"] = [
                    _("“%(reference)s” is locked in the admin by %(user)s; unlock it before importing.")
                    % {"reference": reference, "user": record.locked_by or _("another user")}
                ]

        if errors:
            order = {name: index for index, name in enumerate(("",) + RESTORATION_EXPORT_COLUMNS)}
            for column in sorted(errors, key=lambda name: order.get(name, len(order))):
                for message in errors[column]:
                    report.errors.append(RowError(row.line, column, message))
            continue
        if is_new:
            report.created += 1
        else:
            report.updated += 1
        plans.append(RecordPlan(row.line, record, terms, is_new, "" if is_new else stored_str))
    return plans


def _revision_content(record: RestorationRecord, published_at: tuple) -> dict:
    """The record's serialised content with `published_at` (first, last) as its publication dates."""
    stamped = record.first_published_at, record.last_published_at
    record.first_published_at, record.last_published_at = published_at
    try:
        return record.serializable_data()
    finally:
        record.first_published_at, record.last_published_at = stamped


@transaction.atomic
def _restorations_write(plans: list[RecordPlan], *, user, progress, publish: bool = True) -> list[int]:
    """Write checked records as published, the way Wagtail's publish action leaves them, in bulk;
    or, without `publish`, as drafts submitted for review, as the admin's "Submit for moderation" does.

    RevisionMixin.save_revision() and publish() cost a dozen queries per record; this writes the
    same rows (record, revision, log entries, M2M, reference index) with a few bulk statements.
    A draft of a stored record is a new revision only: the record's row, its terms and its live
    version stay as they are until a reviewer publishes the revision.
    Nothing here sends post_save: the search index is updated after commit (restoration_records_index_task).
    """
    total = len(plans)
    if not total:
        return []
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(RestorationRecord, for_concrete_model=False)
    base_content_type = RestorationRecord.get_base_content_type()
    _report_progress(progress, "writing", 0, total, every=1)

    terms_by_key = {}
    for column, model in VOCABULARIES.items():
        names = [name for plan in plans for name in plan.terms[column]]
        terms_by_key[column] = {term.key: term for term in vocabulary_terms_ensure(model, names)} if names else {}

    new = [plan.record for plan in plans if plan.is_new]
    changed = [plan.record for plan in plans if not plan.is_new]
    changed_ids = [record.pk for record in changed]
    # Rows whose content this import rewrites: all of them when publishing, only new ones for drafts.
    rewritten = plans if publish else [plan for plan in plans if plan.is_new]
    rewritten_changed_ids = changed_ids if publish else []
    # Children (images, documents) belong in the revision content; read them once for all records.
    children = {"images": defaultdict(list), "documents": defaultdict(list)}
    for chunk in chunks(changed_ids, CHUNK):
        for name in children:
            related = RestorationRecord._meta.get_field(name).related_model
            for child in related.objects.filter(record_id__in=chunk).order_by("sort_order", "pk"):
                children[name][child.record_id].append(child)

    # Wagtail's save_revision() serialises the record before publish() stamps it: the revision
    # keeps the publication dates the record had before (tests/heritage/test_import_matches_wagtail.py).
    published_before = {}
    for plan in plans:
        record = plan.record
        published_before[id(record)] = (record.first_published_at, record.last_published_at)
        record.set_date_bounds()
        if publish:
            record.live = True
            record.has_unpublished_changes = False
            record.expired = False
            record.first_published_at = record.first_published_at or now
            record.last_published_at = now
        elif plan.is_new:
            record.live = False
            record.has_unpublished_changes = True
            record.expired = False
        for column in VOCABULARIES:
            setattr(record, column, [terms_by_key[column][_fold(name)] for name in plan.terms[column]])
        for name, by_record in children.items():
            setattr(record, name, by_record.get(record.pk, []))

    # New records: insert, then read their keys back by reference (unique, and all ours in this transaction).
    columns = [f.name for f in RestorationRecord._meta.concrete_fields if not f.primary_key]
    fields = [RestorationRecord._meta.get_field(name) for name in columns]
    sql_insert(RestorationRecord, columns, [tuple(f.pre_save(record, True) for f in fields) for record in new])
    by_reference = {record.reference: record for record in new}
    for chunk in chunks(list(by_reference), CHUNK):
        for reference, pk in RestorationRecord.objects.filter(reference__in=chunk).values_list("reference", "pk"):
            by_reference[reference].pk = pk
            by_reference[reference]._state.adding = False
    _report_progress(progress, "writing", len(new), total, every=1)

    # Revisions likewise, their keys read back by object; Revision.created_at is `now` for all of them.
    revision_fields = ["content_type", "base_content_type", "object_id", "user", "created_at", "content", "object_str"]
    user_id = user.pk if user else None
    sql_insert(
        Revision,
        revision_fields,
        [
            (
                content_type.pk,
                base_content_type.pk,
                str(plan.record.pk),
                user_id,
                now,
                _revision_content(plan.record, published_before[id(plan.record)]),
                str(plan.record),
            )
            for plan in plans
        ],
    )
    revision_ids = {}
    for chunk in chunks([str(plan.record.pk) for plan in plans], CHUNK):
        found = Revision.objects.filter(base_content_type=base_content_type, object_id__in=chunk, created_at=now)
        revision_ids.update(found.values_list("object_id", "pk"))
    for plan in plans:
        plan.record.latest_revision_id = revision_ids[str(plan.record.pk)]
        if publish:
            plan.record.live_revision_id = plan.record.latest_revision_id

    sql_update(RestorationRecord, ["latest_revision", "live_revision"], new)
    if not publish:
        for record in changed:
            record.has_unpublished_changes = True
        sql_update(RestorationRecord, ["latest_revision", "has_unpublished_changes"], changed)
    sql_update(
        RestorationRecord,
        [
            *(name.removesuffix("_id") for name in RESTORATION_SCALARS),
            "start_earliest",
            "end_latest",
            "live",
            "has_unpublished_changes",
            "expired",
            "first_published_at",
            "last_published_at",
            "latest_revision",
            "live_revision",
        ],
        changed if publish else [],
    )
    _report_progress(progress, "writing", total * 3 // 4, total, every=1)

    for column in VOCABULARIES:
        m2m = RestorationRecord._meta.get_field(column)
        through = m2m.remote_field.through
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        for chunk in chunks(rewritten_changed_ids, CHUNK):
            through.objects.filter(**{f"{source}__in": chunk}).delete()
        links = [(plan.record.pk, term.pk) for plan in rewritten for term in getattr(plan.record, column).all()]
        sql_insert(through, [source, target], links)

    # The history view lists log entries: creating (or editing) then publishing, as the admin logs them;
    # publishing a record whose title changed logs a rename first, and the publish carries it too.
    def actions(plan):
        label = str(plan.record)
        if not publish:
            return [("wagtail.create" if plan.is_new else "wagtail.edit", {}, True)]
        if plan.stored_str and plan.stored_str != label:
            renamed = {"title": {"old": plan.stored_str, "new": label}}
            return [("wagtail.edit", {}, True), ("wagtail.rename", renamed, False), ("wagtail.publish", renamed, True)]
        return [("wagtail.create" if plan.is_new else "wagtail.edit", {}, True), ("wagtail.publish", {}, True)]

    entries = [
        (
            content_type.pk,
            str(plan.record),
            action,
            data,
            now,
            user_id,
            plan.record.latest_revision_id,
            content_changed,
            False,
            str(plan.record.pk),
        )
        for plan in plans
        for action, data, content_changed in actions(plan)
    ]
    entry_fields = ["content_type", "label", "action", "data", "timestamp", "user", "revision"]
    sql_insert(ModelLogEntry, [*entry_fields, "content_changed", "deleted", "object_id"], entries)

    if ReferenceIndex.is_indexed(RestorationRecord):
        for chunk in chunks([str(pk) for pk in rewritten_changed_ids], CHUNK):
            ReferenceIndex.objects.filter(base_content_type=base_content_type, object_id__in=chunk).delete()
        monument_type_id = ReferenceIndex._get_base_content_type(MonumentPage).id
        monument_hash = ReferenceIndex._get_content_path_hash("monument")

        def outbound(plan):
            # A new record holds one reference, its monument: the CSV sets no other relation,
            # rich text or child. A stored one may have more, so Wagtail's own scan reads it.
            if plan.is_new:
                return [(monument_type_id, str(plan.record.monument_id), "monument", "monument", monument_hash)]
            return [
                (*reference, ReferenceIndex._get_content_path_hash(reference[3]))
                for reference in set(ReferenceIndex._extract_references_from_object(plan.record))
            ]

        references = [
            (content_type.pk, base_content_type.pk, str(plan.record.pk), *reference)
            for plan in rewritten
            for reference in outbound(plan)
        ]
        reference_fields = ["content_type", "base_content_type", "object_id", "to_content_type", "to_object_id"]
        sql_insert(ReferenceIndex, [*reference_fields, "model_path", "content_path", "content_path_hash"], references)

    # Publishing in the admin cancels a record's moderation; so does importing over it. A draft
    # imported over a record in moderation replaces the version under review: submitted anew below.
    for chunk in chunks([str(pk) for pk in changed_ids], CHUNK):
        states = WorkflowState.objects.active().filter(base_content_type=base_content_type, object_id__in=chunk)
        for state in states:
            state.cancel(user=user)
    if not publish:
        _drafts_submit(plans, user=user, now=now, content_type=content_type, base_content_type=base_content_type)

    _report_progress(progress, "writing", total, total, every=1)
    return [plan.record.pk for plan in plans]


def _review_workflow():
    """The active workflow records are submitted to, with its first active task; (None, None) without one."""
    workflow = RestorationRecord.get_default_workflow()
    task = workflow.tasks.filter(active=True).order_by("workflow_tasks__sort_order").first() if workflow else None
    return (workflow, task) if task else None


def _drafts_submit(plans: list[RecordPlan], *, user, now, content_type, base_content_type) -> None:
    """Submit the records' latest revisions to their review workflow, as Workflow.start() does, in bulk:
    a workflow state and its first task's state per record, and the history's "submitted" entry.

    Workflow.start() also sends workflow_submitted and task_submitted, whose receivers e-mail the
    reviewers once per record: a bulk import sends none; reviewers find the records on their
    dashboard (heritage.dashboard).
    """
    found = _review_workflow()
    if not found:
        return
    workflow, task = found
    user_id = user.pk if user else None
    object_ids = [str(plan.record.pk) for plan in plans]
    sql_insert(
        WorkflowState,
        ["content_type", "base_content_type", "object_id", "workflow", "status", "created_at", "requested_by"],
        [
            (content_type.pk, base_content_type.pk, pk, workflow.pk, WorkflowState.STATUS_IN_PROGRESS, now, user_id)
            for pk in object_ids
        ],
    )
    state_ids = {}
    for chunk in chunks(object_ids, CHUNK):
        found_states = WorkflowState.objects.filter(
            base_content_type=base_content_type,
            object_id__in=chunk,
            status=WorkflowState.STATUS_IN_PROGRESS,
            created_at=now,
        )
        state_ids.update(found_states.values_list("object_id", "pk"))
    task_state_type = ContentType.objects.get_for_model(task.specific.get_task_state_class())
    sql_insert(
        TaskState,
        ["workflow_state", "revision", "task", "status", "started_at", "comment", "content_type"],
        [
            (
                state_ids[str(plan.record.pk)],
                plan.record.latest_revision_id,
                task.pk,
                TaskState.STATUS_IN_PROGRESS,
                now,
                "",
                task_state_type.pk,
            )
            for plan in plans
        ],
    )
    task_state_ids = {}
    for chunk in chunks(list(state_ids.values()), CHUNK):
        task_state_ids.update(
            TaskState.objects.filter(workflow_state_id__in=chunk, task=task).values_list("workflow_state_id", "pk")
        )
    states = [WorkflowState(pk=pk, current_task_state_id=task_state_ids[pk]) for pk in state_ids.values()]
    sql_update(WorkflowState, ["current_task_state"], states)

    entries = []
    for plan in plans:
        state_id = state_ids[str(plan.record.pk)]
        data = {
            "workflow": {
                "id": workflow.pk,
                "title": workflow.name,
                "status": WorkflowState.STATUS_IN_PROGRESS,
                "next": {"id": task.pk, "title": task.name},
                "task_state_id": task_state_ids[state_id],
            }
        }
        entries.append(
            (
                content_type.pk,
                str(plan.record),
                "wagtail.workflow.start",
                data,
                now,
                user_id,
                plan.record.latest_revision_id,
                False,
                False,
                str(plan.record.pk),
            )
        )
    entry_fields = ["content_type", "label", "action", "data", "timestamp", "user", "revision"]
    sql_insert(ModelLogEntry, [*entry_fields, "content_changed", "deleted", "object_id"], entries)


@task()
def restoration_records_index_task(pks: list[int]) -> None:
    """Index imported records in Wagtail's search backends."""
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        for chunk in chunks(pks, INDEX_CHUNK):
            try:
                backend.add_bulk(RestorationRecord, list(RestorationRecord.objects.filter(pk__in=chunk)))
            except Exception:
                # An external index must not fail an import that is already committed; a rebuild
                # catches up. A database backend's error is a real one.
                logger.exception("Indexing imported restoration records in %s failed", name)
                if not backend.catch_indexing_errors:
                    raise


# --- Artefacts -----------------------------------------------------------------------------

ARTEFACT_COLUMNS = (
    "accession_number",
    "title_vi",
    "title_en",
    "object_type",
    "materials",
    "date",
    "monument",
    "provenance",
    "description",
    "image",
)
ARTEFACT_OPTIONAL_COLUMNS = ("licence", "credit", "creator")
ARTEFACT_FIELDS = ("accession_number", "title_vi", "title_en", "object_type", "date", "provenance", "description")
IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "tif": "TIFF", "tiff": "TIFF"}


@dataclass
class ImageFile:
    path: Path
    sha1: str
    size: int
    width: int
    height: int


@dataclass
class ArtefactPlan:
    line: int
    page: ArtefactPage
    values: dict
    materials: list[str]
    image: ImageFile | None
    licence: str
    credit: str
    creator: str
    is_new: bool


def image_check(name: str, images_dir: Path | None) -> ImageFile:
    """The image file `name` inside `images_dir`, checked the way the admin's image upload checks it."""
    if images_dir is None:
        raise ValidationError(_("an image is named but no images folder was given (--images DIR)."))
    posix = PurePosixPath(name.replace("\\", "/"))
    if posix.is_absolute() or PureWindowsPath(name).drive or ".." in posix.parts:
        raise ValidationError(
            _("“%(name)s” must be a file name inside the images folder, without “..” or an absolute path.")
            % {"name": name}
        )
    root = images_dir.resolve()
    path = (root / posix).resolve()
    if not path.is_relative_to(root):
        raise ValidationError(_("“%(name)s” leads outside the images folder.") % {"name": name})
    if not path.is_file():
        raise ValidationError(_("there is no file “%(name)s” in the images folder.") % {"name": name})
    extension = path.suffix.lower().lstrip(".")
    if extension not in IMAGE_FORMATS:
        raise ValidationError(
            _("“%(name)s” is not an allowed image type; use %(types)s.")
            % {"name": name, "types": ", ".join(IMAGE_FORMATS)}
        )
    size = path.stat().st_size
    if size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
        raise ValidationError(
            _("“%(name)s” is %(size)s MB; the limit is %(limit)s MB.")
            % {
                "name": name,
                "size": f"{size / 1024 / 1024:.1f}",
                "limit": f"{settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE / 1024 / 1024:.1f}",
            }
        )
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    too_many_pixels = _(
        "“%(name)s” has too many pixels (%(pixels)s; the limit is %(limit)s): it may be a decompression bomb."
    )
    try:
        with warnings.catch_warnings():
            # Pillow warns above the same limit (heritage.apps); the check below says so in our words.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise ValidationError(
                        too_many_pixels % {"name": name, "pixels": f"{width * height:,}", "limit": f"{max_pixels:,}"}
                    )
                if image.format != IMAGE_FORMATS[extension]:
                    raise ValidationError(
                        _("“%(name)s” is a %(actual)s image; its extension says %(expected)s.")
                        % {"name": name, "actual": image.format, "expected": IMAGE_FORMATS[extension]}
                    )
                image.verify()
    except PILImage.DecompressionBombError as error:
        # Pillow refuses outright beyond twice the limit; its message carries the pixel count.
        claimed = re.search(r"\((\d+) pixels\)", str(error))
        pixels = f"{int(claimed[1]):,}" if claimed else "?"
        raise ValidationError(too_many_pixels % {"name": name, "pixels": pixels, "limit": f"{max_pixels:,}"}) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("“%(name)s” is not a valid image (%(error)s).") % {"name": name, "error": error}
        ) from error
    with path.open("rb") as handle:
        sha1 = hashlib.file_digest(handle, "sha1").hexdigest()
    return ImageFile(path=path, sha1=sha1, size=size, width=width, height=height)


def artefacts_import(
    *,
    data: bytes,
    images_dir: str | Path | None = None,
    user=None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import artefacts from CSV bytes, with their images from `images_dir`: every row valid, or nothing written."""
    rows = csv_rows(data, columns=ARTEFACT_COLUMNS, optional=ARTEFACT_OPTIONAL_COLUMNS)
    report = ImportReport(rows=len(rows), dry_run=dry_run)
    # The site tree is set up beforehand (site_tree_ensure(), e.g. by the demo loader), not here:
    # a file with a bad row writes nothing at all.
    index = ArtefactIndexPage.objects.filter(locale__language_code=DEFAULT_LOCALE).first()
    plans = _artefacts_check(
        rows, report, index=index, images_dir=Path(images_dir) if images_dir else None, progress=progress
    )
    if report.errors:
        report.created = report.updated = report.unchanged = 0
        return report
    if dry_run:
        return report
    uploaded: list[str] = []
    try:
        _artefacts_write(plans, index=index, user=user, uploaded=uploaded, progress=progress)
    except BaseException:
        for name in uploaded:
            try:
                default_storage.delete(name)
            except Exception:  # keep the original error; a leftover file is only untidy
                logger.exception("Could not delete %s after a failed import", name)
        raise
    return report


def _artefacts_check(rows, report, *, index, images_dir, progress) -> list[ArtefactPlan]:
    monuments = MonumentMatcher()
    vi = Locale.objects.get(language_code=DEFAULT_LOCALE)
    existing = {
        page.accession_number: page
        for page in ArtefactPage.objects.filter(locale=vi).prefetch_related("images__image", "materials")
    }
    taken_slugs = set(index.get_children().values_list("slug", flat=True)) if index else set()
    first_line: dict[str, int] = {}
    plans = []
    for done, row in enumerate(rows, start=1):
        _report_progress(progress, "checking", done, len(rows), every=25)
        if row.problem:
            report.errors.append(RowError(row.line, "", row.problem))
            continue
        cells = row.cells
        errors: dict[str, list[str]] = {}

        attempt = functools.partial(_attempt, errors)

        accession = cells["accession_number"]
        if accession in first_line:
            errors["accession_number"] = [
                _("“%(number)s” already appears on line %(line)s.")
                % {"number": accession, "line": first_line[accession]}
            ]
        elif accession:
            first_line[accession] = row.line
        if not cells["title_vi"] and not cells["title_en"]:
            errors["title_vi"] = [_("an artefact needs a title: fill title_vi, title_en or both.")]
        location_id = attempt("monument", monuments.match, cells["monument"]) if cells["monument"] else None
        materials = _split_terms(cells["materials"])
        image = attempt("image", image_check, cells["image"], images_dir) if cells["image"] else None
        licence = cells.get("licence", "")
        if licence and licence not in Licence.values:
            matches = [value for value in Licence.values if value.lower() == licence.lower()]
            if matches:
                licence = matches[0]
            else:
                errors["licence"] = [
                    _("“%(text)s” is not one of %(values)s.") % {"text": licence, "values": ", ".join(Licence.values)}
                ]
        for column in ARTEFACT_OPTIONAL_COLUMNS:
            if cells.get(column) and not cells["image"]:
                errors.setdefault(column, []).append(_("describes an image, but the row has none."))
        for column, limit in (("credit", 255), ("creator", 255)):
            if len(cells.get(column, "")) > limit:
                errors.setdefault(column, []).append(_("longer than %(limit)s characters.") % {"limit": limit})

        values = {name: cells[name] for name in ARTEFACT_FIELDS}
        values["location_id"] = location_id
        page = existing.get(accession)
        is_new = page is None
        if is_new:
            slug = base = slugify(accession) or "artefact"
            suffix = 1
            while slug in taken_slugs:
                suffix += 1
                slug = f"{base}-{suffix}"
            taken_slugs.add(slug)
            page = ArtefactPage(slug=slug, locale=vi, live=False)
            if index:
                # Lets Page.clean() find the parent to check the slug, as it will after add_child().
                page.depth = index.depth + 1
                page.path = index.path + "ZZZZ"
        before = None if is_new else _artefact_state(page)
        for name, value in values.items():
            setattr(page, name, value)
        page.title = name_in(values["title_vi"], values["title_en"], DEFAULT_LOCALE)
        try:
            page.full_clean(exclude=["materials", "location", "path", "depth"], validate_unique=False)
        except ValidationError as error:
            for name, messages in _messages(error).items():
                column = "" if name == NON_FIELD_ERRORS else {"title": "title_vi"}.get(name, name)
                if column not in errors:
                    errors[column] = messages
        if index is None and not errors:
            errors[""] = [
                _("there is no Vietnamese artefacts index page to put artefacts under; set up the site first.")
            ]

        if errors:
            order = {name: i for i, name in enumerate(("",) + ARTEFACT_COLUMNS + ARTEFACT_OPTIONAL_COLUMNS)}
            for column in sorted(errors, key=lambda name: order.get(name, len(order))):
                for message in errors[column]:
                    report.errors.append(RowError(row.line, column, message))
            continue
        plan = ArtefactPlan(
            line=row.line,
            page=page,
            values=values,
            materials=materials,
            image=image,
            licence=licence or Licence.ALL_RIGHTS_RESERVED,
            credit=cells.get("credit", ""),
            creator=cells.get("creator", ""),
            is_new=is_new,
        )
        if not is_new and before == _artefact_wanted(plan) and page.live and not page.has_unpublished_changes:
            report.unchanged += 1
            continue
        if is_new:
            report.created += 1
        else:
            report.updated += 1
        plans.append(plan)
    return plans


def _artefact_state(page: ArtefactPage) -> dict:
    """What an import controls on a stored artefact, in a form comparable with _artefact_wanted()."""
    state = {name: getattr(page, name) for name in ARTEFACT_FIELDS}
    state["location_id"] = page.location_id
    state["materials"] = {term.key for term in page.materials.all()}
    state["images"] = {
        item.image.file_hash: (item.image.licence, item.image.credit_line, item.image.creator)
        for item in page.images.all()
    }
    translation = page.get_translation_or_none(Locale.objects.get(language_code=TRANSLATION_LOCALES[0]))
    state["translated"] = bool(translation) and translation.specific.title == name_in(
        page.title_vi, page.title_en, TRANSLATION_LOCALES[0]
    )
    return state


def _artefact_wanted(plan: ArtefactPlan) -> dict:
    state = dict(plan.values)
    state["materials"] = {fold(name) for name in plan.materials}
    # The CSV's image must be among the page's images; others added in the admin are kept.
    stored_images = (
        {
            item.image.file_hash: (item.image.licence, item.image.credit_line, item.image.creator)
            for item in plan.page.images.all()
        }
        if not plan.is_new
        else {}
    )
    if plan.image:
        stored_images = {**stored_images, plan.image.sha1: (plan.licence, plan.credit, plan.creator)}
    state["images"] = stored_images
    state["translated"] = True
    return state


def _artefact_image(plan: ArtefactPlan, *, user, uploaded: list[str], cache: dict[str, HeritageImage]) -> HeritageImage:
    """The stored image with the file's content, uploaded when new, with the row's licence and credit."""
    info = plan.image
    image = cache.get(info.sha1) or HeritageImage.objects.filter(file_hash=info.sha1).order_by("pk").first()
    if image is None:
        image = HeritageImage(
            title=name_in(plan.values["title_vi"], plan.values["title_en"], DEFAULT_LOCALE),
            uploaded_by_user=user,
            width=info.width,
            height=info.height,
            file_size=info.size,
            file_hash=info.sha1,
        )
        with info.path.open("rb") as handle:
            # Through storage, so local files and S3 behave alike; save=False keeps our metadata.
            image.file.save(info.path.name, File(handle), save=False)
        uploaded.append(image.file.name)
        image.width, image.height = info.width, info.height
    changed = image.pk is None or (image.licence, image.credit_line, image.creator) != (
        plan.licence,
        plan.credit,
        plan.creator,
    )
    image.licence, image.credit_line, image.creator = plan.licence, plan.credit, plan.creator
    if changed:
        image.full_clean()
        image.save()
    cache[info.sha1] = image
    return image


def _with_image(page: ArtefactPage, image: HeritageImage) -> None:
    """Puts `image` first among the page's images unless it is already there."""
    current = list(page.images.all())
    if any(item.image_id == image.pk for item in current):
        return
    items = [ArtefactImage(image=image)] + current
    for position, item in enumerate(items):
        item.sort_order = position
    page.images = items


def _publish(page, *, user) -> None:
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)


def _artefacts_write(plans: list[ArtefactPlan], *, index, user, uploaded: list[str], progress) -> None:
    with transaction.atomic():
        names = [name for plan in plans for name in plan.materials]
        terms = {term.key: term for term in vocabulary_terms_ensure(Material, names)} if names else {}
        locales = {code: Locale.objects.get(language_code=code) for code in TRANSLATION_LOCALES}
        images: dict[str, HeritageImage] = {}
        for done, plan in enumerate(plans, start=1):
            page = plan.page
            materials = [terms[fold(name)] for name in plan.materials]
            image = _artefact_image(plan, user=user, uploaded=uploaded, cache=images) if plan.image else None
            if plan.is_new:
                page.path = None
                page.depth = None
                index.add_child(instance=page)
            page.materials = materials
            if image:
                _with_image(page, image)
            _publish(page, user=user)
            page = ArtefactPage.objects.get(pk=page.pk)  # as published, without the unsaved child items
            # The translations follow the original through wagtail-localize: facts copied, the
            # title the artefact's name in their language, text the original's until translated.
            translations_follow(page, locales=locales.values(), user=user)
            _report_progress(progress, "writing", done, len(plans), every=1)
