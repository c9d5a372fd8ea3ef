"""Links from the archive's pages into the restorers' search (search/views.py serves it under this name)."""

from django.http import QueryDict
from django.urls import reverse


def restorations_search_url(monument_slug: str, **params) -> str:
    """The restorers' search, filtered on one monument (and `params`, e.g. from/to years)."""
    query = QueryDict(mutable=True)
    query["monument"] = monument_slug
    for name, value in params.items():
        query[name] = str(value)
    return f"{reverse('restorations')}?{query.urlencode()}"
