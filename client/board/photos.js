// Photos of paper sketches (card 1): shrunk in the browser before the upload, uploaded over HTTP
// (never through the websocket), and shown from blob: URLs fetched with the session's credential
// in the Authorization header (an <img src> could not send one; the address holds no secret).
// docs/protocol.md "Photos of sketches".

import { ApiError } from '../api.js';

export const MAX_SIDE = 1600;

/** The photo as a JPEG of at most MAX_SIDE px on its longest side (orientation applied). */
export async function shrink(file) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new ApiError('not_an_image', 'not an image', 415);
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close?.();
  return new Promise((resolve, reject) => canvas.toBlob(
    (blob) => (blob ? resolve(blob) : reject(new ApiError('not_an_image', 'could not encode', 415))), 'image/jpeg', 0.85));
}

/** Upload a (shrunk) photo for one prompt; the server puts it on the wall. */
export async function uploadPhoto(session, token, { board, section, prompt }, blob) {
  const query = new URLSearchParams({ board, section, prompt });
  let response;
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(session)}/images?${query}`, {
      method: 'POST', body: blob, cache: 'no-store',
      headers: { 'Content-Type': 'image/jpeg', Authorization: `Bearer ${token}` },
    });
  } catch {
    throw new ApiError('network', 'network error', 0);
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(data?.error?.code || 'unknown', data?.error?.message, response.status);
  return data;
}

const cache = new Map(); // "<session>/<hash><variant>" -> Promise<blob: URL>

/** The Authorization header a screen sends: its token (facilitator, participant, share link) or,
 * for the projector, its join code. */
export function authorization({ token, code }) {
  return token ? `Bearer ${token}` : code ? `Code ${code}` : '';
}

/** A blob: URL of the image (`thumb`: the wall's thumbnail), fetched once per page. */
export function imageUrl(session, hash, thumb, auth) {
  const key = `${session}/${hash}${thumb ? '.thumb' : ''}`;
  if (!cache.has(key)) {
    const url = `/api/sessions/${encodeURIComponent(session)}/images/${hash}${thumb ? '.thumb' : ''}.jpg`;
    cache.set(key, fetch(url, { headers: { Authorization: auth } })
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then((blob) => URL.createObjectURL(blob))
      .catch((err) => { cache.delete(key); throw err; }));
  }
  return cache.get(key);
}

/** Set `img`'s source to the image once fetched. */
export function showImage(img, session, hash, thumb, auth) {
  if (img.dataset.hash === `${hash}${thumb}`) return;
  img.dataset.hash = `${hash}${thumb}`;
  imageUrl(session, hash, thumb, auth).then((src) => { if (img.dataset.hash === `${hash}${thumb}`) img.src = src; }).catch(() => {});
}
