// The three HTTP calls of docs/protocol.md. Errors become ApiError with the protocol's code.

export class ApiError extends Error {
  constructor(code, message, status) {
    super(message || code);
    this.code = code;
    this.status = status;
  }
}

async function call(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('network', 'network error', 0);
  }
  let data = null;
  try { data = await response.json(); } catch { data = null; }
  if (!response.ok) {
    const err = data && data.error;
    const code = err && err.code ? err.code : (response.status === 429 ? 'rate_limited' : 'unknown');
    throw new ApiError(code, err && err.message, response.status);
  }
  return data;
}

export function createSession(body) {
  return call('POST', '/api/sessions', body);
}

export function lookupCode(code) {
  return call('GET', `/api/codes/${encodeURIComponent(normaliseCode(code))}`);
}

export function joinSession(code, name, group) {
  return call('POST', '/api/join', { code: normaliseCode(code), name, group });
}

/** Codes ignore case, spaces and dashes. */
export function normaliseCode(code) {
  return String(code || '').replace(/[\s-]/g, '').toUpperCase();
}
