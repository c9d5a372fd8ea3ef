"""Wagtail's database search backend (the embedded default; PostgreSQL without Elasticsearch): folding, any text.

Folding (docs/site-search.md). Every indexed text (pages, records, terms, projects, images,
documents: title, body and autocomplete alike) is indexed with, after it, the folded form
(heritage.text.fold) of each of its words that folding changes: "Điện Thái Hòa" is indexed as
"Điện Thái Hòa dien thai hoa". Each word of a search is looked for as typed or folded:
"Điện" as `"điện" OR "dien"`, "dien" as `"dien"`. So a search without accents finds the text
with them, and a text that has the word as typed matches both forms and ranks above one that has
only the folded form ("Huế" ranks Huế above Hue and huệ). The index gets the folded words when an
object is saved, and for what was saved before when `update_index` runs.

The SQLite query text. django-modelsearch handed each word of the search text to FTS5 inside
double quotes without doubling the double quotes it contains, and SQLite reads the query only up
to a NUL byte: `"`, `a"` or a NUL in a search box made the query unreadable to SQLite and the page
answer 500 (the site search, and the admin's searches alike; wagtail/wagtail#13227). Here each
word is quoted as FTS5 requires, control characters (which FTS5 treats as separators anyway)
become spaces (heritage.text.search_text, every search's rule), and a text with no word left
matches nothing.

Named fields. A search limited to some fields (the admin's snippet listings name theirs) asked
FTS5 for columns named after those fields, which its table lacks (it has title, body and
autocomplete): every such search answered 500 once the model had a row; on PostgreSQL it read the
model's columns, without the folded words. Here both search the index's columns, where the named
fields' text is, folded words included.

Selected in settings with WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.page_search"}}.
"""

import copy
import functools
import re

from django.utils.encoding import force_str
from modelsearch import index
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import Phrase, PlainText

from heritage.text import fold, search_text

# The columns of modelsearch's FTS5 table: every search field's text is in one of them.
FTS5_COLUMNS = ["title", "body", "autocomplete"]


# --- Folding ------------------------------------------------------------------------------


def folded_words(text: str) -> list[str]:
    """The folded form of each word of `text` that folding changes, in order: "Điện Thái Hòa" -> dien thai hoa."""
    words = []
    for word in text.split():
        if word.isascii():  # folding an ASCII word only lower-cases it
            continue
        folded = fold(word)
        if folded and folded != word.casefold():
            words.append(folded)
    return words


@functools.lru_cache(maxsize=4096)
def with_folded_words(text: str) -> str:
    """`text` followed by its folded words (folded_words), as the index holds it.

    Cached: a bulk index meets the same names (terms, monuments, partners) on many objects.
    """
    extra = folded_words(text)
    return f"{text} {' '.join(extra)}" if extra else text


def word_forms(word: str) -> list[str]:
    """A search word as typed and folded: "Điện" -> ["Điện", "dien"]; "dien" -> ["dien"]."""
    folded = fold(word)
    if not folded or folded == word.casefold():
        return [word]
    return [word, folded]


