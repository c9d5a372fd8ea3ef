"""Dates known only to the year or the month, kept at the precision they were given.

A restoration that "took place in 1991" is stored as "1991", never as 1991-01-01. For
filtering and sorting we derive the earliest and latest day the text can mean.
"""

import calendar
import datetime
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

PARTIAL_DATE_RE = re.compile(r"^(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?$")


def normalise_partial_date(value: str) -> str:
    """The text with ASCII digits: "２０２０-０１", "٢٠١٩" and "२०१८-१२-३१" become "2020-01", "2019", "2018-12-31".

    A spreadsheet or an input method may write the digits of another script; they mean the same
    date, and sorting, filtering and the import's "unchanged" check compare the stored text.
    """
    return "".join(str(digit) if (digit := unicodedata.decimal(char, None)) is not None else char for char in value)


def parse_partial_date(value: str) -> tuple[int, int | None, int | None]:
    """Split "YYYY", "YYYY-MM" or "YYYY-MM-DD" (digits of any script) into parts, raising ValidationError."""
    match = PARTIAL_DATE_RE.match(normalise_partial_date(value or ""))
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
    """A CharField holding "YYYY", "YYYY-MM" or "YYYY-MM-DD" in ASCII digits.

    Model.full_clean() (which the admin form and the import both run) stores the normalised text.
    """

    default_validators = [validate_partial_date]

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_partial_date(value) if isinstance(value, str) else value

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("help_text", _("YYYY, YYYY-MM or YYYY-MM-DD: only as precise as known."))
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 10:
            del kwargs["max_length"]
        return name, path, args, kwargs
