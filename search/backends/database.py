"""The database backend: the restoration search in SQL, on the database index.

The embedded default (SQLite) and PostgreSQL without Elasticsearch answer from
search.models.RecordSearchText, one row per live record with its folded words and search
columns, written at save time (search.database_index). A request filters, counts, sorts and
pages in SQL; no record is read in Python but the page shown and the facets' sample.

- Words: every folded word of `q` must be a whole word of `words`. SQLite finds them in an FTS5
  table over `words` (a word the FTS tokenizer would cut differently is matched with LIKE);
  PostgreSQL with a GIN index on the array of words (`@>`); any other database with LIKE.
- Relevance: per word, 3 if it is in the title, 2 in a monument name, 1 elsewhere, summed; ties
  by start then reference, as Elasticsearch's rescored order.
- Facets: counted exactly over at most RESTORATION_DATABASE_FACETS_EXACT_UP_TO matches (1,000
  unless configured: counting is Python's here, slower per row than Elasticsearch's); beyond, over the
  matches whose sample_key falls in a range holding that many of them on average (a random
  sample, the same key Elasticsearch samples on), scaled to the matches and marked approximate.
"""

import functools
import operator
import unicodedata
from collections import Counter
from collections.abc import Iterator
from itertools import chain, islice

from django.conf import settings
from django.db import connection
from django.db.models import Case, F, Func, Q, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from heritage import visibility
from heritage.labels import name_in, names_in_order
from heritage.models import MonumentPage, RestorationRecord, Technique
from heritage.text import fold_chars

from ..database_index import ALWAYS, NEVER
from ..models import TERM_SEPARATOR, RecordSearchText, RecordWords
from ..params import FACETS, WORD, RestorationQuery
from .base import (
    EXPORT_CHUNK,
    SearchBackend,
    date_bounds,
    decade_list,
    facet_list,
    record_type_labels,
    records_for_display,
    result_of,
    term_links,
)
from .highlight import highlight_record
from .response import FACET_SIZE, Facets, SearchResponse

FTS_TABLE = "search_recordwords_fts"  # SQLite: created by search/migrations/0002
# What the FTS5 tokenizer keeps inside a token besides letters and digits: the characters that
# join a WORD (search.params). A word with any other character is matched with LIKE.
FTS_TOKEN_CHARS = "_.'’:·,;"
SAMPLE_SPACE = 2**31  # search.documents.sample_key is a 31-bit number
SUGGEST_TITLES = 50  # titles read to rank suggestions from
VOCABULARY_FIELDS = {"technique": "techniques", "material": "materials", "partner": "partners"}
WEIGHT_TITLE, WEIGHT_NAME, WEIGHT_OTHER = 3, 2, 1


def _whole(word: str) -> str:
    return f" {word} "


def _fts_token(word: str) -> bool:
    """Whether SQLite's FTS5 tokenizer (unicode61, FTS_TOKEN_CHARS) reads `word` as one token."""
    return all(unicodedata.category(char)[0] in "LN" or char in FTS_TOKEN_CHARS for char in word)


def _fts_phrase(word: str, *, prefix: bool = False) -> str:
    quoted = '"' + word.replace('"', '""') + '"'
    return f"{quoted}*" if prefix else quoted


def _fts_match(expression: str) -> RawSQL:
    return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression])


def _with_words(rows, words: tuple[str, ...]):
    """Rows holding every word, found with the text index of this database."""
    like = words
    if connection.vendor == "sqlite":
        indexed = [word for word in words if _fts_token(word)]
        like = [word for word in words if not _fts_token(word)]
        if indexed:
            rows = rows.filter(record_id__in=_fts_match(" AND ".join(_fts_phrase(word) for word in indexed)))
    elif connection.vendor == "postgresql":
        from django.contrib.postgres.fields import ArrayField

        # The expression of the GIN index (migration 0002), so that the index serves `@>`.
        array = Func(
            F("words"), template="string_to_array(btrim(%(expressions)s), ' ')", output_field=ArrayField(TextField())
        )
        found = RecordWords.objects.alias(word_array=array).filter(word_array__contains=list(words))
        rows = rows.filter(record_id__in=found.values("record_id"))
        like = ()
    if like:
        found = RecordWords.objects.all()
        for word in like:
            found = found.filter(words__contains=_whole(word))
        rows = rows.filter(record_id__in=found.values("record_id"))
    return rows


