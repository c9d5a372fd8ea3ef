"""Wagtail's Elasticsearch 9 backend, whose indexes are created with Wagtail's mapping when first needed.

django-modelsearch (Wagtail's search) creates its Elasticsearch indexes in `update_index` only.
Before that command had run, saving a page, record, image, document or term wrote its document
to an index that did not exist, and Elasticsearch created the index by itself, guessing the
mapping from the document: `pk` not stored, none of the configured analyzers (no folding of
diacritics). A search asks for each hit's stored `pk`, got hits without `fields`, and raised
KeyError: 'fields': the admin's page search answered 500. Searching a model of which nothing had
been saved yet asked for an index that did not exist (NotFoundError, 500 too).

Here an index is created, empty, with the configured settings and the mapping of every model it
holds, as `update_index` creates it, before a document is written to it and when a search finds
it missing. `update_index` still fills it with what was saved before, and replaces it as before
(a new index behind an alias of this name).

Folding (docs/site-search.md). Every text field is analysed with `folding`: the standard
tokenizer, lower case, and `asciifolding` keeping the original token beside the folded one when
they differ ("Huế" gives huế and hue at one position; "đ" folds to "d"). Searches are analysed the
same way, so "dien thai hoa" finds "Điện Thái Hòa", and a text with the word as typed matches both
tokens and ranks above one with only the folded form ("Huế" ranks Huế above Hue and huệ). The
autocomplete fields (the admin's searches) keep modelsearch's folded edge n-grams, and their
searches are folded too (modelsearch searches them with the `standard` analyzer, which does not
fold: "Điện" found nothing there). The filters are Elasticsearch's own (analysis-common) and, on
the test server, the project's plugin's (scripts/es-analysis-plugin). Changing these settings
needs a new index: `update_index` builds one and swaps the alias.

Search text goes through heritage.text.search_text (control characters as spaces), as everywhere,
and every word of it must match, as on the database backends (modelsearch's Elasticsearch
default is any word: "bao cao dien" listed every "báo cáo").

Selected in settings with WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_elasticsearch9", ...}}.
"""

import copy

from elasticsearch import BadRequestError, NotFoundError
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)
from modelsearch.index import get_indexed_models
from modelsearch.utils import deep_update

from heritage.text import search_text

FOLDING_ANALYZER = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["lowercase", "folding_preserving_original"],
}
ANALYSIS = {
    "filter": {"folding_preserving_original": {"type": "asciifolding", "preserve_original": True}},
    # `default` analyses every text field without an analyzer of its own, and the searches on them.
    "analyzer": {"folding": FOLDING_ANALYZER, "default": FOLDING_ANALYZER},
}


class Mapping(Elasticsearch9Mapping):
    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": "folding"}


class Index(Elasticsearch9Index):
    def create_if_missing(self) -> None:
        """Create this index, empty, with the settings and its models' mapping, unless it exists."""
        if self.es.indices.exists(index=self.name):
            return
        mappings = {}
        for model in get_indexed_models():
            if self.backend.get_index_for_model(model).name == self.name:
                deep_update(mappings, self.mapping_class(model).get_mapping())
        try:
            self.es.indices.create(index=self.name, mappings=mappings, **self.backend.settings)
        except BadRequestError as error:
            if error.error != "resource_already_exists_exception":  # else another process created it
                raise

    def add_item(self, item):
        self.create_if_missing()
        super().add_item(item)

    def add_items(self, model, items):
        self.create_if_missing()
        super().add_items(model, items)


class SearchResults(Elasticsearch9SearchResults):
    def _on_index(self, search, *args, **kwargs):
        """`search(*args, **kwargs)`; when the model's index is missing, again once it is created."""
        try:
            return search(*args, **kwargs)
        except NotFoundError as error:
            if error.error != "index_not_found_exception":
                raise
        self.backend.get_index_for_model(self.query_compiler.queryset.model).create_if_missing()
        return search(*args, **kwargs)

    def _backend_do_search(self, body, **kwargs):
        return self._on_index(super()._backend_do_search, body, **kwargs)

    def _do_count(self):
        return self._on_index(super()._do_count)


class QueryCompiler(Elasticsearch9SearchQueryCompiler):
    DEFAULT_OPERATOR = "and"


class AutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    DEFAULT_OPERATOR = "and"


class SearchBackend(Elasticsearch9SearchBackend):
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    index_class = Index
    results_class = SearchResults
    mapping_class = Mapping
    settings = copy.deepcopy(Elasticsearch9SearchBackend.settings)
    deep_update(settings, {"settings": {"analysis": ANALYSIS}})

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = search_text(query)
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
