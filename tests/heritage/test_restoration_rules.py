import pytest
from django.core.exceptions import ValidationError

from heritage.models import RestorationRecord
from tests.factories import make_record


def errors_of(record) -> dict:
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    return error.value.message_dict


def test_an_end_before_the_start_is_refused(ngo_mon):
    record = RestorationRecord(
        reference="R-1",
        title="t",
        monument=ngo_mon,
        record_type="treatment",
        start="1992",
        end="1991-12",
        summary="s",
    )
    assert "is before the start" in errors_of(record)["end"][0]


def test_a_same_year_end_with_more_precision_is_accepted(ngo_mon):
    record = make_record(ngo_mon, start="1991", end="1991-03")
    assert record.start == "1991" and record.end == "1991-03"


def test_a_budget_without_currency_is_refused(ngo_mon):
    record = RestorationRecord(
        reference="R-2",
        title="t",
        monument=ngo_mon,
        record_type="treatment",
        start="1991",
        summary="s",
        budget=1000,
    )
    assert "currency" in errors_of(record)


def test_an_unknown_record_type_is_refused(ngo_mon):
    record = RestorationRecord(
        reference="R-3", title="t", monument=ngo_mon, record_type="repainting", start="1991", summary="s"
    )
    assert "record_type" in errors_of(record)


def test_dates_keep_their_precision_and_derive_their_span(ngo_mon):
    record = make_record(ngo_mon, start="1991", end="1992-06")
    record.refresh_from_db()
    assert (record.start, record.end) == ("1991", "1992-06")
    assert str(record.start_earliest) == "1991-01-01"
    assert str(record.end_latest) == "1992-06-30"


def test_an_ongoing_record_has_no_end(ngo_mon):
    record = make_record(ngo_mon, start="2021", end="")
    assert record.is_ongoing and record.end_latest is None


def test_only_published_public_records_are_public(ngo_mon):
    public = make_record(ngo_mon)
    make_record(ngo_mon, visibility="internal")
    make_record(ngo_mon, publish=False)
    assert list(RestorationRecord.objects.public()) == [public]