def _visible(user):
    # Rows exist for live records only (search.database_index), so `live` holds of every row.
    conditions = visibility.record_conditions(user)
    return RecordSearchText.objects.filter(**{field: value for field, value in conditions.items() if field != "live"})


def _base(query: RestorationQuery, user):
    """Visibility, dates and text: what the results, the count and every facet are restricted to."""
    rows = _visible(user)
    low, high = date_bounds(query)
    if high is not None:
        rows = rows.filter(start_asc__lte=high)  # a missing start (NEVER) is after any year
    if low is not None:
        rows = rows.filter(Q(end_latest__isnull=True) | Q(end_latest__gte=low))
    if query.words:
        rows = _with_words(rows, query.words)
    return rows


def _facet_filter(facet: str, values: tuple[str, ...]) -> Q:
    if facet == "monument":
        return Q(monument_id__in=MonumentPage.objects.filter(slug__in=values).values("pk"))
    if facet == "record_type":
        return Q(record_type__in=values)
    through, source, target = term_links(VOCABULARY_FIELDS[facet])
    return Q(record_id__in=through.objects.filter(**{f"{target}__key__in": values}).values(source))


def _wanted(query: RestorationQuery) -> dict[str, set[str]]:
    return {facet: set(values) for facet in FACETS if (values := query.facet_values(facet))}


def _narrowed(rows, query: RestorationQuery):
    """The rows passing every facet filter too: what results are drawn from."""
    for facet in FACETS:
        if values := query.facet_values(facet):
            rows = rows.filter(_facet_filter(facet, values))
    return rows


def _score(words: tuple[str, ...]):
    return functools.reduce(
        operator.add,
        (
            Case(
                When(title_words__contains=_whole(word), then=Value(WEIGHT_TITLE)),
                When(name_words__contains=_whole(word), then=Value(WEIGHT_NAME)),
                default=Value(WEIGHT_OTHER),
            )
            for word in words
        ),
    )


def _ordered(rows, query: RestorationQuery):
    if query.sort == "-start":
        return rows.order_by("-start_desc", "reference")
    if query.sort == "relevance" and query.words:
        return rows.alias(score=_score(query.words)).order_by("-score", "start_asc", "reference")
    return rows.order_by("start_asc", "reference")


