"""CSV exports: formula cells neutralised, UTF-8 with BOM, safe file names."""

from __future__ import annotations

import csv
import io

from server.export import BOM, csv_files, filename, neutralise


def test_cells_a_spreadsheet_would_run_get_a_leading_apostrophe():
    """=, +, -, @, tab and carriage return at the start are neutralised; other text and numbers stay."""
    for risky in ("=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(risky) == "'" + risky
    assert neutralise("Tijd = geld") == "Tijd = geld"
    assert neutralise(-0.5) == -0.5


def test_every_file_starts_with_a_bom_and_reads_back():
    """Each CSV opens with the byte-order mark and parses with ; as separator, header first."""
    summary = {"groups": [], "boards": [], "checkout": {"answers": [{"rating": 4, "text": "=fijn"}]}}
    files = csv_files(summary)
    for data in files.values():
        assert data.decode("utf-8").startswith(BOM)
    rows = list(csv.reader(io.StringIO(files["checkout.csv"].decode("utf-8-sig")), delimiter=";"))
    assert rows == [["rating", "text"], ["4", "'=fijn"]]


def test_file_names_are_ascii_from_the_title_and_date():
    """The title is someone's text: only letters and digits reach the header."""
    name = filename({"title": 'Jeugd "Oost"\r\n; ë', "created_at": 1_764_547_200_000}, "zip")
    assert name == "samenspel-jeugd-oost-2025-12-01.zip"
