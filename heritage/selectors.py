"""Reads of the archive for its public pages, bounded at any archive size.

A monument can hold tens of thousands of restoration records: its pages never read them all.
They show a summary (counts and a decade histogram counted by the database, the latest and the
major works) or one page of a timeline, each in the same number of queries whatever the count.
Who sees which records is `RestorationRecord.objects.visible_to(user)`'s rule, called, not copied.
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models.functions import Cast, Coalesce, Substr

from .labels import archive_language
from .models import HOME_MONUMENTS, ArtefactPage, HomePage, MonumentPage, RecordType, RestorationRecord

TIMELINE_PAGE_SIZE = 10  # each entry shows its facts and two figures: ten make a long page on a phone
SUMMARY_LATEST = 5
SUMMARY_MAJOR = 5
# The interventions a summary calls major works, the longest first (ongoing work counted to today).
MAJOR_RECORD_TYPES = (RecordType.TREATMENT, RecordType.EMERGENCY)
# Timelines read oldest first; records without a usable start date come last on every database.
TIMELINE_ORDER = (models.F("start_earliest").asc(nulls_last=True), "reference")


class _DaysBetween(models.Func):
    """Days from the second date to the first, in the database's own date arithmetic (for ordering)."""

    output_field = models.FloatField()
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite keeps dates as ISO text: its native julianday(), not a Python function per record.
        return self.as_sql(
            compiler, connection, template="(julianday(%(expressions)s))", arg_joiner=") - julianday(", **extra
        )


@dataclass(frozen=True)
class Decade:
    start: int  # 1990 for the 1990s
    count: int
    first_position: int  # how many records come before it on the timeline


@dataclass(frozen=True)
class RecordsSummary:
    count: int
    undated: int
    decades: list[Decade]
    latest: list = field(default_factory=list)
    major: list = field(default_factory=list)

    @property
    def busiest(self) -> int:
        return max((decade.count for decade in self.decades), default=0)


def monument_records(monument, *, user) -> models.QuerySet:
    """The records of `monument` (in any of its locales) that `user` may see."""
    monuments = MonumentPage.objects.filter(translation_key=monument.translation_key).values("pk")
    return RestorationRecord.objects.visible_to(user).filter(monument_id__in=monuments)


def artefact_records(artefact, *, user) -> models.QuerySet:
    """The records of `artefact` (in any of its locales) that `user` may see."""
    artefacts = ArtefactPage.objects.filter(translation_key=artefact.translation_key).values("pk")
    return RestorationRecord.objects.visible_to(user).filter(artefact_id__in=artefacts)


def records_decades(records: models.QuerySet) -> tuple[list[Decade], int]:
    """(decades with their counts, oldest first; the count of records without a usable date), in one query.

    Grouped by the first three digits of the earliest start day (stored as ISO text by SQLite, cast to
    it on PostgreSQL), so the database counts without a function call per record.
    """
    prefix = Substr(Cast("start_earliest", models.CharField()), 1, 3)
    rows = records.order_by().annotate(prefix=prefix).values_list("prefix").annotate(count=models.Count("pk"))
    decades, undated, position = [], 0, 0
    for prefix_value, count in sorted(rows, key=lambda row: (row[0] is None, row[0] or "")):
        if prefix_value is None:
            undated += count
            continue
        decades.append(Decade(start=int(prefix_value) * 10, count=count, first_position=position))
        position += count
    return decades, undated


def records_summary(records: models.QuerySet, *, latest: int = SUMMARY_LATEST, major: int = SUMMARY_MAJOR):
    """Counts, decades, the latest works and the major ones among `records`, in a fixed number of queries."""
    decades, undated = records_decades(records)
    count = undated + sum(decade.count for decade in decades)
    latest_pks = list(
        records.order_by(models.F("start_earliest").desc(nulls_last=True), "-reference").values_list("pk", flat=True)[
            :latest
        ]
    )
    today = models.Value(datetime.date.today(), output_field=models.DateField())
    major_pks = list(
        records.filter(record_type__in=MAJOR_RECORD_TYPES, start_earliest__isnull=False)
        .exclude(pk__in=latest_pks)
        .annotate(days=_DaysBetween(Coalesce("end_latest", today), "start_earliest"))
        .order_by("-days", "-start_earliest", "reference")
        .values_list("pk", flat=True)[:major]
    )
    shown = RestorationRecord.objects.for_timeline()
    by_pk = {record.pk: record for record in shown.filter(pk__in=[*latest_pks, *major_pks])}
    return RecordsSummary(
        count=count,
        undated=undated,
        decades=decades,
        latest=[by_pk[pk] for pk in latest_pks if pk in by_pk],
        major=[by_pk[pk] for pk in major_pks if pk in by_pk],
    )


class NoSuchPage(Exception):
    """The page number asked for is not a whole number, or beyond the last page."""

    def __init__(self, paginator: Paginator):
        super().__init__("no such page")
        self.paginator = paginator


def timeline_page(records: models.QuerySet, number, *, per_page: int = TIMELINE_PAGE_SIZE):
    """One page of `records`, oldest first, with all a timeline entry shows; NoSuchPage when out of range.

    A missing number is the first page. The database orders and counts the records' keys only (a
    narrow sort, however far the page), then the page's records are read with their prefetches: the
    same number of queries whatever the page and however many records there are.
    """
    paginator = Paginator(records.order_by(*TIMELINE_ORDER).values_list("pk", flat=True), per_page)
    try:
        page = paginator.page(number or 1)
    except (PageNotAnInteger, EmptyPage) as error:
        raise NoSuchPage(paginator) from error
    pks = list(page.object_list)
    by_pk = {record.pk: record for record in RestorationRecord.objects.filter(pk__in=pks).for_timeline()}
    page.object_list = [by_pk[pk] for pk in pks if pk in by_pk]
    return page


MAPPED_MONUMENTS = 500  # a home page's map: more would be a cloud of dots, and a heavy page


def archive_pages(model, page):
    """The archive's pages of `model` (monuments, artefacts) as a reader of `page` reads them: in its
    language, or, when the archive is not kept in it (Korean), in the archive's language the reader
    reads first (heritage.labels.reading_order)."""
    return model.objects.filter(locale__language_code=archive_language(page.locale.language_code))


def mapped_monuments(home: HomePage, *, limit: int = MAPPED_MONUMENTS) -> list[MonumentPage]:
    """The monuments with coordinates a home page's map shows, in its locale, by name (one query and
    public()'s view restrictions)."""
    monuments = archive_pages(MonumentPage, home).live().public()
    located = monuments.filter(latitude__isnull=False, longitude__isnull=False).order_by("name_sort", "pk")
    return list(located.defer_streamfields()[:limit])


def home_monuments(home: HomePage, *, limit: int = HOME_MONUMENTS) -> list[MonumentPage]:
    """The monuments a home page shows: those the curators feature, in their order, each in the home
    page's locale (live and public only); with none, the first `limit` by name (heritage.collation).

    Three queries, featured or not (the list, public()'s view restrictions, the monuments). The
    featured list is read through the page's own relation, so a preview shows the list being edited.
    """
    keys = [item.monument.translation_key for item in home.featured_monuments.select_related("monument")][:limit]
    monuments = archive_pages(MonumentPage, home).live().public()
    if keys:
        by_key = {monument.translation_key: monument for monument in monuments.filter(translation_key__in=keys)}
        featured = [by_key[key] for key in dict.fromkeys(keys) if key in by_key]
        if featured:
            return featured
    return list(monuments.order_by("name_sort", "pk")[:limit])
