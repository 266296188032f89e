// Long Dutch compounds ("Resultaatgerichtheid", "Ervaringsdeskundigen") must not break mid-word
// on a card or a small post-it: shrink the text a little until it fits (a post-it may also grow
// wider for it, widestWord), and only break as a last resort.

/** Shrink `el`'s font from its CSS size down to `minRatio` of it while its text overflows; true if it fits. */
function shrinkToFit(el, minRatio) {
  let size = parseFloat(getComputedStyle(el).fontSize);
  const min = size * minRatio;
  while (el.scrollWidth > el.clientWidth + 0.5 && size > min) {
    size -= 0.5;
    el.style.fontSize = `${size}px`;
  }
  return el.scrollWidth <= el.clientWidth + 0.5;
}

/**
 * The dot cards' labels under `root`; a label that still does not fit may break (`squeezed`).
 * Reads and writes are batched: every label is reset first, then all are measured in one layout,
 * and only the few that overflow are shrunk (one forced layout per label cost ~0.3 s on a phone).
 */
export function fitLabels(root) {
  const labels = [...root.querySelectorAll('.opt-label')].filter((el) => el.isConnected);
  for (const el of labels) {
    el.style.fontSize = '';
    el.classList.remove('squeezed');
  }
  const over = labels.filter((el) => el.offsetParent && el.scrollWidth > el.clientWidth + 0.5);
  for (const el of over) if (!shrinkToFit(el, 0.72)) el.classList.add('squeezed');
}

// Post-its are fitted once per screen size: a resize makes every one fit again.
let resizeGen = 0;
window.addEventListener('resize', () => { resizeGen += 1; });
export const fitGeneration = () => resizeGen;

/**
 * Shrink `el`'s font (down to minRatio) until no word of `text` overflows; a word that is still
 * too long gets soft hyphens where it must break. False if `el` is not laid out yet.
 */
export function fitWords(el, text, minRatio) {
  return fitAllWords([{ el, text }], minRatio)[0];
}

/** fitWords for many boxes at once: all written, then measured in one layout, then only the
 * boxes that overflow are shrunk (each of those costs a layout; the others none). */
export function fitAllWords(items, minRatio) {
  for (const { el, text } of items) {
    el.style.fontSize = '';
    if (el.textContent !== text) el.textContent = text;
  }
  const laidOut = items.map(({ el }) => el.clientWidth > 0);
  const over = items.map(({ el }, i) => laidOut[i] && el.scrollWidth > el.clientWidth + 0.5);
  items.forEach(({ el, text, ratio }, i) => {
    if (over[i] && !shrinkToFit(el, ratio ?? minRatio)) el.textContent = hyphenate(el, text);
  });
  return items.map(({ text }, i) => laidOut[i] || !text);
}

let queued = [];
/** fitAllWords once the current task's DOM writes are done (a microtask, before the frame is
 * drawn): every section's boxes then share one layout instead of one each. */
export function fitWordsSoon(items, minRatio) {
  if (!queued.length) {
    queueMicrotask(() => {
      const batch = queued;
      queued = [];
      fitAllWords(batch.filter(({ el }) => el.isConnected));
    });
  }
  for (const item of items) queued.push({ ...item, ratio: minRatio });
}

let measure = null;

/** The width (px) of the longest word of `text` in `el`'s font at `ratio` of its CSS size. */
export function widestWord(el, text, ratio) {
  el.style.fontSize = '';
  const cs = getComputedStyle(el);
  measure = measure || document.createElement('canvas').getContext('2d');
  measure.font = `${cs.fontStyle} ${cs.fontWeight} ${parseFloat(cs.fontSize) * ratio}px ${cs.fontFamily}`;
  return Math.max(0, ...String(text).split(/\s+/).map((w) => measure.measureText(w).width));
}

function hyphenate(el, text) {
  const cs = getComputedStyle(el);
  measure = measure || document.createElement('canvas').getContext('2d');
  measure.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  const width = (w) => measure.measureText(w).width;
  const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - width('-') - 1;
  return text.split(/(\s+)/).map((word) => {
    let out = '';
    let rest = word;
    while (!/^\s*$/.test(rest) && width(rest) > room && rest.length > 4) {
      let n = rest.length - 2;
      while (n > 2 && width(rest.slice(0, n)) > room) n -= 1;
      out += `${rest.slice(0, n)}\u00AD`;
      rest = rest.slice(n);
    }
    return out + rest;
  }).join('');
}

/**
 * The projector's board shows everything its scene holds: when the parts are taller than the
 * board (or a word is wider than its post-it), they are zoomed out together (--fit, projector.css)
 * as far as `minZoom`; what still does not fit is the caller's to page. True if it all fits.
 */
export function fitBoard(board, minZoom) {
  if (fitsAt(board, 1)) return true;
  if (!fitsAt(board, minZoom)) return false;
  // the largest zoom that fits, to 1 %: text reflows as it zooms, so search rather than divide
  let lo = minZoom;
  let hi = 1;
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (fitsAt(board, mid)) lo = mid; else hi = mid;
  }
  fitsAt(board, Math.floor(lo * 100) / 100);
  return true;
}

/** Zoom the board's parts to `zoom`; true if nothing then overflows the board or its post-its. */
export function fitsAt(board, zoom) {
  board.style.setProperty('--fit', String(zoom));
  return board.scrollHeight <= board.clientHeight + 1 && board.scrollWidth <= board.clientWidth + 1
    && [...board.querySelectorAll('.note-text')].every((el) => !el.offsetParent || el.scrollWidth <= el.clientWidth + 1);
}
