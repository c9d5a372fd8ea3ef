"""The admin's restoration-records import: who may use it and what a curator sees."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from heritage.models import RestorationRecord
from tests.heritage.test_import_restorations import csv_bytes, row

URL = "heritage_restoration_import"


def logged_in(client, user):
    # Messages are checked in English; the admin otherwise follows LANGUAGE_CODE (vi).
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def upload(client, content: bytes, name: str = "records.csv", **fields):
    return client.post(reverse(URL), {"file": SimpleUploadedFile(name, content, "text/csv"), **fields})


def test_a_restorer_may_not_import(client, restorer, ngo_mon):
    client = logged_in(client, restorer)
    assert client.get(reverse(URL)).status_code == 403
    assert upload(client, csv_bytes([row()])).status_code == 403
    assert not RestorationRecord.objects.exists()
    assert reverse(URL).encode() not in client.get(reverse("wagtailadmin_home")).content


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, ngo_mon):
    response = client.get(reverse(URL))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_a_curator_finds_the_import_in_the_menu_and_opens_it(client, curator, ngo_mon):
    client = logged_in(client, curator)
    assert reverse(URL).encode() in client.get(reverse("wagtailadmin_home")).content
    response = client.get(reverse(URL))
    assert response.status_code == 200
    assert b'type="file"' in response.content


def test_a_curator_imports_a_file_and_sees_the_summary(client, curator, ngo_mon):
    client = logged_in(client, curator)
    response = upload(client, csv_bytes([row(), row(reference="HUE-2")]))

    assert response.status_code == 200
    assert b"created 2, updated 0, unchanged 0" in response.content
    record = RestorationRecord.objects.get(reference="HUE-NM-1991-01")
    assert record.live
    assert record.live_revision.user == curator


def test_a_dry_run_in_the_admin_writes_nothing(client, curator, ngo_mon):
    client = logged_in(client, curator)
    response = upload(client, csv_bytes([row()]), dry_run="on")
    assert b"dry run: would have created 1, updated 0, unchanged 0" in response.content
    assert not RestorationRecord.objects.exists()


def test_bad_rows_are_listed_with_their_line_numbers(client, curator, ngo_mon):
    client = logged_in(client, curator)
    response = upload(client, csv_bytes([row(), row(reference="HUE-2", start="1991-13", monument="nowhere")]))

    assert response.status_code == 200
    errors = [str(error) for error in response.context["errors_shown"]]
    assert "line 3: monument: no monument is called “nowhere”; use a monument's slug, Vietnamese or English name." in (
        errors
    )
    assert "line 3: start: “1991-13” has no month 13." in errors
    assert "line 3: start: “1991-13” has no month 13.".encode() in response.content
    assert b"1 of 2 rows are invalid; nothing was imported." in response.content
    assert not RestorationRecord.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Café;Thé\n".encode("latin-1"), "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV file"),
        (b"reference,title\nA,B\n", "missing columns"),
    ],
)
def test_a_file_that_is_not_a_utf8_csv_is_refused_on_the_form(client, curator, ngo_mon, content, message):
    client = logged_in(client, curator)
    response = upload(client, content)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["file"])
    assert not RestorationRecord.objects.exists()


def test_an_empty_file_is_refused_on_the_form(client, curator, ngo_mon):
    client = logged_in(client, curator)
    response = upload(client, b"")
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["file"]] == ["empty"]
    response = upload(client, b"\n\n")
    assert "The file is empty." in str(response.context["form"].errors["file"])


def test_a_file_over_the_size_limit_is_refused_on_the_form(client, curator, ngo_mon, settings):
    settings.HERITAGE_IMPORT_MAX_FILE_SIZE = 100
    client = logged_in(client, curator)
    response = upload(client, csv_bytes([row()]))
    assert response.status_code == 200
    assert "the limit is" in str(response.context["form"].errors["file"])
    assert not RestorationRecord.objects.exists()
