"""The restoration search's interface, and what every backend shares.

A backend answers three questions with the same parameters (search.params.RestorationQuery) and
the same semantics (docs/restoration-search.md):

- `search`: one page of results with the exact count and the facets (a SearchResponse);
- `suggest`: up to SUGGEST_LIMIT completions of what has been typed;
- `export_rows`: every matching record (not one page) as rows of the import CSV.

Subclasses say how to find things (`_search`, `_suggest_candidates`, `matching_ids`); turning
ids into results, ranking suggestions and writing export rows are done here, once.

Visibility (heritage.visibility): users without `heritage.view_internal_restorationrecord` see
only public records, in results, counts, facets, highlights, suggestions and exports alike.
"""

import abc
import datetime
import functools
from collections.abc import Iterator
from itertools import islice
from urllib.parse import quote

from django.db.models import Prefetch
from django.utils import translation

from heritage.collation import sort_key, sorted_by_name
from heritage.importing import RESTORATION_EXPORT_COLUMNS
from heritage.labels import name_in, text_in
from heritage.models import Material, Partner, RecordType, RestorationRecord, Technique
from heritage.text import fold_chars

from ..params import WORD, RestorationQuery, query_words
from .response import (
    DECADE_FACET_SIZE,
    FACET_SIZE,
    SUGGEST_LIMIT,
    DecadeValue,
    FacetValue,
    LocalizedText,
    MonumentRef,
    Result,
    SearchResponse,
    Suggestion,
)

EXPORT_CHUNK = 500  # records read from the database at a time


def record_url(reference: str, lang: str) -> str:
    return f"/{lang}/restorations/{quote(reference, safe='')}/"


@functools.lru_cache(maxsize=8)
def record_type_labels(lang: str) -> dict[str, str]:
    """Record type code -> label in `lang` (translations do not change while the process runs; do not modify)."""
    with translation.override(lang):
        return {code: str(label) for code, label in RecordType.choices}


def date_bounds(query: RestorationQuery) -> tuple[datetime.date | None, datetime.date | None]:
    """The first and last days the query's years cover (None: unbounded)."""
    low = datetime.date(query.year_from, 1, 1) if query.year_from is not None else None
    high = datetime.date(query.year_to, 12, 31) if query.year_to is not None else None
    return low, high


def facet_order(count: int, label: str, value: str, lang: str) -> tuple:
    """Where a facet value goes: the most frequent first, equal counts by label as `lang` sorts
    names (heritage.collation), then by value. Every backend orders facets by this."""
    return (-count, sort_key(label, lang), value)


def facet_list(counts: dict[str, int], labels: dict[str, str], lang: str) -> list[FacetValue]:
    """The values in facet_order(), at most FACET_SIZE, labelled."""
    ordered = sorted(
        ((value, labels.get(value, value), count) for value, count in counts.items()),
        key=lambda item: facet_order(item[2], item[1], item[0], lang),
    )
    return [FacetValue(value, label, count) for value, label, count in ordered[:FACET_SIZE]]


def decade_list(counts: dict[str, int]) -> list[DecadeValue]:
    ordered = sorted(counts.items(), key=lambda item: int(item[0]))[:DECADE_FACET_SIZE]
    return [DecadeValue(value, count) for value, count in ordered]


def records_for_display(ids: list[int], user):
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


def localized(text_vi: str, text_en: str, lang: str) -> LocalizedText:
    """A text kept in both languages as the requested language shows it (heritage.labels.text_in)."""
    text = text_in(text_vi, text_en, lang)
    return LocalizedText(text.text, text.lang, text.fallback)


def result_of(record, lang: str, highlight: dict[str, list[str]]) -> Result:
    """A result from a record of records_for_display()."""
    monument = record.monument
    return Result(
        reference=record.reference,
        title=record.title,
        title_en=record.title_en,
        title_localized=localized(record.title, record.title_en, lang),
        url=record_url(record.reference, lang),
        monument=MonumentRef(monument.slug, monument.name_vi, monument.name_en),
        record_type=record.record_type,
        start=record.start,
        end=record.end,
        techniques=sorted_by_name([name_in(t.name, t.name_en, lang) for t in record.techniques.all()], lang),
        materials=sorted_by_name([name_in(t.name, t.name_en, lang) for t in record.materials.all()], lang),
        partners=sorted_by_name([name_in(t.name, t.name_en, lang) for t in record.partners.all()], lang),
        visibility=record.visibility,
        highlight=highlight,
    )


