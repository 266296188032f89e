"""Logs an operator can read: floods held back, access paths without codes or session ids."""

from __future__ import annotations

import logging

from server.logs import RateLimitFilter, redact_path, session_ref


def record(msg: str, exc: BaseException | None = None) -> logging.LogRecord:
    return logging.LogRecord("asyncio", logging.ERROR, __file__, 1, msg, (),
                             (type(exc), exc, None) if exc else None)


def test_a_flood_of_the_same_loop_error_is_logged_once_per_interval_with_a_count():
    """Thousands of identical accept errors a second become one line per 10 s that says how many."""
    now = [0.0]
    flood = RateLimitFilter(every=10, clock=lambda: now[0], everything=True)
    passed = [flood.filter(record("socket.accept() out of system resource\\nsocket: fd=9", OSError(24, "x")))
              for _ in range(5000)]
    other = flood.filter(record("Exception in callback X", ValueError("Invalid file descriptor: -1")))
    assert passed.count(True) == 1 and other
    now[0] = 11
    again = record("socket.accept() out of system resource\\nsocket: fd=9", OSError(24, "x"))
    assert flood.filter(again) and "4999 more like it" in again.getMessage() and again.exc_info is None


def test_access_paths_lose_join_codes_and_session_ids():
    """/j/<code>, /b/<session>, /p/<session> and /api/codes/<code> are logged without them."""
    assert redact_path("/j/ECCQKD") == "/j/…"
    assert redact_path("/api/codes/ECCQKD?x=1") == "/api/codes/…"
    assert redact_path("/b/j3rc7sTe11DH") == "/b/…"
    assert redact_path("/static/main.js") == "/static/main.js"


def test_summary_and_session_api_paths_lose_the_session_id():
    """/s/<session> and everything under /api/sessions/<session> are logged without the id."""
    assert redact_path("/s/j3rc7sTe11DH") == "/s/…"
    assert redact_path("/api/sessions/j3rc7sTe11DH") == "/api/sessions/…"
    assert redact_path("/api/sessions/j3rc7sTe11DH/export.zip?lang=nl") == "/api/sessions/…/export.zip"
    assert redact_path("/api/sessions") == "/api/sessions"


def test_a_session_is_named_in_log_lines_by_a_short_hash_of_its_id():
    """The same id always gives the same reference (operators can follow a session), never the id."""
    ref = session_ref("j3rc7sTe11DH")
    assert ref == session_ref("j3rc7sTe11DH") != session_ref("j3rc7sTe11DI")
    assert ref.startswith("s-") and len(ref) == 10 and "j3rc7sTe11DH" not in ref
