"""Where a running server's CPU goes, between two signals: with ``PYTHONPATH=bench/cpu_sampler`` and
``SAMP_OUT=<prefix>`` in the environment of ``python -m bench.load``, every ``server.cli`` process
samples its own stack every 4 ms of CPU (``SIGPROF``) from ``SIGUSR1`` until ``SIGUSR2``, then writes
the stacks, collapsed (``a;b;c <count>``), to ``<prefix>.<pid>``. Send the signals when the bursts
run (``kill -USR1 <server pid>``; 15 s later ``kill -USR2``), so the setup's joins stay out of it.
``python bench/cpu_sampler/shares.py <prefix>.<pid>`` sums the samples by where they were.
Used because py-spy could not attach to a running process on the benchmark machine (it can only
spawn one, and then samples the setup too). A measuring aid, not shipped: a sample costs a few µs."""
import collections
import os
import signal
import sys

if os.environ.get("SAMP_OUT") and "server.cli" in " ".join(getattr(sys, "orig_argv", sys.argv)):
    counts: collections.Counter = collections.Counter()

    def _tick(sig, frame):
        stack = []
        while frame is not None:
            code = frame.f_code
            name = code.co_filename.split("/site-packages/")[-1].replace(os.getcwd() + "/", "")
            stack.append(f"{code.co_qualname} ({name}:{frame.f_lineno})")
            frame = frame.f_back
        counts[";".join(reversed(stack))] += 1

    def _start(sig, frame):
        counts.clear()
        signal.signal(signal.SIGPROF, _tick)
        signal.setitimer(signal.ITIMER_PROF, 0.004, 0.004)

    def _stop(sig, frame):
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        with open(os.environ["SAMP_OUT"] + f".{os.getpid()}", "w") as out:
            for stack, n in counts.items():
                out.write(f"{stack} {n}\n")

    signal.signal(signal.SIGUSR1, _start)
    signal.signal(signal.SIGUSR2, _stop)
