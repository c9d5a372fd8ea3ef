"""Deleting the Elasticsearch indexes tests create (production never deletes indexes but through a rebuild's swap)."""

from search import es

DELETE_CHUNK = 20  # indexes named in one delete request


def indexes_delete(pattern: str) -> list[str]:
    """Delete the indexes whose names match `pattern` (e.g. "prefix-*"); returns their names.

    Listed, then deleted by name, some at a time: servers that refuse wildcard deletes
    (action.destructive_requires_name) accept this too.
    """
    c = es.client()
    found = c.options(ignore_status=404).indices.get(index=pattern, expand_wildcards="all")
    names = sorted(found.body) if found.meta.status == 200 else []
    for start in range(0, len(names), DELETE_CHUNK):
        c.indices.delete(index=",".join(names[start : start + DELETE_CHUNK]), ignore_unavailable=True)
    return names


def restoration_indexes_delete() -> list[str]:
    """Delete every index of the restoration alias of the current prefix (loading ones too)."""
    return indexes_delete(f"{es.alias_name()}-*")
