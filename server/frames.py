"""Wire frames: MessagePack maps with a ``type`` key, both ways.

Inbound frames are size-checked, unpacked with tight container limits, then
converted into typed structs; anything that fails gets a :class:`DomainError`
with a stable code. Outbound frames are encoded once and the bytes are shared by
every recipient.
"""

from __future__ import annotations

import base64
import json
from typing import Annotated, Any, Literal

import msgpack
import msgspec
from msgspec import Meta

from boards.commands import ClientCommand, Command, Coord, Id, Ref
from boards.errors import DomainError, ErrorCode
from boards.text import clean

Token = Annotated[str, Meta(min_length=1, max_length=200)]


class Hello(msgspec.Struct, tag="hello", tag_field="type", kw_only=True, forbid_unknown_fields=True):
    """First frame on a socket: who am I, and where did I leave off."""

    session: Id
    token: Token | None = None  # a facilitator secret or a participant token
    code: Token | None = None  # the join code: read-only (projector) access
    last_seq: Annotated[int, Meta(ge=0)] | None = None
    epoch: Annotated[str, Meta(max_length=64)] | None = None
    # Ask for the application heartbeat: the server sends `beat` every second and closes the socket
    # (4002) when it hears nothing from it for 3.5 s; answer each beat with a `beat`.
    heartbeat: bool = False
    # Ask for the events of records applied together in one `events` frame (docs/protocol.md,
    # decision 79) instead of one `event` frame each; without it, a socket gets `event` frames only.
    compact: bool = False
    ref: Ref | None = None


class Ping(msgspec.Struct, tag="ping", tag_field="type", kw_only=True, forbid_unknown_fields=True):
    """Clock probe: the reply carries the server time, to measure the clock offset."""

    t: float | None = None
    ref: Ref | None = None


class Beat(msgspec.Struct, tag="beat", tag_field="type", kw_only=True, forbid_unknown_fields=True):
    """The answer to the server's heartbeat: "still here". No reply."""

    ref: Ref | None = None


class Drag(msgspec.Struct, tag="drag", tag_field="type", kw_only=True, forbid_unknown_fields=True):
    """Where a post-it is while someone drags it. Relayed to the others (coalesced), never logged;
    the drop is a logged command (``move_stakeholder`` / ``place_in_matrix``)."""

    board: Id
    section: Id
    item: Id
    surface: Literal["map", "matrix"]
    x: Coord
    y: Coord
    end: bool = False  # the drag stopped without a drop: show the post-it where the log has it
    ref: Ref | None = None


Inbound = Hello | Ping | Beat | Drag | ClientCommand

# Converting to the one struct named by "type" is ten times cheaper than letting msgspec try the union.
_BY_TYPE: dict[str, type] = {
    msgspec.inspect.type_info(t).tag: t for t in Inbound.__args__  # type: ignore[attr-defined]
}


def _optional_not_nullable(struct: type) -> frozenset[str]:
    """Fields with a default that nil would not fit: a client's nil there means "not given"."""
    names = set()
    for f in msgspec.inspect.type_info(struct).fields:
        if f.required:
            continue
        types = f.type.types if isinstance(f.type, msgspec.inspect.UnionType) else (f.type,)
        if not any(isinstance(t, msgspec.inspect.NoneType) for t in types):
            names.add(f.encode_name)
    return frozenset(names)


_NIL_MEANS_ABSENT = {struct: _optional_not_nullable(struct) for struct in _BY_TYPE.values()}


def _plain(struct: type) -> bool:
    """Whether every field of ``struct`` is a scalar (no list or map anywhere in the frame)."""
    scalars = (msgspec.inspect.StrType, msgspec.inspect.IntType, msgspec.inspect.FloatType, msgspec.inspect.BoolType,
               msgspec.inspect.NoneType, msgspec.inspect.LiteralType)

    def scalar(t) -> bool:
        return all(map(scalar, t.types)) if isinstance(t, msgspec.inspect.UnionType) else isinstance(t, scalars)
    return all(scalar(f.type) for f in msgspec.inspect.type_info(struct).fields)


# The frames decoded straight from the bytes (``decode``): those of only scalar fields, for which
# unpacking's container limits can only matter at the top (a map of at most 15 entries, checked).
_PLAIN = frozenset(struct for struct in _BY_TYPE.values() if _plain(struct))
_DIRECT = msgspec.msgpack.Decoder(Inbound)


