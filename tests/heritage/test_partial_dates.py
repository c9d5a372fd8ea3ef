import datetime

import pytest
from django.core.exceptions import ValidationError

from heritage.models import RestorationRecord
from heritage.partial_dates import earliest_day, latest_day, parse_partial_date
from tests.factories import admin_record_create


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


@pytest.mark.parametrize(
    ("written", "stored"),
    [("２０２０-０１", "2020-01"), ("٢٠١٩", "2019"), ("२०१८-१२-३१", "2018-12-31"), ("1991", "1991")],
)
def test_dates_in_other_digits_are_saved_from_the_admin_form_in_ascii_digits(
    client, ngo_mon, restorer, written, stored
):
    client.force_login(restorer)

    response = admin_record_create(client, ngo_mon, reference="HUE-NM-DIGITS", start=written, end=written)

    assert response.status_code == 302, response.content.decode()[:2000]
    record = RestorationRecord.objects.get(reference="HUE-NM-DIGITS")
    assert (record.start, record.end) == (stored, stored)
    assert record.latest_revision.content["start"] == stored  # the draft a reviewer sees
    assert parse_partial_date(written) == parse_partial_date(stored)


def test_superscript_digits_are_not_a_date():
    with pytest.raises(ValidationError):
        parse_partial_date("¹⁹⁹¹")
