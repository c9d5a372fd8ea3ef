"""The restoration search service: one interface, two backends.

`restorations_search`, `restorations_suggest` and `restorations_export` answer from our
Elasticsearch index (search/es.py) when `ELASTICSEARCH_URL` is set, from the database
otherwise, with the same parameters (search/params.py), the same semantics and the same
JSON shape; the response's `backend` says which answered.

Semantics shared by both backends:

- Text: every folded word of `q` must occur (as a whole word, case and diacritics ignored) in
  at least one searchable field: title, reference, summary, method, component, funder,
  project, the monument's names (Vietnamese, English, other names), the artefact's number and
  titles, the techniques', materials' and partners' names in both languages.
- Filters: the values of one facet are alternatives (OR), facets combine (AND); `from`/`to`
  keep records whose [earliest day of start, latest day of end or +∞ when ongoing] overlaps
  [from-01-01, to-12-31].
- Facets are counted over the whole filtered result set with "post-filter" semantics: each
  facet's counts apply every filter except its own, so checking a second monument shows how
  many records it would add. The decade facet (of the start year) applies every facet filter;
  `from`/`to` and `q` restrict every facet. At most FACET_SIZE values per facet, the most
  frequent first (decades in order).
- Visibility (heritage.visibility): users without `heritage.view_internal_restorationrecord` see only public
  records, in results, counts, facets, highlights, suggestions and exports alike.

The database fallback cannot fold text in SQL portably (SQLite and PostgreSQL have no common
unaccent), and the heritage models keep no folded column, so it reads the visible records'
facet codes (and, when there is text, their searchable fields) in a fixed number of queries
and matches, counts, sorts and pages in Python with a table-driven fold. That is correct on
every database and fast enough for the thousands of records a small install holds
(production answers from Elasticsearch).
"""

import csv
import datetime
import functools
import logging
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.db.models import Prefetch, Q
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from heritage import visibility
from heritage.importing import RESTORATION_COLUMNS
from heritage.labels import name_in, names_in_order
from heritage.models import Material, MonumentPage, Partner, RecordType, RestorationRecord, Technique
from heritage.spreadsheets import spreadsheet_safe
from heritage.text import _EXTRA

from .documents import label_parts, text_from_html
from .params import FACETS, WORD, QueryError, RestorationQuery, query_words, word_pattern

logger = logging.getLogger(__name__)

FACET_SIZE = 500
DECADE_FACET_SIZE = 1000  # every decade of years 1..9999
SUGGEST_LIMIT = 10
EXPORT_CHUNK = 500  # records read from the database at a time
ES_EXPORT_PAGE = 1000  # ids asked from Elasticsearch at a time
HIGHLIGHT_FRAGMENT = 160  # characters of summary around a match
HIGHLIGHT_FRAGMENTS = 3
RESCORE_WINDOW = 200  # top text matches ranked with ES_RANK_FIELDS too: 10 pages of 20
LABEL_CACHE_SIZE = 8192  # labelled facet values remembered with their label (_es_labelled)
FOLD_CACHE_SIZE = 20_000  # folded field texts the database fallback remembers between searches

VOCABULARY_FIELDS = {"technique": "techniques", "material": "materials", "partner": "partners"}
VOCABULARY_MODELS = {"technique": Technique, "material": Material, "partner": Partner}
# Index fields of the facets (docs/restoration-search.md): filtered on these…
ES_FACET_FIELDS = {
    "monument": "monument.slug",
    "record_type": "record_type",
    "technique": "techniques",
    "material": "materials",
    "partner": "partners",
}
# …and counted on these, which carry each value's labels.
ES_FACET_AGG_FIELDS = {
    "monument": "labels.monument",
    "record_type": "record_type",
    "technique": "labels.techniques",
    "material": "labels.materials",
    "partner": "labels.partners",
}
# What a result shows, read from the document.
ES_RESULT_SOURCE = [
    "reference",
    "title",
    "monument.slug",
    "monument.name_vi",
    "monument.name_en",
    "record_type",
    "start",
    "end",
    "visibility",
    "labels.techniques",
    "labels.materials",
    "labels.partners",
]
# Matching is on all_text (every searchable field, copied); its score is the base of relevance,
# and a match in these fields adds to it with their weight: titles first, then monument names.
ES_RANK_FIELDS = ["title^3", "monument.name_vi^2", "monument.name_en^2", "monument.other_names^2"]


def elasticsearch_enabled() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


