"""What the search app stores in the database: index updates waiting for Elasticsearch."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """A restoration record whose index update has not reached Elasticsearch yet.

    Written when an update fails (Elasticsearch down, a rejected document) or lands while a
    rebuild is loading a new index; removed once `search.sync.retry_pending()` has applied the
    record's current state. Not a foreign key: the record may have been deleted, and then its
    document must be deleted too.
    """

    record_id = models.BigIntegerField(_("record id"), unique=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["record_id"]
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")

    def __str__(self):
        return f"record {self.record_id} ({self.attempts} attempts)"
