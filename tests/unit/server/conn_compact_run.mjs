// Node runner for tests/unit/server/test_conn_compact.py: client/conn.js with a fake WebSocket
// (frames as JSON bytes instead of MessagePack: what is tested is what the connection does with
// them). Prints what it sent and what it handed on, as JSON.
const sent = [];
const handed = [];
class FakeSocket {
  static OPEN = 1;
  constructor() { this.readyState = 1; FakeSocket.last = this; }
  send(bytes) { sent.push(JSON.parse(new TextDecoder().decode(bytes))); }
  close(code, reason) { this.readyState = 3; handed.push({ closed: code, reason }); }
}
const noop = () => {};
Object.assign(globalThis, {
  WebSocket: FakeSocket,
  location: { protocol: 'http:', host: 'example' },
  window: { addEventListener: noop },
  document: { addEventListener: noop, visibilityState: 'visible' },
  MessagePack: {
    encode: (obj) => new TextEncoder().encode(JSON.stringify(obj)),
    decode: (bytes) => JSON.parse(new TextDecoder().decode(bytes)),
  },
});
const { Connection } = await import(new URL('../../../client/conn.js', import.meta.url));
const deliver = (ws, frame) => ws.onmessage({ data: new TextEncoder().encode(JSON.stringify(frame)).buffer });

const conn = new Connection({
  session: 's1', auth: { token: 'tok' },
  on: { event: (m) => handed.push(m), welcome: (m) => handed.push({ welcome: m.seq }), fatal: (c) => handed.push({ fatal: c }) },
});
conn.start();
const ws = FakeSocket.last;
ws.onopen();
const first = sent.at(-1);
// an instance from before `compact` refuses the field: the hello again, without it
deliver(ws, { type: 'error', ref: first.ref, code: 'invalid', message: 'Object contains unknown field `compact`' });
const second = sent.at(-1);
deliver(ws, { type: 'welcome', ref: second.ref, seq: 4, epoch: 'e', mode: 'snapshot', server_time: Date.now() });
deliver(ws, { type: 'batch', frames: [
  { type: 'event', seq: 5, at: 100, event: { type: 'a' } },
  { type: 'events', seq: 6, at: 200, dt: [0, 3], events: [{ type: 'b' }, { type: 'c' }] },
  { type: 'you', dots: {} },
  { type: 'events', seq: 8, at: 300, events: [{ type: 'd' }, { type: 'e' }] },
  { type: 'events', seq: 9, at: 400, events: [{ type: 'e-again' }, { type: 'f' }] },  // 9 repeats: dropped
] });
const seqBefore = conn.seq;
deliver(ws, { type: 'events', seq: 12, at: 500, events: [{ type: 'after-a-gap' }, { type: 'g' }] });  // 11 missing
process.stdout.write(JSON.stringify({ first, second, handed, seqBefore, seqAfter: conn.seq, resynced: conn.ws === null }));
process.exit(0);
