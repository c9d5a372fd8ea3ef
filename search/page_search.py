"""Wagtail's database search backend (the embedded default), with the SQLite query text quoted correctly.

On SQLite, django-modelsearch hands each word of the search text to FTS5 inside double quotes
without doubling the double quotes it contains, and SQLite reads the query only up to a NUL
byte: `"`, `a"` or a NUL in a search box made the query unreadable to SQLite and the page answer
500 (the site search, and the admin's searches alike; wagtail/wagtail#13227). Here each word is
quoted as FTS5 requires, control characters (which FTS5 treats as separators anyway) become
spaces (heritage.text.search_text, every search's rule), and a text with no word left matches
nothing. And a search limited to some fields (the admin's snippet listings name theirs) asked
FTS5 for columns named after those fields, which its table lacks (it has title, body and
autocomplete): every such search answered 500 once the model had a row. Here it searches all
the table's columns, where the named fields' text is. PostgreSQL and MySQL keep their backends.

Selected in settings with WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.page_search"}}.
"""

import functools

from modelsearch.backends.database import SearchBackend as database_backend

from heritage.text import search_text

# The columns of modelsearch's FTS5 table: every search field's text is in one of them.
FTS5_COLUMNS = ["title", "body", "autocomplete"]


def fts5_text(text: str) -> str:
    """`text` made safe inside an FTS5 string: search_text(), double quotes doubled."""
    return search_text(text).replace('"', '""')


@functools.cache
def _sqlite_backend_class():
    # Imported only on SQLite: modelsearch's SQLite modules need its FTS model, absent elsewhere.
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.query import Phrase, PlainText

    class QuotedFTS5:
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                text = fts5_text(query.query_string)
                if not text.split():
                    return SearchQueryExpression(Lexeme(""))  # the empty string: FTS5 matches no row
                query = PlainText(text, operator=query.operator, boost=query.boost)
            elif isinstance(query, Phrase):
                query = Phrase(fts5_text(query.query_string))
            return super().build_search_query_content(query, config=config)

        def search(self, config, start, stop, score_field=None):
            # modelsearch MATCHes `self.fields or FTS_TABLE_FIELDS`: named fields become unknown columns.
            fields, self.fields = self.fields, (FTS5_COLUMNS if self.fields else None)
            try:
                return super().search(config, start, stop, score_field=score_field)
            finally:
                self.fields = fields

    class QueryCompiler(QuotedFTS5, SQLiteSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(QuotedFTS5, SQLiteAutocompleteQueryCompiler):
        pass

    class SQLiteBackend(SQLiteSearchBackend):
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler

    return SQLiteBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    backend = database_backend(params)
    if type(backend).__module__ == "modelsearch.backends.database.sqlite.sqlite":
        return _sqlite_backend_class()(params)
    return backend
