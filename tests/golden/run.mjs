// Runs golden cases against the client's JavaScript, in Node: the JSON on stdin names a module
// (a path from the repository root), one of its exports and a mode, and the runs; the results go
// to stdout as JSON, for a pytest test to compare with what the Python side says.
//
//   {"module": "client/state.js", "export": "applyEvent", "mode": "fold", "runs": [{"state": {...}, "inputs": [...]}]}
//     -> [final state, ...]       each input folded in order: fn(state, input), the state changed in place
//   {"module": "client/facilitation/differ.js", "export": "compare", "mode": "call", "runs": [{"args": [...]}]}
//     -> [result, ...]            fn(...args); a throw gives {"error": message}
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const job = JSON.parse(readFileSync(0, 'utf8'));
const mod = await import(pathToFileURL(resolve(process.cwd(), job.module)).href);
const fn = mod[job.export];
if (typeof fn !== 'function') throw new Error(`${job.module} has no function ${job.export}`);

const out = job.runs.map((run) => {
  try {
    if (job.mode === 'fold') {
      const state = structuredClone(run.state);
      for (const input of run.inputs) fn(state, input);
      return state;
    }
    return fn(...run.args);
  } catch (err) {
    return { error: String(err?.message || err) };
  }
});
process.stdout.write(JSON.stringify(out));
