"""The frames of records applied together (``server.live.LiveSession.advance``: a group commit, a
broker message), gathered per audience and per socket and handed to each socket in one call."""

from __future__ import annotations

from server import frames
from server.connection import Connection


class Lot:
    """The frames of records applied together (``LiveSession.advance``), gathered so that each
    socket gets them in one call instead of one per frame: per audience the events, in order, and
    per socket the frames for it alone (its person's ``you``), each at its place among them.
    What a socket gets, and in what order, is exactly what sending each frame at once would give;
    a socket that asked for compact frames (hello ``compact``) gets each run of two or more events
    between its own frames as one ``events`` frame instead of one ``event`` frame each (decision 79).

    Each event is encoded once per audience (its body); the ``event`` frames around it are made
    only for an audience with a socket that gets them, and each run's ``events`` frame once for
    all the sockets that get that run."""

    __slots__ = ("bodies", "seqs", "ats", "own", "_present", "times")

    def __init__(self) -> None:
        self.bodies: dict[str, list[bytes]] = {}  # audience -> the events themselves, encoded
        self.seqs: list[int] = []  # per record of the lot so far: its seq and time (every audience has one each)
        self.ats: list[int] = []
        self.own: dict[Connection, list[tuple[int, bytes]]] = {}  # socket -> (after how many events, frame)
        self._present: tuple[str, ...] | None = None
        # Every record's time, for the fan-out metric (server.live: observed once all are queued;
        # not reset by ``hand_out``).
        self.times: list[int] = []

    def audiences(self, connections: set[Connection]) -> tuple[str, ...]:
        present = self._present
        if present is None:
            present = self._present = tuple({conn.audience: None for conn in connections})
        return present

    def record(self, seq: int, at: int) -> None:
        """A record's events follow (one ``add`` per audience)."""
        self.seqs.append(seq)
        self.ats.append(at)

    def add(self, audience: str, body: bytes) -> None:
        """The last ``record``'s event as ``audience`` sees it (its body, encoded)."""
        lst = self.bodies.get(audience)
        if lst is None:
            lst = self.bodies[audience] = []
        lst.append(body)

    def insert(self, conn: Connection, frame: bytes) -> None:
        at = len(self.bodies.get(conn.audience, ()))
        self.own.setdefault(conn, []).append((at, frame))

    def hand_out(self, connections: set[Connection]) -> None:
        """Give every socket its frames so far, and start again empty."""
        bodies, own, seqs, ats = self.bodies, self.own, self.seqs, self.ats
        self.bodies, self.own, self.seqs, self.ats = {}, {}, [], []
        if not bodies and not own:
            return
        plain: dict[str, list[bytes]] = {}  # audience -> its `event` frames, made when first needed
        plain_size: dict[str, int] = {}
        runs: dict[tuple[str, int, int], bytes] = {}  # `events` frames made so far: (audience, from, to)
        base = ats[0] if ats else 0
        # Each event's time as an offset from ``base``, encoded once: absent when they are all the same.
        offsets = None if ats.count(base) == len(ats) else [frames.encode(at - base) for at in ats]
        packed_base = frames.encode(base)
        packed_seqs: dict[int, bytes] = {}

        def events_of(audience: str) -> list[bytes]:
            out = plain.get(audience)
            if out is None:
                out = plain[audience] = [frames.event(seq, at, body)
                                         for seq, at, body in zip(seqs, ats, bodies.get(audience, ()))]
                plain_size[audience] = sum(map(len, out))
            return out

        def run(audience: str, start: int, end: int) -> bytes:
            if end - start == 1:
                return events_of(audience)[start]
            key = (audience, start, end)
            frame = runs.get(key)
            if frame is None:
                seq = packed_seqs.get(start)
                if seq is None:
                    seq = packed_seqs[start] = frames.encode(seqs[start])
                frame = runs[key] = frames.events_packed(seq, packed_base, offsets[start:end] if offsets else None,
                                                         bodies[audience][start:end])
            return frame

        for conn in connections:
            audience = conn.audience
            count = len(bodies.get(audience, ()))
            mine = own.get(conn)
            out: list[bytes]
            if conn.compact:
                out = []
                start = 0
                for at, frame in mine or ():
                    if at > start:
                        out.append(run(audience, start, at))
                    out.append(frame)
                    start = at
                if count > start:
                    out.append(run(audience, start, count))
            elif mine is None:
                if count:
                    conn.send_many(events_of(audience), plain_size[audience])
                continue
            else:
                events = events_of(audience) if count else []
                out = []
                start = 0
                for at, frame in mine:
                    out += events[start:at]
                    out.append(frame)
                    start = at
                out += events[start:]
            if out:
                conn.send_many(out, sum(map(len, out)))
