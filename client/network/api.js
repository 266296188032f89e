// The network calls (docs/protocol.md, "Learning networks"): the secret goes as a Bearer header.

export class NetError extends Error {
  constructor(status, code) { super(code); this.status = status; this.code = code; }
}

export async function call(method, path, token, body) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new NetError(0, 'network');
  }
  if (!response.ok) {
    let code = 'unknown';
    try { code = (await response.json()).error.code; } catch { /* not JSON */ }
    throw new NetError(response.status, code);
  }
  return response.status === 204 ? null : response;
}

export async function json(method, path, token, body) {
  return (await call(method, path, token, body)).json();
}

/** Download a network export with the secret in the header (a link cannot carry it). */
export async function download(path, token, filename) {
  const blob = await (await call('GET', path, token)).blob();
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
