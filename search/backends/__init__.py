"""The restoration search service: one interface (base.SearchBackend), two backends.

`get_backend()` is the configured backend, chosen once from settings: Elasticsearch
(elasticsearch.ElasticsearchBackend) when ELASTICSEARCH_URL is set, the database
(database.DatabaseBackend) otherwise; RESTORATION_SEARCH_BACKEND, a dotted path, names another.
The API, the restorers' page and the export all ask it; tests may build a backend themselves.
Both answer the same parameters (search.params) with the same semantics and the same typed
response (response.SearchResponse); its `backend` says which answered.
"""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.module_loading import import_string

from .base import SearchBackend, record_type_labels, record_url

__all__ = ["SearchBackend", "get_backend", "record_type_labels", "record_url"]

DATABASE = "search.backends.database.DatabaseBackend"
ELASTICSEARCH = "search.backends.elasticsearch.ElasticsearchBackend"


@functools.cache
def get_backend() -> SearchBackend:
    path = getattr(settings, "RESTORATION_SEARCH_BACKEND", "") or (
        ELASTICSEARCH if settings.ELASTICSEARCH_URL else DATABASE
    )
    return import_string(path)()


def _settings_changed(setting, **kwargs):
    if setting in ("ELASTICSEARCH_URL", "RESTORATION_SEARCH_BACKEND"):
        get_backend.cache_clear()


setting_changed.connect(_settings_changed, dispatch_uid="search.backends.settings_changed")
