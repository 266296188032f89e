"""Join codes are easy to read aloud; a socket's frames are rate limited."""

from __future__ import annotations

from server.auth import JOIN_CODE_ALPHABET, TokenBucket, new_join_code, normalise_join_code


def test_join_codes_avoid_ambiguous_characters():
    """No 0/O, 1/I/L, 2/Z, 5/S or 8/B in any code."""
    assert not set("0O1IL2Z5S8B") & set(JOIN_CODE_ALPHABET)
    codes = {new_join_code() for _ in range(200)}
    assert all(len(code) == 6 and set(code) <= set(JOIN_CODE_ALPHABET) for code in codes)
    assert len(codes) > 190


def test_typed_codes_are_normalised():
    """Lower case, spaces and dashes are accepted as typed."""
    assert normalise_join_code("ecc-qkd") == "ECCQKD"
    assert normalise_join_code(" ecc qkd ") == "ECCQKD"


def test_token_bucket_allows_bursts_then_the_rate():
    """A burst passes, the next frame waits for a refill."""
    now = [0.0]
    bucket = TokenBucket(rate=10, burst=5, clock=lambda: now[0])
    assert all(bucket.take() for _ in range(5))
    assert not bucket.take()
    now[0] = 0.1
    assert bucket.take()
