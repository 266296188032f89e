// Cards 1 and 4 in the summary (and its print): the wall with its dots, the versions of the
// sentence with their marks;
// the rings with the confirmed names, the suggestions not confirmed, and the conditions table.

import { h } from './dom.js';
import { t, L } from './i18n.js';
import { sketchSvg } from './board/sketch-svg.js';
import { showImage } from './board/photos.js';

export function rolesSummary(section) {
  const rings = section.rings.map((ring) => h('div.sum-ring', { class: `ring-${ring.id}` },
    h('h4', L(ring.label)),
    h('ul.sum-plain', ring.roles.map((role) => h('li', h('strong', L(role.label)),
      role.people.length ? `: ${role.people.join(', ')}` : ': –')))));
  return h('section.sum-section', { 'data-testid': `sum-roles-${section.id}` },
    h('h2', L(section.title)),
    h('p', t('sumRolesSize', { n: section.size })),
    h('div.sum-rings', rings),
    section.unconfirmed.length
      ? h('p.sum-muted', `${t('sumRolesUnconfirmed')}: ${section.unconfirmed.join(', ')}`) : null);
}

export function conditionsSummary(section) {
  const filled = section.rows.filter((r) => r.cells.some((c) => c.text || c.who));
  return h('section.sum-section', { 'data-testid': `sum-conditions-${section.id}` },
    h('h2', L(section.title)),
    filled.length ? h('table.cond-table.sum-cond',
      h('thead', h('tr', h('th', { scope: 'col' }, t('condRole')), section.columns.map((c) => h('th', { scope: 'col' }, L(c.label))))),
      h('tbody', filled.map((r) => h('tr', h('th', { scope: 'row' }, L(r.label)),
        r.cells.map((c) => h('td', c.text ? h('p.cond-shown', c.text) : null,
          c.who ? h('p.cond-shown-who', t('condBy', { who: c.who })) : null))))))
      : h('p.sum-muted', t('sumNothing')));
}

export function draftSummary(section) {
  return h('section.sum-section', { 'data-testid': `sum-draft-${section.id}` },
    h('h2', L(section.title)),
    section.versions.length ? h('ol.draft-history', section.versions.map((v, n) => h('li.draft-version',
      h('span.draft-n', t('draftVersion', { n: n + 1 })),
      v.words.map((w) => h('span', { class: `draft-word${w.marks ? ' has-marks' : ''}` },
        h('span.draft-word-text', w.word),
        w.marks ? h('span.draft-count', { 'aria-label': t('draftMarks', { n: w.marks }) }, String(w.marks)) : null)))))
      : h('p.sum-muted', t('sumNothing')));
}

/** A summary item's sketch: the drawing as SVG, the photo's thumbnail (fetched with `auth`). */
function sketchOf(item, label, { session, auth }) {
  if (item.type === 'drawing') return h('div.wall-media', sketchSvg(item.strokes, t('sketchDrawn', { prompt: label })));
  if (item.type !== 'photo') return null;
  const img = h('img.sketch-photo', { alt: t('sketchPhotoOf', { prompt: label }), width: String(item.image.w),
    height: String(item.image.h), 'data-testid': `sum-photo-${item.id}` });
  showImage(img, session, item.image.hash, true, auth);
  return h('div.wall-media', img);
}

/** The wall with its dots, most first; sketches with their drawing or photo (in print too).
 * `prompts`: prompt id -> label (the board's sketch sections), `media`: {session, auth}. */
export function wallSummary(section, prompts = {}, media = {}) {
  const items = section.items.filter((i) => !i.hidden).sort((a, b) => b.dots - a.dots);
  return h('section.sum-section', { 'data-testid': `sum-wall-${section.id}` },
    h('h2', L(section.title)),
    section.withheld ? h('p.sum-muted', t('wallHidden'))
      : items.length ? h('ul.wall-grid.sum-wall', items.map((i) => {
        const label = i.text || (prompts[i.prompt] ? L(prompts[i.prompt]) : '');
        return h('li.wall-card', { class: `${i.most ? 'most' : ''} ${i.type && i.type !== 'text' ? 'sketch' : ''}` },
          i.most ? h('span.wall-most', t('wallMost')) : null,
          sketchOf(i, label, media),
          h('p.wall-text', label), h('span.wall-count', t('wallDots', { n: i.dots })));
      }))
        : h('p.sum-muted', t('sumNothing')));
}

/** The wall's block of a board's summary: its sketches are named by their prompts (the board's
 * sketch sections); ctx carries the session and the credential the photos are fetched with. */
export function wallBlock(section, ctx) {
  const prompts = Object.fromEntries((ctx.board.sketches || []).flatMap((k) => k.prompts.map((p) => [p.id, p.label])));
  return wallSummary(section, prompts, ctx);
}
