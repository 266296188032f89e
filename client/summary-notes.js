// Texts, post-its (insights, actions) and checklists in the summary (and its print).

import { h } from './dom.js';
import { t, L } from './i18n.js';
import { marker } from './summary-parts.js';

export function textSummary(section) {
  return h('section.sum-section.sum-ambition', { 'data-testid': `sum-text-${section.id}` },
    h('h2', L(section.title)),
    h('dl.sum-fields', section.fields.map((f) => [h('dt', L(f.label)), h('dd', f.text || t('empty'))])));
}

function noteItems(items, withOwner) {
  if (!items.length) return h('p.sum-muted', t('noNotes'));
  return h('ul.sum-notes', items.map((n) => h('li.sum-note',
    h('span.sum-note-text', n.text),
    withOwner ? h('span.sum-owner', `${t('ownerLabel')}: `, h('strong', n.owner || '—')) : null)));
}

function insightsSection(section) {
  return h('section.sum-section', { 'data-testid': `sum-insights-${section.id}` },
    h('h2', L(section.title)),
    h('div.sum-lanes', section.lanes.map((lane) => h('div.sum-lane', h('h3', L(lane.label)), noteItems(lane.items, false)))));
}

function actionsSection(section, groups) {
  const sides = groups.map((g, i) => {
    const lanes = section.lanes.filter((l) => l.side === g.id);
    if (!lanes.length) return null;
    return h('div.sum-side', { style: { '--c': g.colour } },
      h('h3.sum-side-title', marker(g, i, 22), h('span', L(g.label))),
      lanes.map((lane) => h('div.sum-lane', h('h4', L(lane.label)), noteItems(lane.items, true))));
  });
  const other = section.lanes.filter((l) => !groups.some((g) => g.id === l.side));
  return h('section.sum-section', { 'data-testid': `sum-actions-${section.id}` },
    h('h2', L(section.title)),
    h('p.sum-prompt', L(section.prompt)),
    h('div.sum-sides', sides),
    other.map((lane) => h('div.sum-lane', h('h4', L(lane.label)), noteItems(lane.items, true))));
}


/** A notes section's block: the insights (lanes of post-its) or the actions (per group, with owners). */
export function notesSummary(section, { groups }) {
  return section.kind === 'actions' ? actionsSection(section, groups) : insightsSection(section);
}

export function checklist(list) {
  return h('div.sum-checklist', h('h3', L(list.title)),
    h('ul.sum-coverage.sum-checks', list.items.map((i) => {
      // a "yes" that means work left (open_mark) reads as an open item, not a tick
      const open = i.checked && i.open_mark;
      return h('li', { class: open ? 'open-item' : i.checked ? 'checked' : 'unchecked', 'data-testid': `sum-check-${i.id}` },
        h('span.sum-check', { 'aria-hidden': 'true' }, open ? '!' : i.checked ? '✓' : '–'), h('span', L(i.label)),
        open ? h('span.sum-open-mark', L(i.open_mark)) : null);
    })));
}


/** A checklist of its own (one on a board with a stakeholder map is shown with the map). */
export function checklistSummary(list) {
  return h('section.sum-section', checklist(list));
}
