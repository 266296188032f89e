// The live pages' websocket, opened by the document itself before any module loads (server/pages.py,
// early_socket): on a phone on venue Wi-Fi the upgrade costs a round trip or two and the board's
// code a few hundred ms of CPU, so the two overlap instead of following each other
// (docs/benchmarks.md, issue 21). It carries the hello in its upgrade (the credential chosen by
// client/credentials.js), so the welcome may come before the board's code runs: the document keeps
// what comes in the socket's `queue` (and answers the server's beats) until main.js hands it to
// the board's connection (conn.js), which takes the queue and sends no hello on it (decision 77).
// Imported by main.js alone, so it adds no chunk. No credential: the document opened no socket.

function take() {
  const ws = window.__samenspelSocket || null;
  window.__samenspelSocket = null;
  return ws;
}

/** The document's early socket, once (conn.js checks it is still connecting or open). */
export function takeEarlySocket() {
  return take();
}

/** A page that will not connect (not joined, no code) lets the server's socket go at once. */
export function dropEarlySocket() {
  take()?.close(1000, 'not needed');
}
