"""What people type, made safe to show to everyone: pure string functions, no I/O.

- Control characters are removed (NUL and the rest of C0/C1; texts keep newlines and tabs, one-line
  fields turn them into spaces).
- Bidirectional overrides and isolates are removed: ``Ann\\u202egpj.exe`` would show as "Annexe.jpg".
- Invisible characters (zero-width spaces and joiners, word joiners, BOM, other format characters)
  are trimmed from both ends, so a text of nothing but them is empty ("needs text" holds); inside a
  text the joiners stay (emoji sequences, Persian and Indic scripts need them).
- At most ``MAX_MARKS`` combining marks follow one character: a stack of them draws over the
  post-its around it.
"""

from __future__ import annotations

import unicodedata

MAX_MARKS = 4
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}
_KEEP_IN_TEXT = {"\n", "\t"}


def _invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cf", "Zs", "Zl", "Zp", "Cc")


def clean(text: str, *, one_line: bool = False) -> str:
    if text.isascii() and text.isprintable():  # most texts and every id: only end spaces can go
        return text.strip(" ")
    out: list[str] = []
    marks = 0
    for ch in text:
        if ch in _BIDI:
            continue
        category = unicodedata.category(ch)
        if category == "Cc" or (category in ("Zl", "Zp")):
            if ch in _KEEP_IN_TEXT and not one_line:
                out.append(ch)
            elif one_line and (ch in _KEEP_IN_TEXT or ch == "\r" or category in ("Zl", "Zp")):
                out.append(" ")
            elif category in ("Zl", "Zp"):
                out.append("\n")
            marks = 0
            continue
        if category in ("Mn", "Me"):
            marks += 1
            if marks > MAX_MARKS:
                continue
        else:
            marks = 0
        out.append(ch)
    start, end = 0, len(out)
    while start < end and _invisible(out[start]):
        start += 1
    while end > start and _invisible(out[end - 1]):
        end -= 1
    return "".join(out[start:end])


def is_blank(text: str) -> bool:
    return not clean(text)
