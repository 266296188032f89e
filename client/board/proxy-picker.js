// The facilitator places dots for people in the room without a device: pick the person, then tap
// the cards as they would. One chip per person, with the dots they have left in this section.

import { h, setText, toggle, attr, reconcile } from '../dom.js';
import { t } from '../i18n.js';

// `budget`: how many marks a person has in the section and how many of theirs are placed (a dot
// vote: `per_person` and the list's length; the tree and the radar pass their own).
export function proxyPicker(app, boardId, section, onChange,
  budget = { max: section.per_person, used: (marks) => (marks || []).length }) {
  const chips = h('div.proxy-chips', { role: 'group', 'aria-label': t('proxyFor') });
  const el = h('div.proxy-picker', { 'data-testid': `proxy-picker-${app.tid(boardId, section.id)}`, hidden: true },
    h('span.proxy-title', t('proxyFor')), chips);
  let selected = null;

  const proxies = () => Object.entries(app.state.participants).filter(([, p]) => p.proxy);
  const dotsOf = (pid) => app.proxyDots[pid]?.[boardId]?.[section.id] || [];

  function update() {
    const list = proxies();
    el.hidden = !list.length;
    if (selected && !app.state.participants[selected]) selected = null;
    reconcile(chips, list, ([id]) => id,
      ([id]) => h('button.proxy-chip', {
        type: 'button', 'data-testid': `proxy-chip-${id}`,
        on: { click: () => { selected = selected === id ? null : id; update(); onChange(); } },
      }, h('span.swatch', { 'aria-hidden': 'true' }), h('span.proxy-name'), h('span.proxy-left')),
      (chip, [id, p]) => {
        const g = app.groupOf(p.group);
        chip.style.setProperty('--c', g?.colour || '#334155');
        setText(chip.querySelector('.proxy-name'), p.name);
        const left = Math.max(0, budget.max - budget.used(app.proxyDots[id]?.[boardId]?.[section.id]));
        setText(chip.querySelector('.proxy-left'), left ? String(left) : '✓');
        attr(chip.querySelector('.proxy-left'), 'aria-label', t('remaining', { n: left, max: budget.max }));
        toggle(chip, 'selected', selected === id);
        attr(chip, 'aria-pressed', String(selected === id));
      });
  }

  return { el, update, selected: () => selected, dotsOf };
}

/** Whose marks a tap changes: a participant's own, or (facilitator) the chosen person in the room's;
 * null when the facilitator has chosen nobody. `name` is that person's, for "3 van Gerrit". */
export function actingFor(app, boardId, section, picker) {
  if (app.isPart()) return { proxy: null, dots: app.you?.[boardId]?.[section.id] || [], name: null };
  const pid = picker?.selected();
  return pid ? { proxy: pid, dots: picker.dotsOf(pid), name: app.state.participants[pid]?.name || '' } : null;
}