def decode(data: bytes | str, max_bytes: int) -> Hello | Ping | Beat | Drag | ClientCommand:
    """The frame ``data`` carries, checked; DomainError with a stable code when it is not one.

    Most frames are decoded straight from the bytes into their struct (msgspec, one pass, 2 µs a
    word against 6–9 through a dict). Only a frame that way accepts is taken from it: a map of at
    most 15 entries (a fixmap: within every unpacking limit) of one of the frames with only scalar
    fields; anything else, and anything it refuses (nil for "not given", a bad value, a duplicate
    type, bytes that are not MessagePack), goes the checked way (``_decode_checked``), which alone
    says what is wrong, so every error reads as it always did."""
    if isinstance(data, bytes) and 0 < len(data) <= max_bytes and 0x80 <= data[0] <= 0x8F:
        try:
            frame = _DIRECT.decode(data)
        except Exception:
            pass
        else:
            if frame.__class__ in _PLAIN:
                return clean_texts(frame) if isinstance(frame, Command) else frame
    return _decode_checked(data, max_bytes)


def _decode_checked(data: bytes | str, max_bytes: int) -> Hello | Ping | Beat | Drag | ClientCommand:
    if isinstance(data, str):
        raise DomainError(ErrorCode.BAD_FRAME, "frames are binary MessagePack, not text")
    if len(data) > max_bytes:
        raise DomainError(ErrorCode.FRAME_TOO_LARGE, f"frame of {len(data)} bytes is over the limit of {max_bytes}")
    try:
        obj = msgpack.unpackb(
            data, raw=False, strict_map_key=True,
            max_array_len=256, max_map_len=64, max_str_len=max_bytes, max_bin_len=0, max_ext_len=0,
        )
    except Exception as exc:  # msgpack raises several unrelated types on bad input
        raise DomainError(ErrorCode.BAD_FRAME, f"not a MessagePack frame ({type(exc).__name__})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("type"), str):
        raise DomainError(ErrorCode.BAD_FRAME, "a frame is a map with a string 'type'")
    struct = _BY_TYPE.get(obj["type"])
    if struct is None:
        raise DomainError(ErrorCode.UNKNOWN_COMMAND, f"unknown frame type {obj['type'][:40]!r}")
    for name in _NIL_MEANS_ABSENT[struct] & {k for k, v in obj.items() if v is None}:
        del obj[name]
    try:
        frame = msgspec.convert(obj, struct)
    except msgspec.ValidationError as exc:
        raise DomainError(ErrorCode.INVALID, str(exc)) from None
    return clean_texts(frame) if isinstance(frame, Command) else frame


_ONE_LINE = {"name", "title", "category", "owner"}


def _text_fields(struct: type) -> tuple[tuple[str, bool], ...]:
    """The fields of ``struct`` that may hold a string, each with whether it is one line."""
    def text(t) -> bool:
        types = t.types if isinstance(t, msgspec.inspect.UnionType) else (t,)
        return any(isinstance(x, msgspec.inspect.StrType) for x in types)
    return tuple((f.name, f.name in _ONE_LINE) for f in msgspec.inspect.type_info(struct).fields if text(f.type))


_TEXT_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}


def clean_texts(command: Command) -> Command:
    """Every free text of a command through :func:`boards.text.clean` (ids are unchanged by it)."""
    fields = _TEXT_FIELDS.get(command.__class__)
    if fields is None:
        fields = _TEXT_FIELDS[command.__class__] = _text_fields(command.__class__)
    changes = None
    for name, one_line in fields:
        value = getattr(command, name)
        if value.__class__ is str:
            cleaned = clean(value, one_line=one_line)
            if cleaned != value:
                if changes is None:
                    changes = {}
                changes[name] = cleaned
    return msgspec.structs.replace(command, **changes) if changes else command


def ref_of(data: bytes | str) -> int | None:
    """Best effort: the ``ref`` of a frame that failed to decode, so the error can name it — also
    when the frame used types we refuse (bin, ext, non-string keys) or had bytes after the map."""
    if not isinstance(data, bytes):
        return None
    try:
        unpacker = msgpack.Unpacker(raw=False, strict_map_key=False, max_array_len=256, max_map_len=64,
                                    max_buffer_size=max(len(data), 1))
        unpacker.feed(data)
        obj = unpacker.unpack()
    except Exception:
        return None
    ref = obj.get("ref") if isinstance(obj, dict) else None
    return ref if isinstance(ref, int) and not isinstance(ref, bool) and 0 <= ref <= 2**31 else None


# The hello a browser's socket may carry in its upgrade (docs/protocol.md, "Hello in the upgrade"):
# the subprotocol "samenspel.hello.<base64url, no padding, of the hello's fields as JSON>", offered
# with "samenspel" (the one the server selects; never this one, which holds the credential).
SUBPROTOCOL = "samenspel"
HELLO_SUBPROTOCOL = "samenspel.hello."
MAX_UPGRADE_HELLO = 1024  # characters after the prefix (768 bytes of JSON; a real hello is ~100)


