// What a closed session would add to its learning network (GET /api/sessions/{s}/network), to be
// confirmed item by item or all at once: one list, shown on the network page and in the board's
// close panel (client/board/close-panel.js). Everything typed is put in as text, never as markup.

import { h } from '../dom.js';
import { nt } from './strings.js';
import { optionLabel } from './trend.js';

/** An item of the proposal as [what kind, its text]; ``actions``: the network's, to name a reviewed one. */
export function itemText(item, actions = []) {
  switch (item.kind) {
    case 'ambition': return [nt('it_ambition'), item.text];
    case 'goal': return [nt('it_goal', { n: item.slot }), item.text];
    case 'agenda': return [`${nt('it_agenda')} (${nt(item.agenda)})`, item.text];
    case 'action': return [nt('it_action'), item.owner ? `${item.text} — ${item.owner}` : item.text];
    case 'stakeholder': return [nt('it_stakeholder'), item.names ? `${item.category}: ${item.names}` : item.category];
    case 'reading': return [nt('it_reading'), item.name === 'radar'
      ? nt('rd_radar', { n: Object.keys(item.values).length })
      : item.name === 'pillars' ? nt('rd_pillars') : item.name];
    case 'role': return [nt('it_role'), `${optionLabel(item.role)}: ${item.name}`];
    case 'action_status': return [nt('it_action_status'), `${(actions.find((a) => a.id === item.action) || {}).text || item.action}: ${nt(`st_${item.status}`)}`];
    default: return [nt('it_outcome'), item.text || ''];
  }
}

/** Items still to confirm: neither confirmed from this session nor held by the network already. */
export function pending(proposal) {
  return proposal.items.filter((i) => !i.confirmed && !i.held);
}

/** The keys picked at first: every pending item. */
export function initialPick(proposal) {
  return new Set(pending(proposal).map((i) => i.key));
}

/**
 * The list with a checkbox per item and the two buttons. ``picked``: a Set of keys (kept by the
 * caller across renders); ``onConfirm(keys | null)``; ``prefix``: the test ids' prefix ("net", "close").
 */
export function contributionList({ proposal, picked, onConfirm, prefix, actions = [] }) {
  const row = (item) => {
    const [kind, text] = itemText(item, actions);
    const done = item.confirmed || item.held;
    return h('li', h('label.contrib-check', h('input', {
      type: 'checkbox', disabled: done, checked: item.confirmed || (!done && picked.has(item.key)),
      'data-testid': `${prefix}-item`,
      on: { change: (e) => { if (e.target.checked) picked.add(item.key); else picked.delete(item.key); } },
    }),
    h('span', h('span.contrib-kind', kind), ' ', h('span.contrib-text', text),
      item.confirmed ? h('span.contrib-muted', ` (${nt('already')})`) : null)));
  };
  // What the session took from the network and gives back unchanged is folded away: nothing to decide.
  const held = proposal.items.filter((i) => i.held && !i.confirmed);
  return h('div.contrib',
    h('ul.contrib-items', ...proposal.items.filter((i) => !held.includes(i)).map(row)),
    held.length ? h('details.contrib-held', { 'data-testid': `${prefix}-held` },
      h('summary', nt('heldN', { n: held.length })), h('ul.contrib-items', ...held.map(row))) : null,
    h('div.contrib-buttons',
      h('button.btn.btn-primary', { type: 'button', 'data-testid': `${prefix}-confirm-all`, on: { click: () => onConfirm(null) } }, nt('confirmAll')),
      h('button.btn', { type: 'button', 'data-testid': `${prefix}-confirm-selected`, on: { click: () => onConfirm([...picked]) } }, nt('confirmSel'))));
}
