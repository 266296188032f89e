"""Exports of a session's summary: CSV files (those of each kind of section, in one zip) and JSON.

CSV is for spreadsheets, so it is written for them: UTF-8 with a byte-order mark (Excel in a
Dutch locale then reads the accents right), ``;`` as separator (what Excel expects where the
decimal mark is a comma), shares as plain numbers with a dot. Text typed by people that a
spreadsheet would run as a formula (a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is neutralised with a leading apostrophe (OWASP's advice), so opening an export
never runs anything. Only text cells are touched: numbers are ours.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime, timezone
from typing import Any

from boards import kinds

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return (BOM + out.getvalue()).encode("utf-8")


def csv_files(summary: dict[str, Any], lang: str = "nl") -> dict[str, bytes]:
    """The summary as CSV files, by name: each kind of section's files (its rows written by the
    kind, :mod:`boards.kinds`), then the check-out. Every file has a header row, even when empty."""
    groups = {g["id"]: g for g in summary["groups"]}
    used = [k for k in kinds.KINDS
            if k.name in kinds.ALWAYS_LISTED or any(k.summary_key in b for b in summary["boards"])]
    headers = {name: header for kind in used for name, header in kind.export_files.items()}
    rows: dict[str, list[list[Any]]] = {name: [] for name in headers}
    for board in summary["boards"]:
        for kind in used:
            for section in board.get(kind.summary_key, []):
                kind.export_rows(board["id"], section, groups, lang, rows)
    files = {name: _csv(header, rows[name]) for name, header in headers.items()}
    files["checkout.csv"] = _csv(["rating", "text"], [[a["rating"], a["text"]] for a in summary["checkout"]["answers"]])  # with or without a sentence
    return files


def zip_csv(summary: dict[str, Any], lang: str = "nl") -> bytes:
    out = io.BytesIO()
    stamp = _zip_time(summary)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in csv_files(summary, lang).items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return out.getvalue()


def _zip_time(summary: dict[str, Any]) -> tuple[int, int, int, int, int, int]:
    at = summary.get("closed_at") or summary.get("created_at") or 315532800000  # 1980, zip's epoch
    t = datetime.fromtimestamp(at / 1000, tz=timezone.utc)
    return (max(1980, t.year), t.month, t.day, t.hour, t.minute, t.second)


def filename(summary: dict[str, Any], ext: str) -> str:
    """``samenspel-<title>-<date>.<ext>``, ASCII only (the title is someone's text)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", summary.get("title") or "").strip("-").lower()[:40] or "sessie"
    day = datetime.fromtimestamp((summary.get("created_at") or 0) / 1000, tz=timezone.utc).strftime("%Y-%m-%d")
    return f"samenspel-{slug}-{day}.{ext}"
