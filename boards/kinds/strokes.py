"""A drawn sketch's strokes: the bounds (one rule; the client simplifies its lines to fit them,
client/board/sketch-pad.js) and the check of a sketch sent by a client.

A sketch is a list of strokes; a stroke is ``[colour, x0, y0, x1, y1, ...]``: the index of one of
``COLOURS``, then at least one point, integer coordinates on a 0..``SCALE`` square (the pad is
square; the client scales). Bounded so that a wall of 60 sketches stays small in the state."""

from __future__ import annotations

import msgspec

from boards.errors import DomainError, ErrorCode

SCALE = 1000  # coordinates 0..SCALE on both axes
COLOURS = ("#1f2933", "#c92a2a", "#1864ab", "#2b8a3e", "#e67700")  # ink, red, blue, green, orange
MAX_STROKES = 200  # strokes per sketch
MAX_POINTS_PER_STROKE = 400
MAX_POINTS = 3000  # points per sketch, all strokes together
MAX_BYTES = 24 * 1024  # the strokes as JSON


def check_strokes(strokes: list[list[int]]) -> None:
    """Raise ``sketch_too_large`` (over a bound) or ``invalid`` (malformed) unless ``strokes`` is a
    sketch within the bounds."""
    if not strokes:
        raise DomainError(ErrorCode.INVALID, "a sketch needs at least one stroke")
    if len(strokes) > MAX_STROKES:
        raise DomainError(ErrorCode.SKETCH_TOO_LARGE, f"at most {MAX_STROKES} strokes in a sketch")
    total = 0
    for stroke in strokes:
        if len(stroke) < 3 or len(stroke) % 2 == 0:
            raise DomainError(ErrorCode.INVALID, "a stroke is [colour, x, y, ...] with at least one point")
        points = (len(stroke) - 1) // 2
        if points > MAX_POINTS_PER_STROKE:
            raise DomainError(ErrorCode.SKETCH_TOO_LARGE, f"at most {MAX_POINTS_PER_STROKE} points in a stroke")
        total += points
        if not 0 <= stroke[0] < len(COLOURS):
            raise DomainError(ErrorCode.INVALID, f"colour is 0..{len(COLOURS) - 1}")
        if any(not 0 <= v <= SCALE for v in stroke[1:]):
            raise DomainError(ErrorCode.INVALID, f"coordinates are 0..{SCALE}")
    if total > MAX_POINTS:
        raise DomainError(ErrorCode.SKETCH_TOO_LARGE, f"at most {MAX_POINTS} points in a sketch")
    if len(msgspec.json.encode(strokes)) > MAX_BYTES:
        raise DomainError(ErrorCode.SKETCH_TOO_LARGE, f"a sketch is at most {MAX_BYTES} bytes")
