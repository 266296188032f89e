"""Exports of a session's summary: CSV files (one per kind of section, in one zip) and JSON.

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


def _l(label: dict[str, str] | None, lang: str) -> str:
    if not label:
        return ""
    return label.get(lang) or label.get("nl") or ""


def csv_files(summary: dict[str, Any], lang: str = "nl") -> dict[str, bytes]:
    """The summary as CSV files, by name. Every file has a header row, even when empty."""
    groups = {g["id"]: g for g in summary["groups"]}
    texts, dots, notes, stakeholders, stakeholder_notes, checklists = [], [], [], [], [], []
    for board in summary["boards"]:
        b = board["id"]
        for section in board["texts"]:
            for f in section["fields"]:
                texts.append([b, section["id"], _l(f["label"], lang), f["text"]])
        for section in board["dots"]:
            for o in section["options"]:
                for g, count in o["counts"].items():
                    dots.append([b, section["id"], _l(section["title"], lang), o["id"], _l(o["label"], lang),
                                 _l(groups[g]["label"], lang) if g in groups else g, count, o["shares"][g],
                                 o["mark"]])
        for section in board["notes"]:
            for lane in section["lanes"]:
                for item in lane["items"]:
                    notes.append([b, section["id"], _l(section["title"], lang), lane["id"], _l(lane["label"], lang),
                                  item["text"], item.get("owner", "")])
        for section in board["stakeholders"]:
            quadrants = section["quadrants"]
            kinds = {k["id"]: _l(k["label"], lang) for k in section["knowledge"]}
            note_kinds = {k["id"]: _l(k["label"], lang) for k in section["note_kinds"]}
            for item in section["items"] + section["set_aside"]:
                q = item["quadrant"]
                stakeholders.append([
                    b, section["id"], item["category"], item["names"],
                    ", ".join(kinds.get(k, k) for k in item["knowledge"]),
                    "ja" if item["assumption"] else "nee",
                    "" if item["influence"] is None else round(item["influence"], 3),
                    "" if item["interest"] is None else round(item["interest"], 3),
                    "" if q is None else _l(quadrants[q], lang), item["status"]])
                for kind, texts_of_kind in item["notes"].items():
                    for text in texts_of_kind:
                        stakeholder_notes.append([b, section["id"], item["category"], kind,
                                                  note_kinds.get(kind, kind), text])
            for checklist in section["checklists"]:
                for i in checklist["items"]:
                    checklists.append([b, checklist["id"], _l(i["label"], lang), "ja" if i["checked"] else "nee"])
        for checklist in board["checklists"]:
            for i in checklist["items"]:
                checklists.append([b, checklist["id"], _l(i["label"], lang), "ja" if i["checked"] else "nee"])
    checkout = [[a["rating"], a["text"]] for a in summary["checkout"]["answers"]]  # with or without a sentence
    files = {
        "texts.csv": _csv(["board", "section", "field", "text"], texts),
        "dots.csv": _csv(["board", "section", "section_title", "option", "option_label", "group", "count", "share",
                          "mark"], dots),
        "notes.csv": _csv(["board", "section", "section_title", "lane", "lane_label", "text", "owner"], notes),
        "stakeholders.csv": _csv(["board", "section", "category", "names", "knowledge", "assumption", "influence",
                                  "interest", "quadrant", "status"], stakeholders),
        "stakeholder_notes.csv": _csv(["board", "section", "category", "kind", "kind_label", "text"],
                                      stakeholder_notes),
        "checklists.csv": _csv(["board", "checklist", "item", "checked"], checklists),
        "checkout.csv": _csv(["rating", "text"], checkout),
    }
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
