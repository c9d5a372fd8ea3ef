"""Dates known only to the year or the month, kept at the precision they were given.

A restoration that "took place in 1991" is stored as "1991", never as 1991-01-01. For
filtering and sorting we derive the earliest and latest day the text can mean.
"""

import calendar
import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

PARTIAL_DATE_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def parse_partial_date(value: str) -> tuple[int, int | None, int | None]:
    """Split "YYYY", "YYYY-MM" or "YYYY-MM-DD" into parts, raising ValidationError."""
    match = PARTIAL_DATE_RE.match(value or "")
    if not match:
        raise ValidationError(
            _("“%(value)s” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD."),
            code="invalid_partial_date",
            params={"value": value},
        )
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if year < 1:
        raise ValidationError(_("Year must be 0001 or later."), code="invalid_partial_date")
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(
            _("“%(value)s” has no month %(month)s."),
            code="invalid_partial_date",
            params={"value": value, "month": month},
        )
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValidationError(
            _("“%(value)s” is not a day of the calendar."),
            code="invalid_partial_date",
            params={"value": value},
        )
    return year, month, day


def earliest_day(value: str) -> datetime.date:
    year, month, day = parse_partial_date(value)
    return datetime.date(year, month or 1, day or 1)


def latest_day(value: str) -> datetime.date:
    year, month, day = parse_partial_date(value)
    month = month or 12
    return datetime.date(year, month, day or calendar.monthrange(year, month)[1])


def validate_partial_date(value: str) -> None:
    parse_partial_date(value)


class PartialDateField(models.CharField):
    """A CharField holding "YYYY", "YYYY-MM" or "YYYY-MM-DD"."""

    default_validators = [validate_partial_date]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("help_text", _("YYYY, YYYY-MM or YYYY-MM-DD: only as precise as known."))
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 10:
            del kwargs["max_length"]
        return name, path, args, kwargs
