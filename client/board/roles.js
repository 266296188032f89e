// Card 4's rings (template 4A): staf inside spelers inside toeschouwers, each role a slot with
// the names on it. Anyone may suggest a name (dashed until the facilitator confirms it); a name
// moves by drag on a laptop, or by tapping it and choosing a role (a phone). The count of the
// network and the card's 5–20 stand above the rings.

import { h, setText, toggle, reconcile, attr } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';
import { draggable } from '../drag.js';

/** How many confirmed names count toward the network (not the second ring), and its warning. */
export function networkCount(section, people) {
  const counting = new Set(section.rings.filter((r) => r.counts !== false).flatMap((r) => r.roles.map((x) => x.id)));
  const n = Object.values(people).filter((p) => p.confirmed && counting.has(p.role)).length;
  const warn = n < section.size_min ? 'few' : n > section.size_max ? 'many' : null;
  return { n, warn };
}

export function rolesSection(app, boardId, section) {
  const { projector, tid, send } = app;
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt))]);
  const people = () => app.state.boards[boardId].roles?.[section.id] || {};
  const member = () => !projector && (app.isFac() || app.isPart()) && !shell.blocked() && !app.closed();
  const mayChange = (p) => member() && (app.isFac() || (!p.confirmed && p.author === app.participant));
  const allRoles = section.rings.flatMap((ring) => ring.roles);

  const count = h('p.roles-count', { 'data-testid': `roles-count-${tid(boardId, section.id)}`, role: 'status' });
  const ringNote = h('p.roles-note', L(section.rings.find((r) => r.counts === false)?.hint || { nl: '', en: '' }));

  // the add form: a name and the role to put it on (a select: tap-to-choose on a phone)
  const nameInput = h('input.input', { type: 'text', maxlength: String(section.max_name_len), placeholder: t('rolesNamePh'),
    'aria-label': t('rolesName'), 'data-testid': 'role-name-input' });
  const roleSelect = h('select.input', { 'aria-label': t('rolesRole'), 'data-testid': 'role-select' },
    section.rings.map((ring) => h('optgroup', { label: L(ring.label) },
      ring.roles.map((r) => h('option', { value: r.id }, L(r.label))))));
  roleSelect.value = 'deelnemer';
  const addBtn = h('button.btn.btn-primary', { type: 'submit', 'data-testid': 'role-add' }, t('add'));
  const form = h('form.roles-add', nameInput, roleSelect, addBtn);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const name = nameInput.value.trim();
    if (!name) { nameInput.focus(); return; }
    addBtn.disabled = true;
    try {
      await send({ type: 'add_role_person', board: boardId, section: section.id, name, role: roleSelect.value });
      nameInput.value = '';
    } catch { /* toast shown */ }
    addBtn.disabled = false;
    nameInput.focus();
  });

  // the rings, innermost last in the template: nest them outside-in
  const slots = new Map(); // role id -> list element
  let chooserFor = null; // the person whose role chooser is open (tap-to-choose)
  function ringEl(index) {
    const ring = section.rings[index];
    const inner = index > 0 ? ringEl(index - 1) : null;
    const roles = h('div.ring-roles', ring.roles.map((role) => {
      const list = h('div.role-names', { 'data-testid': `role-names-${role.id}` });
      slots.set(role.id, list);
      const slot = h('div.role-slot', { 'data-role': role.id, 'data-testid': `role-${tid(boardId, section.id, role.id)}` },
        h('h4.role-label', L(role.label)), h('p.role-hint', L(role.hint)), list);
      return slot;
    }));
    return h('div.ring', { class: `ring-${ring.id}`, 'data-testid': `ring-${ring.id}` },
      h('h3.ring-label', L(ring.label)), inner, roles);
  }
  const rings = h('div.rings', ringEl(section.rings.length - 1));
  shell.el.append(h('div.roles-top', count, ringNote), form, rings);

  /** The role slot under a point (the dragged name itself ignores the pointer while it moves). */
  function slotAt(x, y) {
    const el = document.elementFromPoint(x, y);
    const slot = el?.closest('.role-slot');
    return slot && rings.contains(slot) ? slot : null;
  }

  async function move(personId, roleId) {
    chooserFor = null;
    try { await send({ type: 'move_role_person', board: boardId, section: section.id, person: personId, role: roleId }); } catch { /* toast shown */ }
    update();
  }

  function chip(p) {
    const name = h('button.role-person-name', { type: 'button', 'data-testid': `role-person-${p.id}` });
    // a press that moves drags the name to a role (pointer events: mouse, pen, touch); a tap
    // opens the chooser of roles (what a phone uses: a finger on a small ring is imprecise)
    let target = null;
    draggable(name, {
      canStart: () => mayChange(name.parentElement._p),
      onStart: () => name.parentElement.classList.add('dragging'),
      onMove: (e) => {
        name.style.transform = `translate(${e.clientX - startX(e)}px, ${e.clientY - startY(e)}px)`;
        const next = slotAt(e.clientX, e.clientY);
        if (next !== target) { target?.classList.remove('drop'); next?.classList.add('drop'); target = next; }
      },
      onEnd: (e, cancelled) => {
        name.style.transform = '';
        name.parentElement.classList.remove('dragging');
        target?.classList.remove('drop');
        const roleId = !cancelled && target ? target.dataset.role : null;
        target = null;
        if (roleId && roleId !== name.parentElement._p.role) move(p.id, roleId);
      },
      onClick: () => {
        if (!mayChange(name.parentElement._p)) return;
        chooserFor = chooserFor === p.id ? null : p.id;
        update();
      },
    });
    const origin = { x: 0, y: 0, id: null };
    name.addEventListener('pointerdown', (e) => Object.assign(origin, { x: e.clientX, y: e.clientY, id: e.pointerId }));
    const startX = () => origin.x;
    const startY = () => origin.y;
    const badge = h('span.role-badge', t('rolesSuggested'));
    const confirm = h('button.btn.btn-small.role-confirm', { type: 'button', 'data-testid': `role-confirm-${p.id}`,
      'aria-label': t('rolesConfirm'), on: { click: () => send({ type: 'confirm_role_person', board: boardId, section: section.id, person: p.id }).catch(() => {}) } }, '✓');
    const remove = h('button.btn.btn-small.role-remove', { type: 'button', 'data-testid': `role-remove-${p.id}`,
      'aria-label': t('remove'), on: { click: () => send({ type: 'remove_role_person', board: boardId, section: section.id, person: p.id }).catch(() => {}) } }, '×');
    const chooser = h('div.role-chooser', { 'data-testid': `role-chooser-${p.id}`, role: 'group', 'aria-label': t('rolesMoveTo') },
      allRoles.map((r) => h('button.btn.btn-small', { type: 'button', 'data-role': r.id, on: { click: () => move(p.id, r.id) } }, L(r.label))));
    return h('div.role-person', name, badge, confirm, remove, chooser);
  }

  function updateChip(el, p) {
    el._p = p; // the name as it now is, for the chip's handlers
    const [name, badge, confirm, remove, chooser] = el.children;
    setText(name, p.name);
    const can = mayChange(p);
    attr(name, 'data-movable', can ? 'true' : null);
    attr(name, 'aria-expanded', can ? String(chooserFor === p.id) : null);
    toggle(el, 'unconfirmed', !p.confirmed);
    badge.hidden = p.confirmed;
    confirm.hidden = p.confirmed || !member() || !app.isFac();
    remove.hidden = !can;
    chooser.hidden = !(can && chooserFor === p.id);
    for (const b of chooser.children) b.disabled = b.dataset.role === p.role;
  }

  function update() {
    shell.updateCurrent();
    // while names are placed the projector and phones drop the roles' descriptions (step 1 reads them)
    const step = app.currentStep();
    toggle(shell.el, 'reading', !step || !step.allows.includes('roles'));
    form.hidden = !member();
    const all = Object.values(people()).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    for (const [roleId, list] of slots) {
      reconcile(list, all.filter((p) => p.role === roleId), (p) => p.id, chip, updateChip);
    }
    const { n, warn } = networkCount(section, people());
    setText(count, warn ? t(`rolesCount_${warn}`, { n, min: section.size_min, max: section.size_max })
      : t('rolesCount', { n, min: section.size_min, max: section.size_max }));
    toggle(count, 'warn', !!warn);
  }
  return { el: shell.el, update };
}
