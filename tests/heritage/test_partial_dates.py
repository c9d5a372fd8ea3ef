import datetime

import pytest
from django.core.exceptions import ValidationError

from heritage.partial_dates import earliest_day, latest_day, parse_partial_date


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("1991", datetime.date(1991, 1, 1), datetime.date(1991, 12, 31)),
        ("1992-06", datetime.date(1992, 6, 1), datetime.date(1992, 6, 30)),
        ("2024-02", datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)),
        ("2023-02", datetime.date(2023, 2, 1), datetime.date(2023, 2, 28)),
        ("1833-04-15", datetime.date(1833, 4, 15), datetime.date(1833, 4, 15)),
    ],
)
def test_a_partial_date_spans_exactly_what_it_says(text, earliest, latest):
    assert earliest_day(text) == earliest
    assert latest_day(text) == latest


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("91", "is not a date"),
        ("1991-13", "has no month 13"),
        ("2023-02-29", "is not a day of the calendar"),
        ("1991/06", "is not a date"),
        ("", "is not a date"),
        ("0000", "Year must be"),
    ],
)
def test_an_impossible_date_is_refused_with_a_reason(text, message):
    with pytest.raises(ValidationError) as error:
        parse_partial_date(text)
    assert message in " ".join(error.value.messages)
