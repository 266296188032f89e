// Runs the client's gate (client/facilitation/gate.js) on cases read from stdin as JSON
// [{view, role, command}], printing [code | null] and the gate's PERMISSION map.
// Started by tests/unit/boards/test_gate_golden.py: node --experimental-default-type=module.
import { readFileSync } from 'node:fs';
import { PERMISSION, refusal } from '../../client/facilitation/gate.js';

const cases = JSON.parse(readFileSync(0, 'utf8'));
const verdicts = cases.map(({ view, role, command }) => refusal(view, role, command));
process.stdout.write(JSON.stringify({ verdicts, permission: PERMISSION }));
