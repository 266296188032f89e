"""Typed text, made safe to show: no invisible-only texts, no bidi tricks, no NUL, no mark stacks."""

from __future__ import annotations

from boards.text import MAX_MARKS, clean


def test_zero_width_only_text_is_empty():
    """A name of zero-width spaces, joiners and a BOM counts as no name."""
    assert clean("\u200b\u200c\u200d\u2060\ufeff \u00a0") == ""


def test_bidi_overrides_are_removed():
    """"Ann\\u202egpj.exe" no longer shows as "Annexe.jpg"."""
    assert clean("Ann\u202egpj.exe") == "Anngpj.exe"
    assert clean("\u2066x\u2069\u200f") == "x"


def test_nul_and_control_characters_are_removed_but_texts_keep_their_lines():
    """NUL and other controls go; a note keeps its newlines, a name turns them into spaces."""
    assert clean("a\x00b\x07c") == "abc"
    assert clean("regel 1\nregel 2\tklaar") == "regel 1\nregel 2\tklaar"
    assert clean("Ann\nde Vries", one_line=True) == "Ann de Vries"


def test_combining_marks_are_capped_per_character():
    """Zalgo stacks are cut to a few marks per letter; ordinary accents and emoji stay whole."""
    zalgo = "a" + "\u0301" * 50 + "b"
    assert clean(zalgo) == "a" + "\u0301" * MAX_MARKS + "b"
    assert clean("Zoë, café, ngữ") == "Zoë, café, ngữ"
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    assert clean(family) == family
