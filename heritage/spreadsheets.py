"""Cells of the spreadsheets the site writes and reads: formulas written as text, read back as written.

A spreadsheet program runs a cell that begins with `=`, `+`, `-` or `@` (some also after a tab or
a carriage return) as a formula. Restorers write record titles and summaries that curators open
in a spreadsheet, so an exported cell must never run (OWASP, "CSV Injection"). Every CSV the site
writes passes each cell through spreadsheet_safe(), which puts an apostrophe before such a cell:
spreadsheets read the apostrophe as "this is text" and do not display it. The import passes each
cell through spreadsheet_unsafe(), so a file exported and imported again gives the stored values.

So that the two are exact inverses, a cell that already begins with apostrophes followed by such
a character gets one more apostrophe too ("'=1" is written "''=1" and read back as "'=1").
The rule is stated for curators in docs/data-specification.md.

The admin's CSV downloads (the records' listing, and Wagtail's own reports: site history,
workflows, locked and aging pages…) are written by Wagtail's SpreadsheetExportMixin, whose every
cell passes through its preprocess_field_value(); admin_csv_exports_make_safe() (run once, from
heritage.apps) puts spreadsheet_safe() there. Its XLSX downloads need nothing: Wagtail stores a
cell that openpyxl would take for a formula as a text cell.
"""

import csv
from collections.abc import Iterator

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formula_like(cell: str) -> bool:
    return cell.lstrip("'").startswith(FORMULA_STARTS)


def spreadsheet_safe(cell: str) -> str:
    """The cell as written to a CSV file: with an apostrophe before it if a spreadsheet could run it."""
    return "'" + cell if _formula_like(cell) else cell


def spreadsheet_unsafe(cell: str) -> str:
    """The cell as imported from a CSV file: the inverse of spreadsheet_safe()."""
    return cell[1:] if cell.startswith("'") and _formula_like(cell) else cell


def admin_csv_exports_make_safe() -> None:
    """Every CSV download of the Wagtail admin writes its cells through spreadsheet_safe()."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    preprocess = SpreadsheetExportMixin.preprocess_field_value
    if getattr(preprocess, "spreadsheet_safe", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return spreadsheet_safe(value)
        return value

    preprocess_field_value.spreadsheet_safe = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value


class _Echo:
    def write(self, value):
        return value


def csv_lines(rows: Iterator[list[str]]) -> Iterator[str]:
    """CSV text, a line per row, for a streaming response: opened by spreadsheets as it reads back.

    It starts with a byte-order mark (without it, Excel reads UTF-8 as a legacy code page and
    garbles every diacritic), and every cell passes through spreadsheet_safe().
    """
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([spreadsheet_safe(cell) for cell in row])
