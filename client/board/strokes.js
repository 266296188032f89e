// A drawn sketch's strokes (card 1): the bounds (the same as boards/kinds/strokes.py; the golden
// test compares them) and how a line drawn with a finger becomes a small stroke: simplified with
// Ramer–Douglas–Peucker, then quantised to integers on a 0..1000 square. No DOM here.

export const SCALE = 1000;
export const COLOURS = ['#1f2933', '#c92a2a', '#1864ab', '#2b8a3e', '#e67700'];
export const MAX_STROKES = 200;
export const MAX_POINTS_PER_STROKE = 400;
export const MAX_POINTS = 3000;
export const MAX_BYTES = 24 * 1024;

function distToSegment(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (!len2) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Ramer–Douglas–Peucker: the points of `points` ([[x, y], ...]) that keep the line within `epsilon`. */
export function simplify(points, epsilon) {
  if (points.length < 3) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let index = -1;
    let max = epsilon;
    for (let i = first + 1; i < last; i++) {
      const d = distToSegment(points[i], points[first], points[last]);
      if (d > max) { max = d; index = i; }
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const clamp = (v) => Math.max(0, Math.min(SCALE, Math.round(v)));

/** A stroke `[colour, x0, y0, ...]` from raw points on the 0..1000 square: simplified (more
 * coarsely until it fits MAX_POINTS_PER_STROKE), quantised, repeated points dropped. */
export function toStroke(colour, points, epsilon = 2) {
  let kept = simplify(points, epsilon);
  while (kept.length > MAX_POINTS_PER_STROKE) kept = simplify(points, (epsilon *= 2));
  const out = [colour];
  let px = null;
  let py = null;
  for (const [x, y] of kept) {
    const qx = clamp(x);
    const qy = clamp(y);
    if (qx === px && qy === py) continue;
    out.push(qx, qy);
    px = qx; py = qy;
  }
  return out;
}

export const pointsOf = (strokes) => strokes.reduce((n, s) => n + (s.length - 1) / 2, 0);

/** Does adding `stroke` keep the sketch within the bounds? */
export function fits(strokes, stroke) {
  if (strokes.length + 1 > MAX_STROKES) return false;
  if (pointsOf(strokes) + (stroke.length - 1) / 2 > MAX_POINTS) return false;
  return JSON.stringify([...strokes, stroke]).length <= MAX_BYTES;
}
