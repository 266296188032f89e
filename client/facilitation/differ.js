// Where the two groups agree and differ on a dot section: the same rule as boards/differ.py (read
// its docstring for the definition). Each option is compared by its share of a group's dots
// (groups may differ in size). Agree: both groups chose it, each with at least AGREE_MIN_SHARE
// percent of its dots, shares at most AGREE_MAX_GAP points apart, closest first. Differ: shares at
// least DIFFER_MIN_GAP points apart, widest first. Ranked exactly, on integers, as in Python: both
// run tests/golden/differ.json.

export const AGREE_MIN_SHARE = 5;
export const AGREE_MAX_GAP = 10;
export const DIFFER_MIN_GAP = 15;

/** Rows in the template's order: {option, counts, shares, agreement, gap, mark: 'agree'|'differ'|''}. */
export function compare(section, vote, groups) {
  return compareCounts(section.options.map((o) => o.id), vote?.counts || {}, groups.map((g) => g.id));
}

/** compare() on plain data: option ids in order, dots per option per group, group ids. */
export function compareCounts(options, counts, groupIds) {
  const totals = Object.fromEntries(groupIds.map((g) => [g,
    Object.values(counts).reduce((sum, per) => sum + (per[g] || 0), 0)]));
  const rows = options.map((option) => {
    const per = counts[option] || {};
    const c = Object.fromEntries(groupIds.map((g) => [g, per[g] || 0]));
    const shares = Object.fromEntries(groupIds.map((g) => [g, totals[g] ? c[g] / totals[g] : 0]));
    const values = groupIds.map((g) => shares[g]);
    return {
      option,
      counts: c,
      shares,
      agreement: values.length >= 2 ? Math.min(...values) : 0,
      gap: values.length >= 2 ? values[0] - values[1] : 0,
      mark: '',
    };
  });
  const order = rankOrder(rows, groupIds);
  for (const kind of ['agree', 'differ']) {
    const first = order[kind][0];
    if (first) for (const { key, row } of order[kind]) if (sameKey(key, first.key)) row.mark = kind;
  }
  return { rows, totals };
}

/** The agree list (closest first) and the differ list (widest first) as arrays of rows. */
export function ranked(rows, groupIds) {
  const order = rankOrder(rows, groupIds);
  return { agree: order.agree.map((x) => x.row), differ: order.differ.map((x) => x.row) };
}

// Share a = c_a / t_a; over the common denominator t_a * t_b it is the integer c_a * t_b, so gaps
// and shares compare exactly (no rounding that JavaScript and Python would do differently).
function rankOrder(rows, groupIds) {
  const none = { agree: [], differ: [] };
  if (groupIds.length < 2) return none;
  const [a, b] = groupIds;
  const ta = rows.reduce((s, r) => s + r.counts[a], 0);
  const tb = rows.reduce((s, r) => s + r.counts[b], 0);
  if (!ta || !tb) return none;
  const whole = ta * tb;
  const agree = [];
  const differ = [];
  rows.forEach((row, i) => {
    const sa = row.counts[a] * tb;
    const sb = row.counts[b] * ta;
    const gap = Math.abs(sa - sb);
    const low = Math.min(sa, sb);
    if (row.counts[a] && row.counts[b] && low * 100 >= AGREE_MIN_SHARE * whole && gap * 100 <= AGREE_MAX_GAP * whole) {
      agree.push({ key: [gap, -low], i, row });
    }
    if (gap * 100 >= DIFFER_MIN_GAP * whole) differ.push({ key: [-gap], i, row });
  });
  const byKey = (x, y) => compareKeys(x.key, y.key) || x.i - y.i;
  return { agree: agree.sort(byKey), differ: differ.sort(byKey) };
}

function compareKeys(x, y) {
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

function sameKey(x, y) {
  return compareKeys(x, y) === 0;
}
