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
    between its own frames as one ``events`` frame instead of one ``event`` frame each (decision 79)."""

    __slots__ = ("frames", "size", "bodies", "seqs", "ats", "own", "_present")

    def __init__(self) -> None:
        self.frames: dict[str, list[bytes]] = {}  # audience -> its `event` frames
        self.size: dict[str, int] = {}
        self.bodies: dict[str, list[bytes]] = {}  # audience -> the events themselves, encoded
        self.seqs: list[int] = []  # per record of the lot so far: its seq and time (every audience has one each)
        self.ats: list[int] = []
        self.own: dict[Connection, list[tuple[int, bytes]]] = {}  # socket -> (after how many events, frame)
        self._present: tuple[str, ...] | None = None

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
        frame = frames.event(self.seqs[-1], self.ats[-1], body)
        lst = self.frames.get(audience)
        if lst is None:
            lst = self.frames[audience] = []
            self.bodies[audience] = []
            self.size[audience] = 0
        lst.append(frame)
        self.bodies[audience].append(body)
        self.size[audience] += len(frame)

    def insert(self, conn: Connection, frame: bytes) -> None:
        at = len(self.frames.get(conn.audience, ()))
        self.own.setdefault(conn, []).append((at, frame))

    def hand_out(self, connections: set[Connection]) -> None:
        """Give every socket its frames so far, and start again empty."""
        lists, sizes, own, bodies, seqs, ats = self.frames, self.size, self.own, self.bodies, self.seqs, self.ats
        if not lists and not own:
            return
        self.frames, self.size, self.own, self.bodies, self.seqs, self.ats = {}, {}, {}, {}, [], []
        empty: list[bytes] = []
        runs: dict[tuple[str, int, int], bytes] = {}  # compact frames made so far: (audience, from, to)

        def run(audience: str, start: int, end: int) -> bytes:
            if end - start == 1:
                return lists[audience][start]
            key = (audience, start, end)
            frame = runs.get(key)
            if frame is None:
                frame = runs[key] = frames.events(seqs[start], ats[start:end], bodies[audience][start:end])
            return frame

        for conn in connections:
            audience = conn.audience
            events = lists.get(audience, empty)
            mine = own.get(conn)
            if conn.compact:
                out: list[bytes] = []
                start = 0
                for at, frame in mine or ():
                    if at > start:
                        out.append(run(audience, start, at))
                    out.append(frame)
                    start = at
                if len(events) > start:
                    out.append(run(audience, start, len(events)))
                if out:
                    conn.send_many(out, sum(map(len, out)))
                continue
            if mine is None:
                if events:
                    conn.send_many(events, sizes[audience])
                continue
            merged: list[bytes] = []
            start = 0
            for at, frame in mine:
                merged += events[start:at]
                merged.append(frame)
                start = at
            merged += events[start:]
            conn.send_many(merged, sum(map(len, merged)))
