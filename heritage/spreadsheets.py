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
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formula_like(cell: str) -> bool:
    return cell.lstrip("'").startswith(FORMULA_STARTS)


def spreadsheet_safe(cell: str) -> str:
    """The cell as written to a CSV file: with an apostrophe before it if a spreadsheet could run it."""
    return "'" + cell if _formula_like(cell) else cell


def spreadsheet_unsafe(cell: str) -> str:
    """The cell as imported from a CSV file: the inverse of spreadsheet_safe()."""
    return cell[1:] if cell.startswith("'") and _formula_like(cell) else cell