def _facets(base, query: RestorationQuery, lang: str, count: int) -> tuple[Facets, bool]:
    """The facets of the query, and whether they are estimated from a sample (see the module)."""
    wanted = _wanted(query)
    matched = base.count() if wanted else count
    exact_up_to = settings.RESTORATION_DATABASE_FACETS_EXACT_UP_TO
    rows = base
    if matched > exact_up_to:
        rows = base.filter(sample_key__lt=SAMPLE_SPACE * exact_up_to // matched)
    key_columns = [f"{facet}_keys" for facet in VOCABULARY_FIELDS]
    fetched = list(rows.values_list("monument_id", "record_type", "start_asc", *key_columns).order_by())
    scale = matched / len(fetched) if fetched and len(fetched) < matched else 1.0

    slugs, monument_labels = {}, {}
    for pk, slug, name_vi, name_en in MonumentPage.objects.filter(pk__in={row[0] for row in fetched}).values_list(
        "pk", "slug", "name_vi", "name_en"
    ):
        slugs[pk] = slug
        monument_labels[slug] = name_in(name_vi, name_en, lang)
    # The values each row counts for, gathered in lists and counted once at the end.
    counted = {facet: [] for facet in FACETS}
    decades = []
    for monument_id, record_type, start, *keys in fetched:
        row = {"monument": (slugs.get(monument_id, ""),), "record_type": (record_type,)}
        for facet, joined in zip(VOCABULARY_FIELDS, keys, strict=True):
            row[facet] = joined.split(TERM_SEPARATOR) if joined else ()
        failed = [facet for facet, wanted_values in wanted.items() if wanted_values.isdisjoint(row[facet])]
        if not failed:  # in the results: counts in every facet
            for facet in FACETS:
                counted[facet].extend(row[facet])
            if start not in (NEVER, ALWAYS):
                decades.append(str(start.year // 10 * 10))
        elif len(failed) == 1:  # fails one filter only: counts in that facet, whose own filter is ignored
            counted[failed[0]].extend(row[failed[0]])
    counts = {facet: Counter(values) for facet, values in counted.items()}
    decades = Counter(decades)

    term_labels = {}
    for facet in VOCABULARY_FIELDS:
        model = RestorationRecord._meta.get_field(VOCABULARY_FIELDS[facet]).related_model
        # Labelled: the values shown, and those as frequent as the last one (ties are ordered by label).
        ranked = counts[facet].most_common()
        least = ranked[FACET_SIZE - 1][1] if len(ranked) > FACET_SIZE else 0
        shown = [key for key, n in ranked if n >= least]
        term_labels[facet] = {
            key: name_in(name, name_en, lang)
            for key, name, name_en in model.objects.filter(key__in=shown).values_list("key", "name", "name_en")
        }

    def scaled(counter: Counter) -> dict[str, int]:
        if scale == 1.0:
            return counter
        return {value: estimate for value, n in counter.items() if (estimate := round(n * scale))}

    labels = {"monument": monument_labels, "record_type": record_type_labels(lang), **term_labels}
    facets = Facets(
        **{facet: facet_list(scaled(counts[facet]), labels.get(facet, {}), lang) for facet in FACETS},
        decade=decade_list(scaled(decades)),
    )
    return facets, scale != 1.0


class DatabaseBackend(SearchBackend):
    name = "database"

    def _search(self, query: RestorationQuery, *, user, lang: str) -> SearchResponse:
        base = _base(query, user)
        narrowed = _narrowed(base, query)
        count = narrowed.count()
        facets, approximate = _facets(base, query, lang, count)
        page = _ordered(narrowed, query).values_list("record_id", flat=True)
        ids = list(page[query.offset : query.offset + query.page_size])
        words = set(query.words)
        results = [
            result_of(record, lang, highlight_record(record, words)) for record in records_for_display(ids, user)
        ]
        return SearchResponse(
            backend=self.name,
            count=count,
            page=query.page,
            page_size=query.page_size,
            results=results,
            facets=facets,
            facets_approximate=approximate,
        )

    def matching_ids(self, query: RestorationQuery, *, user) -> Iterator[int]:
        ordered = _ordered(_narrowed(_base(query, user), query), query)
        ids = ordered.values_list("record_id", flat=True).iterator(chunk_size=EXPORT_CHUNK)
        first = list(islice(ids, EXPORT_CHUNK))
        return chain(first, ids)

    def _suggest_candidates(self, words: tuple[str, ...], *, user, lang: str):
        visible = _visible(user)
        titles = visible
        if connection.vendor == "sqlite" and all(_fts_token(word) for word in words):
            # The records with words beginning so anywhere, then those whose title has them.
            titles = titles.filter(record_id__in=_fts_match(" AND ".join(_fts_phrase(w, prefix=True) for w in words)))
        for word in words:
            titles = titles.filter(title_words__contains=f" {word}")
        shortest = titles.order_by(Length("title_words"), "title_words").values_list("record_id", flat=True)[
            :SUGGEST_TITLES
        ]
        for reference, title, title_en in RestorationRecord.objects.filter(pk__in=list(shortest)).values_list(
            "reference", "title", "title_en"
        ):
            for text, _code in names_in_order(title, title_en, lang):
                yield "title", text, reference

        def begins(text: str) -> bool:
            tokens = WORD.findall(fold_chars(text or ""))
            return all(any(token.startswith(word) for token in tokens) for word in words)

        monuments = [
            (pk, slug, name_vi, name_en)
            for pk, slug, name_vi, name_en in MonumentPage.objects.values_list("pk", "slug", "name_vi", "name_en")
            if begins(name_vi) or begins(name_en)
        ]
        used = set(
            visible.filter(monument_id__in=[m[0] for m in monuments]).values_list("monument_id", flat=True).distinct()
        )
        for pk, slug, name_vi, name_en in monuments:
            if pk in used:
                for name, _code in names_in_order(name_vi, name_en, lang):
                    yield "monument", name, slug
        through, source, target = term_links(VOCABULARY_FIELDS["technique"])
        terms = [
            (pk, key, name, name_en)
            for pk, key, name, name_en in Technique.objects.values_list("pk", "key", "name", "name_en")
            if begins(name) or begins(name_en)
        ]
        used = set(
            through.objects.filter(
                **{f"{target}__in": [t[0] for t in terms], f"{source}__in": visible.values("record_id")}
            )
            .values_list(target, flat=True)
            .distinct()
        )
        for pk, key, name, name_en in terms:
            if pk in used:
                for text, _code in names_in_order(name, name_en, lang):
                    yield "technique", text, key