def upgrade_hello(subprotocols: list[str]) -> bytes | None:
    """The hello carried by the upgrade's subprotocols, as the MessagePack frame a client would
    have sent (so it is checked exactly like one: ``decode``), or None when it carries none.
    A hello that cannot be read raises ``bad_frame`` (``frame_too_large`` when too long)."""
    carried = [p for p in subprotocols if p.startswith(HELLO_SUBPROTOCOL)]
    if not carried:
        return None
    if len(carried) > 1:
        raise DomainError(ErrorCode.BAD_FRAME, "more than one hello in the upgrade (Sec-WebSocket-Protocol)")
    text = carried[0][len(HELLO_SUBPROTOCOL):]
    if len(text) > MAX_UPGRADE_HELLO:
        raise DomainError(ErrorCode.FRAME_TOO_LARGE, f"the hello in the upgrade is {len(text)} characters, "
                                                     f"over the limit of {MAX_UPGRADE_HELLO}; send it as a frame")
    try:
        if not text or any(c not in _BASE64URL for c in text):
            raise ValueError("not base64url")
        fields = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("utf-8"))
        if not isinstance(fields, dict):
            raise ValueError("not an object")
        if fields.get("type", "hello") != "hello":
            raise ValueError("a type other than hello")
        return encode({**fields, "type": "hello"})
    except Exception as exc:  # base64, UTF-8, JSON, or a value MessagePack cannot hold
        raise DomainError(ErrorCode.BAD_FRAME, "the hello in the upgrade is not base64url of a JSON object "
                                               f"({type(exc).__name__}: {str(exc)[:80]})") from None


_BASE64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


# One packer for every outbound frame: ``msgpack.packb`` makes a Packer per call, which costs more
# than packing a small frame (0.5 against 1.7 µs for a word's event). ``pack`` holds the GIL
# throughout for the builtins frames are made of, and starts empty again after an error.
_PACKER = msgpack.Packer(use_bin_type=True)


def encode(frame: Any) -> bytes:
    return _PACKER.pack(frame)


def ok(ref: int | None, seq: int, repeat: bool = False) -> bytes:
    """A command's result: stored and sent, the session at ``seq``. ``repeat``: its id had been
    applied already (at ``seq``) and nothing new was stored."""
    frame: dict[str, Any] = {"type": "ok", "ref": ref, "seq": seq}
    if repeat:
        frame["repeat"] = True
    return encode(frame)


def error(code: ErrorCode, message: str, ref: int | None = None, retry_after: int | None = None) -> bytes:
    frame = {"type": "error", "code": code.value, "message": message, "ref": ref}
    if retry_after is not None:
        frame["retry_after"] = retry_after  # seconds, on rate_limited
    return encode(frame)


_BATCH_HEAD = b"\x82" + msgpack.packb("type") + msgpack.packb("batch") + msgpack.packb("frames")


def _array_head(n: int) -> bytes:
    if n < 16:
        return bytes((0x90 | n,))
    if n < 65536:
        return b"\xdc" + n.to_bytes(2, "big")
    return b"\xdd" + n.to_bytes(4, "big")


_ARRAY_HEADS = tuple(_array_head(n) for n in range(1024))


def array_head(n: int) -> bytes:
    """The MessagePack header of an array of ``n`` items."""
    return _ARRAY_HEADS[n] if n < 1024 else _array_head(n)


def batch(encoded: list[bytes]) -> bytes:
    """``{type: "batch", frames: [...]}`` from frames already encoded: each is a MessagePack map,
    so their concatenation after an array header is the array itself (nothing is re-encoded)."""
    return b"".join((_BATCH_HEAD, array_head(len(encoded)), *encoded))


_EVENT_HEAD = b"\x84" + b"".join(map(msgpack.packb, ("type", "event", "seq")))
_AT, _EVENT, _EVENTS, _DT = (msgpack.packb(k) for k in ("at", "event", "events", "dt"))


def event(seq: int, at: int, body: bytes) -> bytes:
    """``{type: "event", seq, at, event: <body>}`` from the event's body already encoded: byte for
    byte what ``encode`` makes of that map."""
    return b"".join((_EVENT_HEAD, encode(seq), _AT, encode(at), _EVENT, body))


_EVENTS_HEAD = {dt: bytes((0x84 + dt,)) + b"".join(map(msgpack.packb, ("type", "events", "seq"))) for dt in (0, 1)}


def events_packed(seq: bytes, at: bytes, dt: list[bytes] | None, bodies: list[bytes]) -> bytes:
    """``{type: "events", seq, at, dt?, events: [<body>, …]}`` (docs/protocol.md): the events of
    consecutive records from ``seq`` on, their bodies already encoded. Each one's time is ``at``,
    or ``at`` plus its value in ``dt`` (ms) when given. ``seq``, ``at`` and each ``dt`` value come
    encoded too (server.lot: once per lot)."""
    if dt is None:
        return b"".join((_EVENTS_HEAD[0], seq, _AT, at, _EVENTS, array_head(len(bodies)), *bodies))
    return b"".join((_EVENTS_HEAD[1], seq, _AT, at, _DT, array_head(len(dt)), *dt, _EVENTS,
                     array_head(len(bodies)), *bodies))
