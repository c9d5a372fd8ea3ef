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

Selected in settings with WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_elasticsearch9", ...}}.
"""

from elasticsearch import BadRequestError, NotFoundError
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchResults,
)
from modelsearch.index import get_indexed_models
from modelsearch.utils import deep_update


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


class SearchBackend(Elasticsearch9SearchBackend):
    index_class = Index
    results_class = SearchResults
