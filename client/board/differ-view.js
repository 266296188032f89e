// Where the groups agree and differ, per option of a dot section: both groups side by side as
// shares of their own dots, the most agreed and the most differing options marked. The
// facilitator's prompt for the conversation; the projector shows it after the reveal.

import { h, setText, toggle, attr, reconcile } from '../dom.js';
import { t, L } from '../i18n.js';
import { compare } from '../facilitation/differ.js';

export function differView(app, boardId, section) {
  const groups = app.tplOf(boardId).groups;
  const testid = `differ-${app.tid(boardId, section.id)}`;
  const list = h('ol.differ-rows');
  const empty = h('p.differ-empty', t('differEmpty'));
  const el = h('div.differ', { 'data-testid': testid },
    h('div.differ-legend', groups.map((g, i) => h('span.legend-item', { style: { '--c': g.colour } },
      h('span.swatch', { 'data-mark': groupMark(i, groups), 'data-g': String(i) }), L(g.label)))),
    empty, list);
  const labels = Object.fromEntries(section.options.map((o) => [o.id, L(o.label)]));

  function update() {
    const vote = app.state.boards[boardId].dots[section.id];
    const { rows, totals } = compare(section, vote, groups);
    const any = Object.values(totals).some((n) => n > 0);
    empty.hidden = any;
    list.hidden = !any;
    reconcile(list, rows, (r) => r.option,
      (r) => h('li.differ-row', { 'data-testid': `${testid}-${r.option}` },
        h('span.differ-label', labels[r.option]),
        h('span.differ-bars', groups.map((g, i) => h('span.differ-bar', { style: { '--c': g.colour }, 'data-group': g.id },
          h('span.differ-fill'), h('span.differ-num', { 'data-mark': groupMark(i, groups) })))),
        h('span.differ-mark')),
      (li, r) => {
        toggle(li, 'is-agree', r.mark === 'agree');
        toggle(li, 'is-differ', r.mark === 'differ');
        attr(li, 'data-mark', r.mark || null);
        setText(li.querySelector('.differ-mark'), r.mark ? t(r.mark === 'agree' ? 'differAgree' : 'differDiffer') : '');
        for (const bar of li.querySelectorAll('.differ-bar')) {
          const g = bar.dataset.group;
          const share = Math.round(r.shares[g] * 100);
          bar.querySelector('.differ-fill').style.width = `${share}%`;
          setText(bar.querySelector('.differ-num'), `${share}% (${r.counts[g]})`);
          attr(bar, 'title', `${L(groups.find((x) => x.id === g).label)}: ${r.counts[g]}`);
        }
      });
  }
  return { el, update };
}

/**
 * A letter per group, so that the two never differ by colour alone: the initial of its label
 * (L, M), or A, B, … when initials would be the same. Dots also differ in shape (`data-g`).
 */
export function groupMark(index, groups) {
  const initials = (groups || []).map((g) => L(g.label).trim().charAt(0).toUpperCase());
  if (initials.length && new Set(initials).size === initials.length && initials[index]) return initials[index];
  return String.fromCharCode(65 + index);
}