def _text(value) -> str:
    """A search field's value as text, as django-modelsearch's indexers write it (lists and dicts joined)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_text(item) for item in value.values())
    return force_str(value)


class _Indexed:
    """An object as the database indexers read it: its search fields give their text with the folded words.

    django-modelsearch's SQLite indexer reads every field three times (for the title, body and
    autocomplete columns); each field's text is made once per object (`texts`).
    """

    def __init__(self, obj):
        self.indexed_object = obj
        self.pk = obj.pk
        self.texts = {}

    def get_search_fields(self):
        return _folding_fields(type(self.indexed_object))


def _unwrapped(obj):
    return obj.indexed_object if isinstance(obj, _Indexed) else obj


class _FoldingValue:
    def get_value(self, obj):
        if not isinstance(obj, _Indexed):  # a related object's field
            return with_folded_words(_text(super().get_value(obj)))
        if self not in obj.texts:
            obj.texts[self] = with_folded_words(_text(super().get_value(obj.indexed_object)))
        return obj.texts[self]


class _FoldingRelatedFields(index.RelatedFields):
    def get_value(self, obj):
        return super().get_value(_unwrapped(obj))


@functools.cache
def _folding_class(field_class: type) -> type:
    return type(f"Folding{field_class.__name__}", (_FoldingValue, field_class), {})


def _folding_field(field):
    """A copy of a search field that gives its text with the folded words (filter fields unchanged)."""
    if isinstance(field, (index.SearchField, index.AutocompleteField)):
        field = copy.copy(field)
        field.__class__ = _folding_class(type(field))
        return field
    if isinstance(field, index.RelatedFields):
        related = copy.copy(field)
        related.__class__ = _FoldingRelatedFields
        related.fields = [_folding_field(sub_field) for sub_field in field.fields]
        return related
    return field


@functools.cache
def _folding_fields(model) -> list:
    return [_folding_field(field) for field in model.get_search_fields()]


class FoldingIndex:
    """Index mixin: what is indexed carries its folded words."""

    def add_items(self, model, objs):
        return super().add_items(model, [_Indexed(obj) for obj in objs])


# --- SQLite -------------------------------------------------------------------------------


def fts5_string(text: str, *, prefix: bool = False) -> str:
    """`text` as one FTS5 string (search_text(), double quotes doubled), a prefix when asked."""
    quoted = '"' + search_text(text).replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


def fts5_text(text: str) -> str:
    """`text` made safe inside an FTS5 string: search_text(), double quotes doubled."""
    return search_text(text).replace('"', '""')


def fts5_query(query: PlainText, *, last_is_prefix: bool) -> str:
    """The FTS5 expression for a plain-text search: each word as typed or folded, joined by the query's operator.

    "Điện Thái" -> ("Điện" OR "dien") AND ("Thái" OR "thai"). Empty when no word is left.
    """
    words = search_text(query.query_string).split()
    groups = []
    for position, word in enumerate(words):
        prefix = last_is_prefix and position == len(words) - 1
        forms = [fts5_string(form, prefix=prefix) for form in word_forms(word)]
        groups.append("(" + " OR ".join(forms) + ")")
    connector = " AND " if query.operator.upper() == "AND" else " OR "
    return connector.join(groups)


@functools.cache
def _sqlite_backend_class():
    # Imported only on SQLite: modelsearch's SQLite modules need its FTS model, absent elsewhere.
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.utils import get_content_type_pk

    class Expression(Lexeme):
        """A complete FTS5 expression, passed on as it is."""

        def as_sql(self, compiler, connection):
            return "%s", [self.value]

    class FoldingFTS5:
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                expression = fts5_query(query, last_is_prefix=self.LAST_TERM_IS_PREFIX)
                # The empty string: FTS5 matches no row.
                return SearchQueryExpression(Expression(expression) if expression else Lexeme(""))
            if isinstance(query, Phrase):
                query = Phrase(fts5_text(query.query_string))
            return super().build_search_query_content(query, config=config)

        def search(self, config, start, stop, score_field=None):
            # modelsearch MATCHes `self.fields or FTS_TABLE_FIELDS`: named fields become unknown columns.
            fields, self.fields = self.fields, (FTS5_COLUMNS if self.fields else None)
            try:
                return super().search(config, start, stop, score_field=score_field)
            finally:
                self.fields = fields

    class QueryCompiler(FoldingFTS5, SQLiteSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(FoldingFTS5, SQLiteAutocompleteQueryCompiler):
        pass

    class Index(FoldingIndex, SQLiteIndex):
        def add_items(self, model, objs):
            # django-modelsearch updates an object already indexed with one UPDATE each, which
            # its FTS5 triggers make cost milliseconds: 3,000 re-imported records took 11 s.
            # Their entries are deleted in a few statements here, and all are inserted in bulk.
            objs = list(objs)
            if objs:
                entries = self.entries.filter(content_type_id=get_content_type_pk(model))
                for start in range(0, len(objs), 500):
                    ids = [str(obj.pk) for obj in objs[start : start + 500]]
                    entries.filter(object_id__in=ids)._raw_delete(using=self.write_connection.alias)
            return super().add_items(model, objs)

    class SQLiteBackend(SQLiteSearchBackend):
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler
        index_class = Index

    return SQLiteBackend


# --- PostgreSQL ---------------------------------------------------------------------------


@functools.cache
def _postgres_backend_class():
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.query import Lexeme

    class FoldingTsquery:
        def build_tsquery_content(self, query, config=None, invert=False):
            if not isinstance(query, PlainText):
                return super().build_tsquery_content(query, config=config, invert=invert)
            # Words as modelsearch splits them (spaces and hyphens), each as typed or folded.
            words = [word for word in re.split(r"[\s\-]+", search_text(query.query_string)) if word]
            if not words:
                return None
            groups = []
            for position, word in enumerate(words):
                prefix = self.LAST_TERM_IS_PREFIX and position == len(words) - 1
                forms = [Lexeme(form, invert=invert, prefix=prefix) for form in word_forms(word)]
                # Inverted (NOT), "not typed and not folded".
                groups.append(functools.reduce((lambda a, b: a & b) if invert else (lambda a, b: a | b), forms))
            is_and = (query.operator.lower() == "and") != invert
            combined = functools.reduce((lambda a, b: a & b) if is_and else (lambda a, b: a | b), groups)
            return SearchQuery(combined, search_type="raw", config=config)

        def get_search_vectors(self, search_query):
            # The index's columns, also when fields are named: the model's columns lack the folded words.
            return self.get_index_vectors(search_query)

    class QueryCompiler(FoldingTsquery, PostgresSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(FoldingTsquery, PostgresAutocompleteQueryCompiler):
        pass

    class Index(FoldingIndex, PostgresIndex):
        pass

    class PostgresBackend(PostgresSearchBackend):
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler
        index_class = Index

    return PostgresBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    backend = database_backend(params)
    module = type(backend).__module__
    if module == "modelsearch.backends.database.sqlite.sqlite":
        return _sqlite_backend_class()(params)
    if module == "modelsearch.backends.database.postgres.postgres":
        return _postgres_backend_class()(params)
    return backend
