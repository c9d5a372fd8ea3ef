"""Background tasks of the archive (django-tasks)."""

from django_tasks import task


@task()
def translations_sync_task(page_id: int, user_id: int | None = None) -> dict:
    """Make the translations of page `page_id` follow it after it was published (heritage.translation).

    Never fails: a sync that fails is stored as a PendingTranslationSync row, which
    `manage.py translations retry` and the worker retry.
    """
    from .translation import sync_apply

    return sync_apply(page_id, user_id)
