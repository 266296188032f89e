// Where people reach this server: links and QR codes are built on it. The server names the public
// (or room) address in a <meta> when it knows a better one than this page's own address
// (SAMENSPEL_PUBLIC_URL behind a proxy; the room address for a page opened on 127.0.0.1).

export function publicOrigin() {
  const meta = document.querySelector('meta[name="samenspel-public-url"]');
  return (meta && meta.content) || location.origin;
}

/** The address without its scheme, for showing ("samenspel.example.org/j"). */
export function publicHost() {
  return new URL(publicOrigin()).host;
}
