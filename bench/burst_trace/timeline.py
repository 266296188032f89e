"""Line up a burst trace (see sitecustomize.py here): per burst, the generator's sends, the server's
receipts, group commits, upkeep and writes, and the arrivals, in ms from the burst's first send."""
import json, sys, glob, bisect, statistics as st
base = sys.argv[1]
gens = [json.loads(l) for f in glob.glob(base + '.gen*') for l in open(f)]
srv = [l.split() for f in glob.glob(base + '.[0-9]*') for l in open(f)]
def q(xs, p): xs = sorted(xs); return xs[min(len(xs)-1, int(p*len(xs)))] if xs else float('nan')
for g in gens:
    sends = g['sends']
    starts = [s[1] for s in sends]
    for bi, s in enumerate(sends):
        t0 = s[1]; t1 = s[2] if len(s) > 2 else t0
        tn = starts[bi+1] if bi+1 < len(starts) else t0 + 1.5
        lat = []
        per_session_max = []
        for ss in g['sessions']:
            sent = dict((int(k), v) for k, v in ss['sent'])
            m = 0
            for seq, at in ss['arrivals']:
                tt = sent.get(seq)
                if tt is not None and t0 - 1e-6 <= tt < tn - 0.01:
                    lat.append(at - tt); m = max(m, at - tt)
            per_session_max.append(m)
        if not lat: continue
        def rel(kind, col=2):
            return [float(r[col]) - t0 for r in srv if r[0] == kind and t0 <= float(r[col]) < tn]
        E = rel('E'); Cs = [float(r[2]) - t0 for r in srv if r[0]=='C' and t0 <= float(r[2]) < tn]
        Ce = [float(r[3]) - t0 for r in srv if r[0]=='C' and t0 <= float(r[2]) < tn]
        Cn = [int(r[4]) for r in srv if r[0]=='C' and t0 <= float(r[2]) < tn]
        R = [(float(r[3]) - float(r[2])) for r in srv if r[0]=='R' and t0 <= float(r[2]) < tn]
        W = [(float(r[1]) - t0, int(r[2])) for r in srv if r[0]=='W' and t0 <= float(r[1]) < tn]
        A = [float(r[3]) - float(r[2]) for r in srv if r[0]=='A' and t0 <= float(r[2]) < tn]
        ms = lambda x: f"{x*1000:.0f}"
        print(f"burst {bi}: gen send {ms(t1-t0)} ms | srv recv {ms(min(E)) if E else '-'}..{ms(max(E)) if E else '-'} ({len(E)}) | "
              f"commits {len(Cs)} start {ms(min(Cs)) if Cs else '-'}..{ms(max(Cs)) if Cs else '-'} end p50 {ms(q(Ce,.5))} max {ms(max(Ce)) if Ce else '-'} | advance sum {ms(sum(A))} | "
              f"retention {len(R)} x {ms(q(R,.5)) if R else '-'} (max {ms(max(R)) if R else '-'}) | writes {len(W)} last {ms(max(w[0] for w in W)) if W else '-'} frames/write {sum(w[1] for w in W)/max(1,len(W)):.1f} | "
              f"arrive p50 {ms(q(lat,.5))} p99 {ms(q(lat,.99))} max {ms(max(lat))}; session max p50 {ms(q(per_session_max,.5))}")
