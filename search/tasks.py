"""Background tasks of the search app (django-tasks)."""

from django_tasks import task


@task()
def restoration_index_update(record_ids: list[int]) -> dict:
    """Make the restoration index follow the database for these records.

    Never fails: when Elasticsearch is unavailable the ids are stored as PendingIndexUpdate
    rows, which the worker (`restoration_index worker`) retries.
    """
    from .sync import index_update_apply

    return index_update_apply(record_ids)