# --- Folding, fast ---------------------------------------------------------------------------
# heritage.text.fold is the reference. Folding is per character (NFKD, drop combining marks,
# casefold, plus fold's extra letters such as đ), so a per-character table gives the same
# result with one str.translate, and also tells which original character each folded one
# came from, for highlighting.


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.translate(_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _FoldTable(dict):
    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_chars(text: str) -> str:
    """heritage.text.fold(text) before whitespace is collapsed."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, per folded character, the index of the original character."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    pieces, offsets = [], []
    for index, char in enumerate(text):
        folded = _FOLD_TABLE[ord(char)]
        pieces.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(pieces), offsets


# --- Highlighting (database backend) ---------------------------------------------------------


def _match_spans(text: str, words: set[str]) -> list[tuple[int, int]]:
    if not text or not any(word in _folded_field(text) for word in words):
        return []
    folded, offsets = fold_with_offsets(text)
    spans = []
    for match in WORD.finditer(folded):
        if match.group() in words:
            spans.append((offsets[match.start()], offsets[match.end() - 1] + 1))
    return spans


def _marked(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    end = len(text) if end is None else end
    out, position = [], start
    for left, right in spans:
        if left < start or right > end:
            continue
        out.append(escape(text[position:left]))
        out.append(f"<mark>{escape(text[left:right])}</mark>")
        position = right
    out.append(escape(text[position:end]))
    return "".join(out)


def _fragments(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Up to HIGHLIGHT_FRAGMENTS escaped pieces of `text` around its matches, cut at spaces."""
    if len(text) <= HIGHLIGHT_FRAGMENT:
        return [_marked(text, spans)]
    fragments, covered = [], 0
    for left, right in spans:
        if left < covered:
            continue
        start = max(covered, left - HIGHLIGHT_FRAGMENT // 3)
        if start > 0:
            space = text.find(" ", start, left)
            start = space + 1 if space != -1 else start
        end = min(len(text), start + HIGHLIGHT_FRAGMENT)
        if end < len(text):
            space = text.rfind(" ", right, end)
            end = space if space != -1 else max(end, right)
        fragments.append(_marked(text, spans, start, end).strip())
        covered = end
        if len(fragments) == HIGHLIGHT_FRAGMENTS:
            break
    return fragments


def highlight_record(record, words: set[str]) -> dict[str, list[str]]:
    """{"title": [...], "summary": [...]} for the fields where a word of the query occurs."""
    highlight = {}
    if not words:
        return highlight
    title_spans = _match_spans(record.title, words)
    if title_spans:
        highlight["title"] = [_marked(record.title, title_spans)]
    summary_spans = _match_spans(record.summary, words)
    if summary_spans:
        highlight["summary"] = _fragments(record.summary, summary_spans)
    return highlight


# --- Shared helpers --------------------------------------------------------------------------


def record_url(reference: str, lang: str) -> str:
    return f"/{lang}/restorations/{quote(reference, safe='')}/"


@functools.lru_cache(maxsize=8)
def record_type_labels(lang: str) -> dict[str, str]:
    """Record type code -> label in `lang` (translations do not change while the process runs; do not modify)."""
    with translation.override(lang):
        return {code: str(label) for code, label in RecordType.choices}


def _date_bounds(query: RestorationQuery) -> tuple[datetime.date | None, datetime.date | None]:
    low = datetime.date(query.year_from, 1, 1) if query.year_from is not None else None
    high = datetime.date(query.year_to, 12, 31) if query.year_to is not None else None
    return low, high


def _records_for_display(ids: list[int], user):
    """Records by id, in the given order, with what a result shows, in a fixed number of queries.

    Filtered by visibility again: a stale index must not show what the user may not see.
    """
    records = (
        RestorationRecord.objects.visible_to(user)
        .filter(pk__in=ids)
        .select_related("monument")
        .prefetch_related(
            Prefetch("techniques", queryset=Technique.objects.order_by("key")),
            Prefetch("materials", queryset=Material.objects.order_by("key")),
            Prefetch("partners", queryset=Partner.objects.order_by("key")),
        )
    )
    by_id = {record.pk: record for record in records}
    return [by_id[pk] for pk in ids if pk in by_id]


def _result(record, lang: str, highlight: dict) -> dict:
    monument = record.monument
    return {
        "reference": record.reference,
        "title": record.title,
        "url": record_url(record.reference, lang),
        "monument": {"slug": monument.slug, "name_vi": monument.name_vi, "name_en": monument.name_en},
        "record_type": record.record_type,
        "start": record.start,
        "end": record.end,
        "techniques": [name_in(t.name, t.name_en, lang) for t in record.techniques.all()],
        "materials": [name_in(t.name, t.name_en, lang) for t in record.materials.all()],
        "partners": [name_in(t.name, t.name_en, lang) for t in record.partners.all()],
        "visibility": record.visibility,
        "highlight": highlight,
    }


def _facet_list(counts: Counter, labels: dict[str, str]) -> list[dict]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
    return [{"value": value, "label": labels.get(value, value), "count": count} for value, count in ordered]


def _decade_list(counts: Counter) -> list[dict]:
    ordered = sorted(counts.items(), key=lambda item: int(item[0]))[:DECADE_FACET_SIZE]
    return [{"value": value, "count": count} for value, count in ordered]


def _response(
    backend: str, query: RestorationQuery, count: int, results: list, facets: dict, *, approximate: bool = False
) -> dict:
    return {
        "backend": backend,
        "count": count,
        "page": query.page,
        "page_size": query.page_size,
        "results": results,
        "facets": facets,
        "facets_approximate": approximate,
    }


# --- The public interface --------------------------------------------------------------------


def restorations_search(query: RestorationQuery, *, user, lang: str | None = None) -> dict:
    """One page of results with counts and facets; raises search.es.ElasticsearchUnavailable."""
    lang = lang or query.lang
    if elasticsearch_enabled():
        return _es_search(query, user=user, lang=lang)
    return _db_search(query, user=user, lang=lang)


def restorations_suggest(q: str, *, user, lang: str = "vi") -> list[dict]:
    """Up to 10 completions of `q`: record titles, monument names, technique names.

    Each is {"text", "kind" ("monument" | "technique" | "title"), "value"}: the monument's
    slug, the technique's key or the record's reference, to filter or link with. Every word
    of `q` must begin a word of the completion (folded). Only what comes from records the
    user may see is suggested.
    """
    words = query_words(q)
    if not words:
        return []
    if elasticsearch_enabled():
        candidates = _es_suggest_candidates(words, user=user, lang=lang)
    else:
        candidates = _db_suggest_candidates(user=user, lang=lang)
    return _suggestions_rank(words, candidates)


def restorations_export(query: RestorationQuery, *, user) -> Iterator[list[str]]:
    """Every matching record (not one page) as CSV rows of the import format, the header first.

    Asks the backend for the matching ids before returning, so an unavailable Elasticsearch
    raises here (the API answers 503) rather than in the middle of the download.
    """
    if elasticsearch_enabled():
        ids = _es_export_ids(query, user=user)
    else:
        ids = iter(_db_matching_ids(query, user=user))
    return _export_rows(ids, user=user)


# --- Export ----------------------------------------------------------------------------------


def _export_rows(ids: Iterator[int], *, user) -> Iterator[list[str]]:
    yield list(RESTORATION_COLUMNS)
    chunk = []
    for pk in ids:
        chunk.append(pk)
        if len(chunk) == EXPORT_CHUNK:
            yield from _export_chunk(chunk, user)
            chunk = []
    if chunk:
        yield from _export_chunk(chunk, user)


def _export_chunk(ids: list[int], user) -> Iterator[list[str]]:
    for record in _records_for_display(ids, user):
        yield export_row(record)


def export_row(record) -> list[str]:
    """A record as a row of the import CSV (heritage/importing.py, docs/data-specification.md)."""

    def names(terms):
        return "; ".join(term.name for term in terms.all())

    values = {
        "reference": record.reference,
        "monument": record.monument.slug,
        "title": record.title,
        "record_type": record.record_type,
        "start": record.start,
        "end": record.end,
        "techniques": names(record.techniques),
        "materials": names(record.materials),
        "partners": names(record.partners),
        "funder": record.funder,
        "budget": "" if record.budget is None else format(record.budget, "f"),
        "currency": record.currency,
        "condition_before": record.condition_before,
        "condition_after": record.condition_after,
        "summary": record.summary,
        "visibility": record.visibility,
    }
    return [values[column] for column in RESTORATION_COLUMNS]


class _Echo:
    def write(self, value):
        return value


def csv_lines(rows: Iterator[list[str]]) -> Iterator[str]:
    """CSV text, a line per row, for a streaming response: opened by spreadsheets as it reads back.

    It starts with a byte-order mark (without it, Excel reads UTF-8 as a legacy code page and
    garbles every diacritic), and cells a spreadsheet would run as formulas get an apostrophe
    (heritage.spreadsheets.spreadsheet_safe; the import removes it).
    """
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([spreadsheet_safe(cell) for cell in row])


# --- Suggestions -----------------------------------------------------------------------------

_KIND_ORDER = {"monument": 0, "technique": 1, "title": 2}


def _suggestions_rank(words: tuple[str, ...], candidates) -> list[dict]:
    """The candidates (kind, text, value) every word of which begins a word, best first."""
    found = {}
    for kind, text, value in candidates:
        if not text:
            continue
        folded = fold_chars(text)
        tokens = WORD.findall(folded)
        if not all(any(token.startswith(word) for token in tokens) for word in words):
            continue
        key = " ".join(tokens)
        rank = (
            0 if key.startswith(" ".join(words)) else 1,  # the text itself begins with what was typed
            _KIND_ORDER[kind],
            len(key),
            key,
        )
        if key not in found or rank < found[key][0]:
            found[key] = (rank, {"text": text, "kind": kind, "value": value})
    return [item for _rank, item in sorted(found.values(), key=lambda pair: pair[0])][:SUGGEST_LIMIT]


def _db_suggest_candidates(*, user, lang: str):
    visible = RestorationRecord.objects.visible_to(user)
    for reference, title in visible.values_list("reference", "title"):
        yield "title", title, reference
    monuments = (
        MonumentPage.objects.filter(restoration_records__in=visible.values("pk"))
        .values_list("slug", "name_vi", "name_en")
        .distinct()
    )
    for slug, name_vi, name_en in monuments:
        for name, _code in names_in_order(name_vi, name_en, lang):
            yield "monument", name, slug
    techniques = (
        Technique.objects.filter(records__in=visible.values("pk")).values_list("key", "name", "name_en").distinct()
    )
    for key, name, name_en in techniques:
        for text, _code in names_in_order(name, name_en, lang):
            yield "technique", text, key


# --- Database backend ------------------------------------------------------------------------

# Searchable fields read from the database, with their weight in relevance.
_DB_TEXT_FIELDS = {
    "title": 3.0,
    "reference": 1.0,
    "summary": 1.0,
    "method": 1.0,
    "component": 1.0,
    "funder": 1.0,
    "project__name": 1.0,
    "monument__name_vi": 2.0,
    "monument__name_en": 2.0,
    "monument__other_names": 2.0,
    "artefact__accession_number": 1.0,
    "artefact__title_vi": 1.0,
    "artefact__title_en": 1.0,
}


class _Row:
    __slots__ = ("pk", "reference", "monument", "record_type", "start", "facets", "score", "texts")

    def __init__(self, pk, reference, monument, record_type, start):
        self.pk = pk
        self.reference = reference
        self.monument = monument
        self.record_type = record_type
        self.start = start  # earliest day of start (a date, or None)
        self.facets = {
            "monument": {monument},
            "record_type": {record_type},
            "technique": set(),
            "material": set(),
            "partner": set(),
        }
        self.score = 0.0
        self.texts = None


def _db_rows(query: RestorationQuery, *, user):
    """The visible records within the dates, with their facet codes, labels and (with text) texts.

    Five queries: the records, then each vocabulary's links with the terms' keys and names.
    """
    records = RestorationRecord.objects.visible_to(user)
    low, high = _date_bounds(query)
    if high is not None:
        records = records.filter(start_earliest__lte=high)
    if low is not None:
        records = records.filter(Q(end_latest__isnull=True) | Q(end_latest__gte=low))
    columns = ["pk", "reference", "monument__slug", "record_type", "start_earliest", "monument__name_vi"]
    columns += ["monument__name_en"]
    text_columns = list(_DB_TEXT_FIELDS) if query.words else []
    rows, monument_names = {}, {}
    for values in records.values_list(*columns, *text_columns).order_by():
        pk, reference, slug, record_type, start, name_vi, name_en = values[:7]
        row = _Row(pk, reference, slug, record_type, start)
        if text_columns:
            row.texts = values[7:]
        rows[pk] = row
        monument_names[slug] = (name_vi, name_en)

    term_names = {}
    term_texts = defaultdict(list)
    for facet, field_name in VOCABULARY_FIELDS.items():
        m2m = RestorationRecord._meta.get_field(field_name)
        through = m2m.remote_field.through
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        links = through.objects.filter(**{f"{source}__in": records.values("pk")}).values_list(
            source, f"{target}__key", f"{target}__name", f"{target}__name_en"
        )
        names = term_names[facet] = {}
        for pk, key, name, name_en in links:
            row = rows.get(pk)
            if row is None:
                continue
            row.facets[facet].add(key)
            names[key] = (name, name_en)
            if text_columns:
                term_texts[pk].append(name)
                term_texts[pk].append(name_en)
    return rows, monument_names, term_names, term_texts


@functools.lru_cache(maxsize=FOLD_CACHE_SIZE)
def _folded_field(text: str) -> str:
    """Folded text, remembered: the fallback reads the same texts on every search."""
    return fold_chars(text)


def _db_text_match(rows: dict, words: tuple[str, ...], term_texts) -> list:
    """The rows containing every word, scored: per word, the weight of the best field holding it."""
    weights = [*_DB_TEXT_FIELDS.values(), 1.0]
    by_weight = sorted(range(len(weights)), key=lambda i: -weights[i])
    patterns = [word_pattern(word) for word in words]
    matched = []
    for row in rows.values():
        texts = [text or "" for text in row.texts]
        texts[3] = text_from_html(texts[3])  # method: rich text, as indexed
        texts.append(" ".join(term_texts.get(row.pk, ())))
        folded = [_folded_field(text) if text else "" for text in texts]
        blob = "\n".join(folded)  # fields apart: a line break ends a word
        if not all(word in blob for word in words) or not all(pattern.search(blob) for pattern in patterns):
            continue
        row.score = sum(
            next(weights[i] for i in by_weight if folded[i] and pattern.search(folded[i])) for pattern in patterns
        )
        matched.append(row)
    return matched


def _failed_facets(row: _Row, wanted: dict[str, set[str]]) -> list[str]:
    """The facets whose filter the row does not pass (wanted: facet -> values, only facets filtered)."""
    return [facet for facet, values in wanted.items() if row.facets[facet].isdisjoint(values)]


def _wanted(query: RestorationQuery) -> dict[str, set[str]]:
    return {facet: set(values) for facet in FACETS if (values := query.facet_values(facet))}


def _db_sorted(rows: list, query: RestorationQuery) -> list:
    never = datetime.date.max

    def start(row):
        return row.start or never

    rows = sorted(rows, key=lambda row: row.reference)
    if query.sort == "-start":
        rows.sort(key=lambda row: row.start or datetime.date.min, reverse=True)
        return rows
    rows.sort(key=start)
    if query.sort == "relevance" and query.words:
        rows.sort(key=lambda row: -row.score)
    return rows


def _db_matching(query: RestorationQuery, *, user):
    rows, monument_names, term_names, term_texts = _db_rows(query, user=user)
    candidates = _db_text_match(rows, query.words, term_texts) if query.words else list(rows.values())
    return candidates, monument_names, term_names


def _db_matching_ids(query: RestorationQuery, *, user) -> list[int]:
    candidates, _monuments, _terms = _db_matching(query, user=user)
    wanted = _wanted(query)
    return [row.pk for row in _db_sorted([row for row in candidates if not _failed_facets(row, wanted)], query)]


def _db_search(query: RestorationQuery, *, user, lang: str) -> dict:
    candidates, monument_names, term_names = _db_matching(query, user=user)
    wanted = _wanted(query)
    matched = []
    counts = {facet: Counter() for facet in FACETS}
    for row in candidates:
        failed = _failed_facets(row, wanted)
        if not failed:  # in the results: counts in every facet
            matched.append(row)
            for facet in FACETS:
                counts[facet].update(row.facets[facet])
        elif len(failed) == 1:  # fails one filter only: counts in that facet, whose own filter is ignored
            counts[failed[0]].update(row.facets[failed[0]])
    decades = Counter(str(row.start.year // 10 * 10) for row in matched if row.start)

    types = record_type_labels(lang)
    facets = {
        "monument": _facet_list(
            counts["monument"], {slug: name_in(*names, lang) for slug, names in monument_names.items()}
        ),
        "record_type": _facet_list(counts["record_type"], types),
    }
    for facet in VOCABULARY_FIELDS:
        labels = {key: name_in(name, name_en, lang) for key, (name, name_en) in term_names[facet].items()}
        facets[facet] = _facet_list(counts[facet], labels)
    facets["decade"] = _decade_list(decades)

    page_rows = _db_sorted(matched, query)[query.offset : query.offset + query.page_size]
    words = set(query.words)
    results = [
        _result(record, lang, highlight_record(record, words))
        for record in _records_for_display([row.pk for row in page_rows], user)
    ]
    return _response("database", query, len(matched), results, facets)


# --- Elasticsearch backend -------------------------------------------------------------------


def _es():
    from . import es

    return es


def _es_call(function, *args, **kwargs):
    """Call the Elasticsearch client; any failure becomes ElasticsearchUnavailable (logged, not shown)."""
    es = _es()
    try:
        return function(*args, **kwargs)
    except es.ElasticsearchUnavailable:
        raise
    except Exception as error:  # connection, timeout, missing index, rejected query: all the same to users
        logger.exception("restoration search: Elasticsearch failed")
        raise es.ElasticsearchUnavailable(str(error)) from error


def _es_client():
    es = _es()
    try:
        return es.client()
    except es.ElasticsearchUnavailable:
        raise
    except Exception as error:
        logger.exception("restoration search: no Elasticsearch client")
        raise es.ElasticsearchUnavailable(str(error)) from error


def _es_index() -> str:
    return _es().alias_name()


def _es_visibility(user) -> list[dict]:
    # The index holds published records only (documents.records_for_indexing), so `live` is
    # already true of every document there.
    conditions = visibility.record_conditions(user)
    return [{"term": {field: value}} for field, value in conditions.items() if field != "live"]


def _es_text(words: tuple[str, ...]) -> dict:
    # The folded words, not the raw text: no query syntax reaches Elasticsearch, and both
    # backends cut words alike. match queries parse nothing.
    # What matches: every word, in any searchable field (all copied into all_text).
    return {"match": {"all_text": {"query": " ".join(words), "operator": "and"}}}


def _es_rank(words: tuple[str, ...]) -> dict:
    """How a match ranks beyond all_text's score: the weighted fields' score, added to it."""
    return {"multi_match": {"query": " ".join(words), "fields": ES_RANK_FIELDS, "type": "best_fields"}}


def _es_dates(query: RestorationQuery) -> list[dict]:
    if query.year_from is None and query.year_to is None:
        return []
    bounds = {"relation": "intersects"}
    if query.year_from is not None:
        bounds["gte"] = f"{query.year_from:04d}-01-01"
    if query.year_to is not None:
        bounds["lte"] = f"{query.year_to:04d}-12-31"
    return [{"range": {"dates": bounds}}]


def _es_facet_filter(query: RestorationQuery, facet: str) -> dict | None:
    values = query.facet_values(facet)
    if not values:
        return None
    if len(values) == 1:  # a term query: Elasticsearch's terms query wraps even one value in a slower multi-term query
        return {"term": {ES_FACET_FIELDS[facet]: values[0]}}
    return {"terms": {ES_FACET_FIELDS[facet]: list(values)}}


def _es_facet_filters(query: RestorationQuery, *, skip: str | None = None) -> list[dict]:
    return [f for facet in FACETS if facet != skip and (f := _es_facet_filter(query, facet)) is not None]


def _es_main_query(query: RestorationQuery, user, *, ranked: bool = False) -> dict:
    """Text, visibility and dates: what every count and facet is restricted to.

    ranked: the weighted fields score every match too (a should clause): for exports, which
    read every match anyway. A page of results rescores only its top window (_es_page_body).
    """
    bool_query = {"filter": _es_visibility(user) + _es_dates(query)}
    if query.words:
        bool_query["must"] = [_es_text(query.words)]
        if ranked:
            bool_query["should"] = [_es_rank(query.words)]
    return {"bool": bool_query}


def _es_narrowed(main: dict, query: RestorationQuery) -> dict:
    """The main query (_es_main_query) narrowed by every facet filter too: what results are drawn from."""
    facet_filters = _es_facet_filters(query)
    if not facet_filters:
        return main
    return {"bool": {**main["bool"], "filter": main["bool"]["filter"] + facet_filters}}


def _es_by_relevance(query: RestorationQuery) -> bool:
    return query.sort == "relevance" and bool(query.words)


def _es_sort(query: RestorationQuery) -> list:
    tie = [{"reference": "asc"}]
    if query.sort == "-start":
        return [{"start_sort": {"order": "desc", "missing": "_last"}}, *tie]
    start = [{"start_sort": {"order": "asc", "missing": "_last"}}]
    if _es_by_relevance(query):
        return ["_score", *start, *tie]
    return [*start, *tie]


def _es_aggregations(query: RestorationQuery) -> dict:
    """A terms aggregation per facet, over the matches narrowed by the other facets' filters.

    A facet no other filter narrows is a plain terms aggregation: a `filter` wrapper around it
    would cost a match_all step per document for nothing (a fifth of the facets' time).
    """

    def filtered(filters, terms):
        if not filters:
            return {"terms": terms}
        return {"filter": {"bool": {"filter": filters}}, "aggs": {"values": {"terms": terms}}}

    aggs = {
        facet: filtered(_es_facet_filters(query, skip=facet), {"field": ES_FACET_AGG_FIELDS[facet], "size": FACET_SIZE})
        for facet in FACETS
    }
    aggs["decade"] = filtered(_es_facet_filters(query), {"field": "decade", "size": DECADE_FACET_SIZE})
    return aggs


MAX_RESULT_WINDOW = 10_000  # Elasticsearch's index.max_result_window default


def _es_msearch(client, bodies: list[dict], *, index: str) -> list[dict]:
    """Several searches of our index in one round trip (Elasticsearch runs them side by side).

    A search the server refused comes back as an error item, not an exception: raised here.
    """
    header = {"index": index}
    searches = []
    for body in bodies:
        searches.extend((header, body))
    responses = _es_call(client.msearch, searches=searches)["responses"]
    for response in responses:
        if "error" in response:
            logger.error("restoration search: Elasticsearch refused a search: %s", response["error"])
            raise _es().ElasticsearchUnavailable(str(response["error"])[:500])
    return responses


@dataclass
class _Fetched:
    hits: list
    count: int
    aggregations: dict
    approximate: bool  # facet counts estimated from a random sample of the matches


def _es_fetch(query: RestorationQuery, *, user) -> _Fetched:
    """Everything one page asks of Elasticsearch, in one `_msearch`: the hits, the count, the facets.

    Counting a facet takes time in proportion to the matches: on a million records a broad
    query's exact facets took 60-70 ms, ten times its page of results. So facets are counted
    exactly over at most N matches (N = settings.RESTORATION_FACETS_EXACT_UP_TO), and beyond
    over a random sample of N of them, scaled to the exact count and marked approximate, as
    Typesense (facet_sample_threshold) and Algolia (exhaustiveFacetsCount) bound facet counting.
    The results and the count are always exact. docs/restoration-search.md has the figures.

    - An index of at most N documents: the page, and the facets (size 0), whose decade filter
      bucket, which applies every filter, is the count.
    - A larger index: the page; the facets over the first N matches in index order, which is
      random (search.documents.sample_key): `terminate_after` stops there, so their cost no
      longer grows with the matches; and the exact counts (size 0, `track_total_hits`), with and
      without the facet filters.

    Every search but the page has size 0, so Elasticsearch's shard request cache keeps its
    answer until the index changes.
    """
    client = _es_client()
    index = _es_index()
    main = _es_main_query(query, user)
    aggregations = _es_aggregations(query)
    # Past Elasticsearch's window: the count and facets only; the page is empty when it lies
    # past the last result, and refused when it lies within results too deep to page to.
    past_window = query.offset + query.page_size > MAX_RESULT_WINDOW
    page = [] if past_window else [_es_page_body(query, main)]
    exact_up_to = settings.RESTORATION_FACETS_EXACT_UP_TO
    if _es_call(_es().index_size) <= exact_up_to:
        facets = {"query": main, "aggs": aggregations, "size": 0, "track_total_hits": True}
        responses = _es_msearch(client, [*page, facets], index=index)
        found = responses[-1].get("aggregations", {})
        # The decade facet applies every facet filter: with some ticked, its filter bucket is the
        # count; with none, the search's own total is.
        decade = found.get("decade", {})
        count = decade["doc_count"] if "doc_count" in decade else responses[-1]["hits"]["total"]["value"]
        fetched = _Fetched([], count, found, approximate=False)
    else:
        facets = {
            "query": {"constant_score": {"filter": main}},  # no scores to compute
            "size": 0,
            "track_total_hits": False,
            "terminate_after": exact_up_to,
            # Under a parent, because Elasticsearch may count a top-level terms aggregation filter
            # by filter over the whole index, past terminate_after (a million documents for a
            # match_all). At probability 1 random_sampler samples nothing: it is a parent that
            # passes every collected document on, cheaper than a `sampler`, which re-sorts them.
            # Should a future Elasticsearch count everything anyway, the sample's doc_count says
            # so and the facets are exact.
            "aggs": {"sample": {"random_sampler": {"probability": 1}, "aggs": aggregations}},
        }
        counts = [{"query": main, "size": 0, "track_total_hits": True}]
        if filters := _es_facet_filters(query):
            counts.append({"query": {"bool": {"filter": [main, *filters]}}, "size": 0, "track_total_hits": True})
        responses = _es_msearch(client, [*page, facets, *counts], index=index)
        sampled, matching, *filtered = responses[len(page) :]
        matched = matching["hits"]["total"]["value"]
        count = filtered[0]["hits"]["total"]["value"] if filtered else matched
        sample = sampled.get("aggregations", {}).get("sample", {})
        drawn = sample.get("doc_count", 0)
        if drawn and drawn < matched:
            fetched = _Fetched([], count, _es_scaled(sample, matched / drawn), approximate=True)
        else:
            fetched = _Fetched([], count, sample, approximate=False)
    if page:
        fetched.hits = responses[0]["hits"]["hits"]
    if past_window and query.offset < fetched.count:
        raise QueryError(
            _("Only the first %(max)s results can be paged through; narrow the search with filters.")
            % {"max": MAX_RESULT_WINDOW}
        )
    return fetched


def _es_scaled(sample: dict, scale: float) -> dict:
    """The sample's facet counts times `scale` (matches / records drawn), rounded; zeros dropped."""
    scaled = {}
    for name in (*FACETS, "decade"):
        buckets = []
        for key, count in _es_buckets(sample, name):
            if estimate := round(count * scale):
                buckets.append({"key": key, "doc_count": estimate})
        scaled[name] = {"buckets": buckets}
    return scaled


def _es_search(query: RestorationQuery, *, user, lang: str) -> dict:
    fetched = _es_fetch(query, user=user)
    # A stale index (an update still queued) must not show what the user may not see: the
    # page's ids are checked against the database.
    shown = _visible_ids([int(hit["_id"]) for hit in fetched.hits], user)
    results = [_es_result(hit, lang) for hit in fetched.hits if int(hit["_id"]) in shown]
    facets = _es_facets(fetched.aggregations, lang)
    return _response("elasticsearch", query, fetched.count, results, facets, approximate=fetched.approximate)


def _es_page_body(query: RestorationQuery, main: dict) -> dict:
    """The page of results: no exact total (Elasticsearch skips what cannot reach the page), highlights.

    By relevance, the weighted fields (ES_RANK_FIELDS) rescore the top RESCORE_WINDOW matches by
    all_text's score instead of scoring every match: a common word matches hundreds of thousands
    of a million records, and scoring four more fields for each took most of a text query's
    time. The window is fixed, so pages within it never shift. Elasticsearch allows no other sort
    with a rescore: equal scores come in index order.
    """
    body = {
        # The facets are counted by another search of the same _msearch, so the facet filters
        # narrow this query itself: as filter clauses Elasticsearch skips what they exclude
        # while it looks for the best matches; as a post_filter it scored every text match first.
        "query": _es_narrowed(main, query),
        "track_total_hits": False,
        "_source": ES_RESULT_SOURCE,
        "from": query.offset,
        "size": query.page_size,
    }
    if _es_by_relevance(query):
        body["rescore"] = {"window_size": RESCORE_WINDOW, "query": {"rescore_query": _es_rank(query.words)}}
    else:
        body["sort"] = _es_sort(query)
    if query.words:
        body["highlight"] = {
            # The words matched in all_text, marked wherever they stand in the title and summary.
            "require_field_match": False,
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": {
                "title": {"number_of_fragments": 0},
                "summary": {"fragment_size": HIGHLIGHT_FRAGMENT, "number_of_fragments": HIGHLIGHT_FRAGMENTS},
            },
        }
    return body


def _visible_ids(ids: list[int], user) -> set[int]:
    """Which of these records the user may see now, per the database (heritage.visibility).

    The same rule as one small SQL query on the primary key: it runs on every search, where
    building it through the ORM would cost ten times as much as running it.
    """
    if not ids:
        return set()
    meta = RestorationRecord._meta
    quote = connection.ops.quote_name
    pk = quote(meta.pk.column)
    placeholders = ", ".join(["%s"] * len(ids))
    sql = f"SELECT {pk} FROM {quote(meta.db_table)} WHERE {pk} IN ({placeholders})"
    params = list(ids)
    for field, value in visibility.record_conditions(user).items():
        sql += f" AND {quote(meta.get_field(field).column)} = %s"
        params.append(value)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


@functools.lru_cache(maxsize=LABEL_CACHE_SIZE)
def _es_labelled(text: str, lang: str) -> tuple[str, str]:
    """(value, label in `lang`) of a labelled value ("value<US>Vietnamese<US>English").

    Remembered: a page of results and its facets hold a few hundred of them, drawn from the few
    thousand values of the vocabularies and monuments.
    """
    value, label_vi, label_en = label_parts(text)
    return value, name_in(label_vi, label_en, lang)


def _es_labels(labelled: list[str], lang: str) -> list[str]:
    """Labels in `lang` of labelled values."""
    return [_es_labelled(text, lang)[1] for text in labelled]


def _es_result(hit: dict, lang: str) -> dict:
    """A result drawn from the indexed document alone (its `_source` holds what a result shows)."""
    source = hit["_source"]
    labels = source.get("labels", {})
    monument = source.get("monument", {})
    highlight = hit.get("highlight", {})
    reference = source["reference"]
    return {
        "reference": reference,
        "title": source["title"],
        "url": record_url(reference, lang),
        "monument": {
            "slug": monument.get("slug", ""),
            "name_vi": monument.get("name_vi", ""),
            "name_en": monument.get("name_en", ""),
        },
        "record_type": source["record_type"],
        "start": source["start"],
        "end": source["end"],
        "techniques": _es_labels(labels.get("techniques", ()), lang),
        "materials": _es_labels(labels.get("materials", ()), lang),
        "partners": _es_labels(labels.get("partners", ()), lang),
        "visibility": source["visibility"],
        "highlight": {field: highlight[field] for field in ("title", "summary") if field in highlight},
    }


def _es_buckets(aggregations: dict, name: str) -> list[tuple[str, int]]:
    """(value, count) of a facet's terms aggregation, inside its filter bucket or not (_es_aggregations)."""
    found = aggregations.get(name, {})
    buckets = found.get("values", found).get("buckets", [])
    return [(str(bucket["key"]), bucket["doc_count"]) for bucket in buckets]


def _es_facet_order(item: dict) -> tuple[int, str]:
    return -item["count"], item["value"]


def _es_facets(aggregations: dict, lang: str) -> dict:
    """Facets from the aggregations; monuments and terms carry their labels (search.documents.labelled)."""
    facets = {}
    for facet in FACETS:
        buckets = _es_buckets(aggregations, facet)
        if facet == "record_type":
            labels = record_type_labels(lang)
            items = [{"value": key, "label": labels.get(key, key), "count": count} for key, count in buckets]
        else:
            items, seen = [], {}
            for key, count in buckets:
                value, label = _es_labelled(key, lang)
                if value in seen:  # while a rename is being applied, a value may come with two labels
                    seen[value]["count"] += count
                    continue
                seen[value] = {"value": value, "label": label, "count": count}
                items.append(seen[value])
        items.sort(key=_es_facet_order)
        facets[facet] = items[:FACET_SIZE]
    facets["decade"] = _decade_list(Counter(dict(_es_buckets(aggregations, "decade"))))
    return facets


def _es_export_ids(query: RestorationQuery, *, user) -> Iterator[int]:
    """Every matching id, in the query's order, paged with search_after; the first page is fetched now."""
    client = _es_client()
    index = _es_index()
    main = _es_narrowed(_es_main_query(query, user, ranked=True), query)
    body = {"query": main, "sort": _es_sort(query), "_source": False, "size": ES_EXPORT_PAGE, "track_total_hits": False}
    first = _es_call(client.search, index=index, body=body)

    def pages(response):
        while True:
            hits = response["hits"]["hits"]
            for hit in hits:
                yield int(hit["_id"])
            if len(hits) < body["size"]:
                return
            response = _es_call(client.search, index=index, body={**body, "search_after": hits[-1]["sort"]})

    return pages(first)


def _es_suggest_candidates(words: tuple[str, ...], *, user, lang: str):
    client = _es_client()
    body = {
        "query": {
            "bool": {
                "must": [{"match": {"suggest": {"query": " ".join(words), "operator": "and"}}}],
                "filter": _es_visibility(user),
            }
        },
        "_source": ["reference", "title"],
        "size": 50,
        "aggs": {
            "monuments": {"terms": {"field": "monument.slug", "size": 50}},
            "techniques": {"terms": {"field": "techniques", "size": 50}},
        },
    }
    response = _es_call(client.search, index=_es_index(), body=body)
    candidates = []
    for hit in response["hits"]["hits"]:
        source = hit.get("_source", {})
        candidates.append(("title", source.get("title", ""), source.get("reference", "")))
    aggregations = response.get("aggregations", {})
    slugs = [str(b["key"]) for b in aggregations.get("monuments", {}).get("buckets", [])]
    keys = [str(b["key"]) for b in aggregations.get("techniques", {}).get("buckets", [])]
    if slugs:
        seen = set()
        for slug, name_vi, name_en in MonumentPage.objects.filter(slug__in=slugs).values_list(
            "slug", "name_vi", "name_en"
        ):
            if slug in seen:
                continue
            seen.add(slug)
            candidates.extend(("monument", name, slug) for name, _code in names_in_order(name_vi, name_en, lang))
    if keys:
        for key, name, name_en in Technique.objects.filter(key__in=keys).values_list("key", "name", "name_en"):
            candidates.extend(("technique", text, key) for text, _code in names_in_order(name, name_en, lang))
    return candidates
