// Where the two groups agree and differ on a dot section: the same rule as boards/differ.py.
// Each option is compared by its share of a group's dots (groups may differ in size): agreement
// is the smaller of the two shares, the gap their difference.

export const AGREE_MIN_SHARE = 0.10;
export const DIFFER_MIN_GAP = 0.15;

/** Rows in the template's order: {option, counts, shares, agreement, gap, mark: 'agree'|'differ'|''}. */
export function compare(section, vote, groups) {
  const counts = vote?.counts || {};
  const totals = Object.fromEntries(groups.map((g) => [g.id,
    Object.values(counts).reduce((sum, per) => sum + (per[g.id] || 0), 0)]));
  const rows = section.options.map((opt) => {
    const per = counts[opt.id] || {};
    const c = Object.fromEntries(groups.map((g) => [g.id, per[g.id] || 0]));
    const shares = Object.fromEntries(groups.map((g) => [g.id, totals[g.id] ? c[g.id] / totals[g.id] : 0]));
    const values = groups.map((g) => shares[g.id]);
    return {
      option: opt.id,
      counts: c,
      shares,
      agreement: values.length >= 2 ? Math.min(...values) : 0,
      gap: values.length >= 2 ? values[0] - values[1] : 0,
      mark: '',
    };
  });
  if (groups.length >= 2 && groups.every((g) => totals[g.id] > 0)) {
    const bestAgree = Math.max(...rows.map((r) => r.agreement));
    if (bestAgree >= AGREE_MIN_SHARE) for (const r of rows) if (r.agreement === bestAgree) r.mark = 'agree';
    const widest = Math.max(...rows.map((r) => Math.abs(r.gap)));
    if (widest >= DIFFER_MIN_GAP) for (const r of rows) if (Math.abs(r.gap) === widest && !r.mark) r.mark = 'differ';
  }
  return { rows, totals };
}
