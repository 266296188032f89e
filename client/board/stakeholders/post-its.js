// The post-its on the map (2A): category and names fitted to the post-it, tags for the kinds of
// knowledge and an open assumption, and the first attached notes (belangen, behoeften) beneath.

import { h, toggle, setText } from '../../dom.js';
import { t, L } from '../../i18n.js';
import { fitWords, fitGeneration, widestWord } from '../fit.js';
import { splitLabel } from './model.js';

const MINI_NOTES = 4; // attached notes shown under a post-it on the map (spots.js reckons with them)
const CAT_MIN = 0.72; // the least share of its font a long word of the category shrinks to
const CAT_WIDEN = 0.85; // a post-it widens (up to --pw-max) so that its category's longest word fits at this share
const NAMES_MIN = 0.85; // of the names

// A key that changes with the language, so tags (letters) are redrawn after a switch.
function getLangKey() {
  return document.documentElement.lang;
}

/** {createMapItem, updateMapItem} for the map's layer; adds `sh.fitPending()`. */
export function createPostIts(sh) {
  const { member, me, kinds, kindColour, kindLetter, section, noteKind, noteKindIndex } = sh;
  function createMapItem(s) {
    const id = s.id;
    const itemEl = h('div.sh-item', {
      'data-testid': `stakeholder-${id}`, 'data-id': id,
      tabindex: member() ? '0' : null, role: member() ? 'button' : null,
    },
    // The name a screen reader gives the button is its visible text (category, names) plus a
    // spoken summary of the badges; the badge letters and note snippets themselves are hidden
    // from it (axe: label-content-name-mismatch when an aria-label said something else).
    h('div.sh-card', h('strong.sh-cat'), h('span.sh-names'), h('span.sh-tags', { 'aria-hidden': 'true' }),
      h('span.sr-only.sh-sr')),
    h('div.sh-minis', { 'aria-hidden': 'true' }),
    h('span.sh-by', { hidden: true }));
    if (member()) {
      sh.movable('map', itemEl, id);
      itemEl.addEventListener('keydown', (e) => sh.keyMove(e, id));
    }
    return itemEl;
  }

  function tagsOf(s) {
    const out = kinds.filter((k) => s.knowledge.includes(k.id)).map((k) => h('span.k-badge', {
      style: { '--k': kindColour(k.id) }, title: L(k.label), 'data-kind': k.id,
    }, kindLetter(k)));
    if (s.assumption) out.push(h('span.sh-assume', { title: t('assumption'), 'data-testid': 'assumption-flag' }, '?'));
    // on a phone the attached notes do not fit under the post-it: a count per kind instead
    const notes = Object.values(s.notes || {});
    section.note_kinds.forEach((k, i) => {
      const n = notes.filter((x) => x.kind === k.id).length;
      if (n) out.push(h('span.sh-note-count', { class: `note-k${i}`, title: splitLabel(k.label)[0] }, String(n)));
    });
    return out;
  }

  /** What the badges say, for a screen reader: kinds of knowledge, the assumption, the notes. */
  function spoken(s, notes) {
    const parts = kinds.filter((k) => s.knowledge.includes(k.id)).map((k) => L(k.label));
    if (s.assumption) parts.push(t('assumption'));
    section.note_kinds.forEach((k) => {
      const n = notes.filter((x) => x.kind === k.id).length;
      if (n) parts.push(`${n} × ${splitLabel(k.label)[0]}`);
    });
    return parts.length ? ` (${parts.join(', ')})` : '';
  }

  /** A post-it as wide as its longest word needs (up to the map's --pw-max), at a font a little
   * smaller than its own: words are never broken where a wider post-it can hold them. */
  function widen(itemEl) {
    itemEl.style.removeProperty('--pw');
    const card = itemEl.querySelector('.sh-card');
    const base = itemEl.offsetWidth;
    if (!base) return false;
    const cs = getComputedStyle(card);
    const pad = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth);
    const need = Math.ceil(pad + 1 + Math.max(widestWord(itemEl.querySelector('.sh-cat'), itemEl._cat, CAT_WIDEN),
      itemEl._names ? widestWord(itemEl.querySelector('.sh-names'), itemEl._names, NAMES_MIN) : 0));
    const most = parseFloat(getComputedStyle(sh.mapSurface).getPropertyValue('--pw-max')) || base;
    if (need > base) itemEl.style.setProperty('--pw', `${Math.max(base, Math.min(need, most))}px`);
    return true;
  }

  /** Fit the words of post-its whose text or screen size changed (once they are on screen); true
   * if one was fitted (its size may have changed). */
  function fitPending() {
    let fitted = false;
    for (const itemEl of sh.mapLayer._keyed?.values() || []) {
      if (itemEl._fitGen === fitGeneration()) continue;
      const ok = widen(itemEl)
        && fitWords(itemEl.querySelector('.sh-cat'), itemEl._cat, CAT_MIN)
        && fitWords(itemEl.querySelector('.sh-names'), itemEl._names, NAMES_MIN);
      if (ok) itemEl._fitGen = fitGeneration();
      fitted = fitted || ok;
    }
    return fitted;
  }

  function updateMapItem(itemEl, s) {
    if (itemEl._fitText !== `${s.category}\n${s.names}`) {
      // set here, fitted (smaller, soft hyphens) in fitPending
      itemEl._fitText = `${s.category}\n${s.names}`;
      itemEl._cat = s.category;
      itemEl._names = s.names || '';
      itemEl.querySelector('.sh-cat').textContent = s.category;
      const namesEl = itemEl.querySelector('.sh-names');
      namesEl.textContent = s.names || '';
      namesEl.hidden = !s.names;
      itemEl._fitGen = -1;
    }
    const sig = JSON.stringify([s.knowledge, s.assumption, Object.values(s.notes || {}).map((n) => n.kind), getLangKey()]);
    if (itemEl._tags !== sig) {
      itemEl._tags = sig;
      itemEl.querySelector('.sh-tags').replaceChildren(...tagsOf(s));
    }
    const notes = Object.values(s.notes || {});
    const minis = itemEl.querySelector('.sh-minis');
    const nsig = JSON.stringify(notes.map((n) => [n.id, n.version, n.kind]));
    if (minis._sig !== nsig) {
      minis._sig = nsig;
      const shownNotes = notes.slice(0, MINI_NOTES).map((n) => h('span.sh-mini', {
        class: `note-k${noteKindIndex(n.kind)}`, title: `${splitLabel(noteKind(n.kind)?.label)[0]}: ${n.text}`,
      }, n.text));
      if (notes.length > MINI_NOTES) shownNotes.push(h('span.sh-mini.more', `+${notes.length - MINI_NOTES}`));
      minis.replaceChildren(...shownNotes);
    }
    minis.hidden = !notes.length;
    setText(itemEl.querySelector('.sh-sr'), spoken(s, notes));
    toggle(itemEl, 'selected', sh.drawer?.id === s.id);
    toggle(itemEl, 'mine', member() && s.author === me());
    toggle(itemEl, 'assumed', !!s.assumption);
    sh.positionEl('map', itemEl, s);
  }
  sh.fitPending = fitPending;
  return { createMapItem, updateMapItem };
}
