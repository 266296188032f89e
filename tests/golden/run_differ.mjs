// Runs the golden differ cases through the reference client's rule (client/facilitation/differ.js)
// and prints what it found, as JSON, for tests/unit/boards/test_differ_golden.py to compare.
// Usage: node tests/golden/run_differ.mjs tests/golden/differ.json
import { readFileSync } from 'node:fs';
import { compareCounts, ranked } from '../../client/facilitation/differ.js';

const { cases } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const found = cases.map((c) => {
  const { rows } = compareCounts(c.options, c.counts, c.groups);
  const order = ranked(rows, c.groups);
  return {
    name: c.name,
    agree: order.agree.map((r) => r.option),
    differ: order.differ.map((r) => r.option),
    marks: Object.fromEntries(rows.filter((r) => r.mark).map((r) => [r.option, r.mark])),
  };
});
process.stdout.write(JSON.stringify(found));
