// The live pages' websocket, opened by the document itself before any module loads (server/pages.py,
// EARLY_SOCKET): on a phone on venue Wi-Fi the upgrade costs a round trip or two and the board's
// code a few hundred ms of CPU, so the two overlap instead of following each other
// (docs/benchmarks.md, issue 21). conn.js adopts it on its first open and sends the hello.

/** The live connection's address (docs/protocol.md). */
export function socketUrl() {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}/ws`;
}

function take() {
  const ws = window.__samenspelSocket || null;
  window.__samenspelSocket = null;
  return ws;
}

/** The document's early socket, once, while it is connecting or open; null otherwise. */
export function takeEarlySocket() {
  const ws = take();
  return ws && ws.readyState <= WebSocket.OPEN ? ws : null;
}

/** A page that will not connect (not joined, no code) lets the server's socket go at once. */
export function dropEarlySocket() {
  take()?.close(1000, 'not needed');
}
