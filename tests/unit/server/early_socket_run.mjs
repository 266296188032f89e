// Runs the live pages' inline script (server/pages.py, early_socket) and client/credentials.js
// (what main.js calls) in Node, on the same cases: stdin {"script", "cases": [{path, hash, protocol,
// stored: {key: value} | null (localStorage throws), messages: [byte lengths]}]}; stdout per case
// {socket: {url, protocols, binaryType, helloRef, sent: [byte lengths], queued: [byte lengths]} | null,
// credentials: what credentials() returns, globals: names the script left behind}.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const job = JSON.parse(readFileSync(0, 'utf8'));
const { credentials } = await import(pathToFileURL(resolve(process.cwd(), 'client/credentials.js')).href);

class FakeSocket {
  constructor(url, protocols) {
    this.url = url;
    this.protocols = protocols;
    this.sent = [];
  }

  send(data) {
    this.sent.push(data.byteLength);
  }
}

const out = job.cases.map((c) => {
  const storage = c.stored === null
    ? { getItem() { throw new Error('private mode'); } }
    : { getItem: (k) => (Object.hasOwn(c.stored, k) ? c.stored[k] : null) };
  globalThis.window = globalThis;
  globalThis.location = { pathname: c.path, hash: c.hash, protocol: c.protocol || 'http:', host: 'example.test' };
  globalThis.localStorage = storage;
  globalThis.WebSocket = FakeSocket;
  globalThis.__samenspelSocket = null;
  const before = new Set(Object.keys(globalThis));
  (0, eval)(job.script);
  const globals = Object.keys(globalThis).filter((k) => !before.has(k));
  const ws = globalThis.__samenspelSocket;
  let socket = null;
  if (ws) {
    for (const n of c.messages || []) ws.onmessage({ data: new ArrayBuffer(n) });
    socket = { url: ws.url, protocols: ws.protocols, binaryType: ws.binaryType, helloRef: ws.helloRef,
      sent: ws.sent, queued: ws.queue.map((e) => e.data.byteLength) };
  }
  const get = (k) => { try { return storage.getItem(`samenspel.${k}`); } catch { return null; } }; // as client/store.js
  let chosen;
  try {
    chosen = credentials(c.path, c.hash, get);
  } catch (err) {
    chosen = { error: String(err) };
  }
  return { socket, credentials: chosen, globals };
});
process.stdout.write(JSON.stringify(out));
