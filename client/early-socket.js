// The live pages' websocket, opened by the document itself before any module loads (server/pages.py,
// EARLY_SOCKET): on a phone on venue Wi-Fi the upgrade costs a round trip or two and the board's
// code a few hundred ms of CPU, so the two overlap instead of following each other
// (docs/benchmarks.md, issue 21). main.js hands it to the board's connection (conn.js), which
// uses it for its first open and sends the hello. Imported by main.js alone, so it adds no chunk.

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
