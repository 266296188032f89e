"""The samples of ``bench/cpu_sampler`` (collapsed stacks) summed by where they were, as shares of
the busy samples: ``python bench/cpu_sampler/shares.py <file>``. A sample counts for the first rule
(in this order) that a frame of its stack matches; stacks of the setup (HTTP joins, session loads,
imports, hellos and welcomes) are left out."""
import collections
import sys

SETUP = ("h11_impl", "Hub._load", "join (server/http", "importlib", "SocketSession._hello", "LiveSession.attach",
         "welcome")
RULES = [
    ("idle (select)", ["EpollSelector.select"]),
    ("upkeep (snapshot, expiry)", ["_run_upkeep", "_upkeep_lots"]),
    ("advance: own views (you)", ["_send_own"]),
    ("advance: event views", ["event_view"]),
    ("advance: fan-out, encoding", ["_fan_out (server/live.py", "packb"]),
    ("advance: fold", ["LiveSession._advance", "apply ("]),
    ("advance: handing out", ["hand_out"]),
    ("advance: other", ["LiveSession.advance"]),
    ("commit: append (store)", ["GroupCommit._append", "Redis"]),
    ("commit: decide", ["decide ("]),
    ("commit: scratch copy", ["copy_state"]),
    ("commit: records, ok replies, the rest", ["GroupCommit._commit"]),
    ("inbound: frames.decode", ["decode (server/frames"]),
    ("inbound: socket session, rate limits", ["SocketSession", "websocket_endpoint"]),
    ("inbound: websocket parsing, reads", ["_read_ready", "data_received"]),
    ("writes", ["_flush", "_write_directly", "write ("]),
    ("loop, timers", ["_run_once", "Handle._run"]),
]


def main(path: str) -> None:
    shares: collections.Counter = collections.Counter()
    setup = 0
    for line in open(path):
        stack, n = line.rstrip().rsplit(" ", 1)
        if any(s in stack for s in SETUP):
            setup += int(n)
            continue
        shares[next((name for name, keys in RULES if any(k in stack for k in keys)), "other")] += int(n)
    busy = sum(n for name, n in shares.items() if name != "idle (select)")
    print(f"{busy} busy samples ({setup} of the setup left out)")
    for name, n in shares.most_common():
        print(f"{100 * n / busy:5.1f} %  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
