"""The closed set of error codes a client can receive, each with a stable meaning.

Every code is documented in docs/protocol.md; add a code there when you add it here.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(str, Enum):
    # Frame level (checked before the domain sees anything).
    BAD_FRAME = "bad_frame"  # not MessagePack, or not a map with a known "type"
    FRAME_TOO_LARGE = "frame_too_large"  # over the inbound frame limit
    UNKNOWN_COMMAND = "unknown_command"  # "type" names no command
    INVALID = "invalid"  # a field is missing, of the wrong type or out of bounds
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"  # an HTTP body that is not application/json
    RATE_LIMITED = "rate_limited"  # too many frames per second on this connection
    # Identity and roles.
    NOT_AUTHENTICATED = "not_authenticated"  # a command before a successful hello
    BAD_TOKEN = "bad_token"  # unknown, stale or forged token / secret / code
    FORBIDDEN = "forbidden"  # the sender's role may not do this
    NOT_FOUND = "not_found"  # the session, board, section, option, note or lane does not exist
    # Board rules.
    BUDGET_EXHAUSTED = "budget_exhausted"  # no dots left in this section
    DUPLICATE_DOT = "duplicate_dot"  # a second dot on the same field where fields must differ
    NO_SUCH_DOT = "no_such_dot"  # taking back a dot the sender did not place
    LIMIT_REACHED = "limit_reached"  # too many notes, participants or similar
    EDIT_CONFLICT = "edit_conflict"  # the note changed since the version the edit was based on
    TIMER_STATE = "timer_state"  # the timer action does not fit the timer's state
    COMMAND_ID_REUSED = "command_id_reused"  # an applied command's id sent again with another payload
    ALREADY_REVEALED = "already_revealed"  # a tree answer or radar dot after the reveal (hide again to redo)
    UNKNOWN_GROUP = "unknown_group"  # join with a group the board does not have
    EMPTY_ANSWER = "empty_answer"  # an answer that is empty, or only stop words in a word cloud
    DUPLICATE_ANSWER = "duplicate_answer"  # the same word or answer from the same person again
    SKETCH_TOO_LARGE = "sketch_too_large"  # a drawn sketch over the bounds (points, strokes, bytes)
    NOT_AN_IMAGE = "not_an_image"  # an uploaded photo that is not a JPEG, PNG or WebP image
    IMAGE_TOO_LARGE = "image_too_large"  # an uploaded photo over the byte or pixel cap (or a decompression bomb)
    # Facilitation (the session's script and state).
    NOT_IN_STEP = "not_in_step"  # the current step does not let participants do this (here)
    NOT_STARTED = "not_started"  # no step chosen yet and hold on: participants look, they don't act
    SECTION_LOCKED = "section_locked"  # the section is read-only now (time-up or the facilitator)
    JOINING_CLOSED = "joining_closed"  # the facilitator locked the join code for newcomers
    SESSION_CLOSED = "session_closed"  # the session is closed: read-only for everyone
    BLOCK_RAN = "block_ran"  # removing a block of the run sheet that is running or has run
    # Template files (boards/template_file.py).
    BAD_TEMPLATE = "bad_template"  # a template file that is not valid (the message says where and what)
    # Learning networks (boards/network).
    ALREADY_ATTACHED = "already_attached"  # the session belongs to another network
    SESSION_OPEN = "session_open"  # confirming a session into its network before it is closed
    # Availability (retryable: nothing was stored, try again later).
    UNAVAILABLE = "unavailable"  # the store cannot be reached right now
    CONFLICT = "conflict"  # too much concurrent traffic on this board; retry


class DomainError(Exception):
    """A command was refused; nothing was stored."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
