"""Where a burst's time goes, on the server: with ``PYTHONPATH=bench/burst_trace`` and
``BURST_TRACE=<prefix>`` in the environment of ``python -m bench.load``, the server (any process
that imports ``server.hub``) appends one line per command received (E), group commit (C: start,
end, commands, seq), fan-out of a lot (A), expiry/snapshot upkeep over 0.5 ms (R) and socket write
(W: frames in it) to ``<prefix>.<pid>``, stamped with ``time.perf_counter`` (CLOCK_MONOTONIC: one
clock for every process on the machine); the generator writes its sends and arrivals to
``<prefix>.gen<pid>``. ``python bench/burst_trace/timeline.py <prefix>`` lines them up per burst.
A measuring aid, not shipped: it wraps methods, so it costs a little CPU of its own.
"""
import os, sys, time, atexit
if os.environ.get('BURST_TRACE'):
    perf = time.perf_counter
    import importlib.abc, importlib.machinery
    def patch():
        global out
        out = open(os.environ['BURST_TRACE'] + f'.{os.getpid()}', 'a', buffering=1 << 16)
        atexit.register(out.flush)
        import signal
        from server import group_commit, connection, live, retention
        orig_commit = group_commit.GroupCommit._commit
        async def _commit(self, group):
            t0 = perf()
            await orig_commit(self, group)
            out.write(f"C {self.id[:6]} {t0:.6f} {perf():.6f} {len(group)} {self.state.seq}\n")
        group_commit.GroupCommit._commit = _commit
        orig_enqueue = group_commit.GroupCommit.enqueue
        def enqueue(self, actor, command, done):
            out.write(f"E {self.id[:6]} {perf():.6f}\n")
            return orig_enqueue(self, actor, command, done)
        group_commit.GroupCommit.enqueue = enqueue
        orig_after = retention.after_append
        async def after_append(live_, base, records):
            t0 = perf()
            await orig_after(live_, base, records)
            t1 = perf()
            if t1 - t0 > 0.0005:
                out.write(f"R {live_.id[:6]} {t0:.6f} {t1:.6f}\n")
        retention.after_append = after_append
        orig_adv = live.LiveSession.advance
        def advance(self, records):
            t0 = perf()
            r = orig_adv(self, records)
            out.write(f"A {self.id[:6]} {t0:.6f} {perf():.6f}\n")
            return r
        live.LiveSession.advance = advance
        orig_wd = connection.Connection._write_directly
        def _write_directly(self):
            n = len(self._pending)
            r = orig_wd(self)
            out.write(f"W {perf():.6f} {n}\n")
            return r
        connection.Connection._write_directly = _write_directly
    import builtins
    _imp = builtins.__import__
    state = {'done': False}
    def hook(name, *a, **k):
        m = _imp(name, *a, **k)
        if not state['done'] and name == 'server.hub':
            state['done'] = True
            builtins.__import__ = _imp
            patch()
        return m
    builtins.__import__ = hook
