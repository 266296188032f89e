// Which credential a live page says hello with (docs/protocol.md, "Hello"). The board
// (/b/<session>): the facilitator secret (the link's #f=, or kept in this browser) unless this
// browser is there as a participant, else the participant token; the projector (/p/<session>):
// the join code (#c=, or kept). No credential: `auth` is null (the page shows "not joined").
//
// ONE implementation for two callers: main.js imports it, and the server writes the function's
// source into the live pages' inline script (server/pages.py, early_socket), whose socket carries
// the hello in its upgrade (decision 77). So: this one function, self-contained (no imports, no
// names from outside it but its arguments and the browser's own), and no comments inside it.
// `get(key)` reads what client/store.js keeps under `key` (its prefix left out), or null.
// Returns {session, as: 'facilitator' | 'participant' | 'viewer', auth: {token} | {code} | null},
// or null on a page that does not connect.
export function credentials(path, hash, get) {
  const m = /^\/([bp])\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path);
  if (!m) return null;
  const session = m[2];
  const link = new URLSearchParams(hash.slice(1));
  if (m[1] === 'p') {
    const code = link.get('c') || get(`code.${session}`);
    return { session, as: 'viewer', auth: code ? { code } : null };
  }
  const secret = link.get('f');
  const fac = secret || get(`fac.${session}`);
  const role = secret ? 'facilitator' : get(`role.${session}`);
  let part = null;
  try {
    part = JSON.parse(get(`part.${session}`));
  } catch {
    part = null;
  }
  const token = part && typeof part.token === 'string' ? part.token : null;
  if (fac && (role !== 'participant' || !token)) return { session, as: 'facilitator', auth: { token: fac } };
  if (token) return { session, as: 'participant', auth: { token } };
  return { session, as: null, auth: null };
}
