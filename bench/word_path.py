"""The word cloud's and the dot vote's per-command server work without the network, for comparing
two trees on a shared machine (the least of several runs counts):

    python bench/word_path.py <tree> [<tree> ...]

Per tree, a session of Samenspel + stakeholder map + kick-off with 30 participants: a word command
(decide + apply through the real handlers, normalising included), the sender's own view built and
encoded, and a dot vote (decide + apply, own view, the progress once per 30 votes)."""

from __future__ import annotations

import subprocess
import sys
import time

WORDS = ["samenwerking", "vertrouwen", "tijd", "leren", "netwerk", "Samen", "Open!", "ruimte", "energie", "doen"]


def measure() -> str:
    from boards import commands as c
    from boards.projection import Deliveries, own_view, progress_frames, touches
    from server import frames
    from tests.unit.boards.helpers import Session

    s = Session(boards=("samenspel", "stakeholders", "kickoff"))
    people = [s.join(f"P{i}", "leernetwerk" if i % 2 else "management") for i in range(30)]
    word, own, dot = [], [], []
    for rep in range(9):
        t = time.perf_counter()
        for i, p in enumerate(people):
            for w in (WORDS[(i + rep) % 10], WORDS[(i + rep + 3) % 10]):
                s.run(p, c.AddWord(board="kickoff", section="thema", word=w))
            for w in (WORDS[(i + rep) % 10], WORDS[(i + rep + 3) % 10]):
                s.run(p, c.RemoveWord(board="kickoff", section="thema", word=w.lower().strip("!")))
        word.append((time.perf_counter() - t) / 120)
        t = time.perf_counter()
        for p in people:
            frames.encode(own_view(s.state, p.participant))
        own.append((time.perf_counter() - t) / 30)
        t = time.perf_counter()
        due = Deliveries()
        for p in people:
            cmd = (c.PlaceDot if rep % 2 == 0 else c.RemoveDot)(board="samenspel", section="pijlers", option="kennisdeling")
            for ev in s.run(p, cmd):
                due.add(touches(ev))
            frames.encode(own_view(s.state, p.participant))
        for bodies, _ in progress_frames(s.state, due):
            for body in (b for out in bodies.values() for b in out):
                frames.encode(body)
        dot.append((time.perf_counter() - t) / 30)
    return (f"word command {min(word) * 1e6:.1f} µs, own view + encode {min(own) * 1e6:.1f} µs, "
            f"dot vote {min(dot) * 1e6:.1f} µs")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--here":
        print(measure())
    else:
        for _ in range(3):  # interleaved: tree A, tree B, tree A, ...
            for tree in sys.argv[1:]:
                out = subprocess.run([sys.executable, __file__, "--here"], cwd=tree, capture_output=True,
                                     text=True, env={"PYTHONPATH": tree}, check=True).stdout.strip()
                print(f"{tree}: {out}")