# The export's columns (the import CSV's) read straight from a record, by field lookup…
EXPORT_FIELDS = {
    "reference": "reference",
    "monument": "monument__slug",
    "title": "title",
    "record_type": "record_type",
    "start": "start",
    "end": "end",
    "funder": "funder",
    "budget": "budget",
    "currency": "currency",
    "condition_before": "condition_before",
    "condition_after": "condition_after",
    "summary": "summary",
    "visibility": "visibility",
    "title_en": "title_en",
    "funder_en": "funder_en",
    "summary_en": "summary_en",
}
EXPORT_TERMS = ("techniques", "materials", "partners")  # …and those listing a vocabulary's names


def term_links(field_name: str):
    """A record's vocabulary field as (link model, its record column, its term column)."""
    m2m = RestorationRecord._meta.get_field(field_name)
    return m2m.remote_field.through, m2m.m2m_field_name(), m2m.m2m_reverse_field_name()


def export_chunk(ids: list[int], user) -> list[list[str]]:
    """These records as rows of the import CSV (heritage/importing.py, docs/data-specification.md), in
    the order of `ids`, read as plain values in four queries; records the user may not see are left out."""
    found = {
        pk: dict(zip(EXPORT_FIELDS, values, strict=True))
        for pk, *values in RestorationRecord.objects.visible_to(user)
        .filter(pk__in=ids)
        .values_list("pk", *EXPORT_FIELDS.values())
    }
    for field_name in EXPORT_TERMS:
        through, source, target = term_links(field_name)
        names = {pk: [] for pk in found}
        links = through.objects.filter(**{f"{source}__in": list(found)}).order_by(f"{target}__name_sort_vi")
        for pk, name in links.values_list(source, f"{target}__name"):
            names[pk].append(name)
        for pk, values in found.items():
            values[field_name] = "; ".join(names[pk])
    rows = []
    for pk in ids:
        if (values := found.get(pk)) is not None:
            values["budget"] = "" if values["budget"] is None else format(values["budget"], "f")
            rows.append([values[column] for column in RESTORATION_EXPORT_COLUMNS])
    return rows


_KIND_ORDER = {"monument": 0, "technique": 1, "title": 2}


def suggestions_rank(words: tuple[str, ...], candidates) -> list[Suggestion]:
    """The candidates (kind, text, value) every word of which begins a word, best first."""
    found = {}
    for kind, text, value in candidates:
        if not text:
            continue
        tokens = WORD.findall(fold_chars(text))
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
            found[key] = (rank, Suggestion(text, kind, value))
    return [item for _rank, item in sorted(found.values(), key=lambda pair: pair[0])][:SUGGEST_LIMIT]


class SearchBackend(abc.ABC):
    """One way of searching restoration records; search.backends.get_backend() picks the configured one."""

    name: str  # "database" or "elasticsearch": the responses' `backend`

    def search(self, query: RestorationQuery, *, user, lang: str | None = None) -> SearchResponse:
        """One page of results with counts and facets, labels and links in `lang` (else the query's)."""
        return self._search(query, user=user, lang=lang or query.lang)

    def suggest(self, q: str, *, user, lang: str = "vi") -> list[Suggestion]:
        """Up to SUGGEST_LIMIT completions of `q`: record titles, monument names, technique names.

        `value` is the monument's slug, the technique's key or the record's reference, to filter
        or link with. Every word of `q` must begin a word of the completion (folded). Only what
        comes from records the user may see is suggested.
        """
        words = query_words(q)
        if not words:
            return []
        return suggestions_rank(words, self._suggest_candidates(words, user=user, lang=lang))

    def export_rows(self, query: RestorationQuery, *, user) -> Iterator[list[str]]:
        """Every matching record in the query's order as CSV rows of the import format, the header first.

        The first ids are asked for before returning, so an unavailable search service raises
        here (the API answers 503) rather than in the middle of the download; the rest are read
        as the rows are sent.
        """
        ids = self.matching_ids(query, user=user)
        return self._rows(ids, user)

    @staticmethod
    def _rows(ids: Iterator[int], user) -> Iterator[list[str]]:
        yield list(RESTORATION_EXPORT_COLUMNS)
        while chunk := list(islice(ids, EXPORT_CHUNK)):
            yield from export_chunk(chunk, user)

    @abc.abstractmethod
    def _search(self, query: RestorationQuery, *, user, lang: str) -> SearchResponse: ...

    @abc.abstractmethod
    def _suggest_candidates(self, words: tuple[str, ...], *, user, lang: str):
        """(kind, text, value) triples that may complete the words; suggestions_rank() keeps the right ones."""

    @abc.abstractmethod
    def matching_ids(self, query: RestorationQuery, *, user) -> Iterator[int]:
        """Every matching record's id in the query's order; the first ones are fetched before returning."""
