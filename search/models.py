"""What the search app stores in the database: the database search's own index, and index
updates waiting for Elasticsearch."""

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


TERM_SEPARATOR = "\x1f"  # the unit separator, which no term key contains


class RecordSearchText(models.Model):
    """A live restoration record as the database search reads it (search.database_index).

    One row per published record, written in the same transaction as the change that alters it,
    so the database search filters, counts, sorts and pages in SQL on one narrow table (a count
    of every record reads a few megabytes, not the texts). Its words are in RecordWords. The
    `*_words` columns hold folded words between single spaces, with a space at each end, so a
    whole word is ` word `.
    """

    # The record's id, not a foreign key: an INTEGER PRIMARY KEY is SQLite's rowid itself, so the
    # text index's matches are looked up directly (a bigint key would go through a second index).
    # search.sync removes the row when the record goes.
    record_id = models.IntegerField(primary_key=True)
    reference = models.CharField(max_length=64)
    monument = models.ForeignKey("heritage.MonumentPage", on_delete=models.CASCADE, related_name="+")
    record_type = models.CharField(max_length=32)
    visibility = models.CharField(max_length=16)
    # Sort keys: the earliest day of the start, with a missing start last both ways.
    start_asc = models.DateField()
    start_desc = models.DateField()
    end_latest = models.DateField(null=True)
    sample_key = models.IntegerField()  # search.documents.sample_key: facets of many matches are sampled on it
    title_words = models.TextField()  # relevance: a word in the title weighs 3…
    name_words = models.TextField()  # …in a monument name 2, anywhere else 1
    # The record's term keys, separated by TERM_SEPARATOR: facets are counted from this row alone.
    technique_keys = models.TextField(blank=True)
    material_keys = models.TextField(blank=True)
    partner_keys = models.TextField(blank=True)

    class Meta:
        # The sort indexes also hold the date and visibility columns, so that a date range is
        # counted and paged from the index alone (no row read per entry).
        indexes = [
            models.Index(fields=["start_asc", "reference", "end_latest", "visibility"], name="search_text_asc"),
            models.Index(
                fields=["-start_desc", "reference", "start_asc", "end_latest", "visibility"], name="search_text_desc"
            ),
            models.Index(fields=["sample_key"], name="search_text_sample"),
            models.Index(fields=["record_type"], name="search_text_type"),
        ]

    def __str__(self):
        return self.reference


class RecordWords(models.Model):
    """Every searchable word of a record (RecordSearchText), what a query's words must all be in.

    Apart from the narrow row, so that filters and counts never read the texts. The index that
    serves `words` depends on the database (SQLite: an FTS5 table kept by triggers; PostgreSQL:
    a GIN index on its array of words), see migration 0002.
    """

    record_id = models.IntegerField(primary_key=True)  # as RecordSearchText's
    words = models.TextField()

    def __str__(self):
        return f"words of record {self.record_id}"
