// The facilitator's part of the people panel: add people in the room without a device (one tap
// per person: name optional, group button), and remove someone, with or without what they made;
// and the warning when more people joined than the board recommends.

import { h, setText } from '../dom.js';
import { t, L } from '../i18n.js';

export function roomForm(app) {
  const groups = app.tplOf(app.boardIds()[0]).groups;
  const name = h('input.input.input-small', {
    type: 'text', maxlength: '40', placeholder: t('roomNamePlaceholder'), 'data-testid': 'proxy-name',
    'aria-label': t('roomName'), autocomplete: 'off',
  });
  const add = (group) => {
    app.send({ type: 'add_proxy', group, name: name.value.trim() })
      .then(() => { name.value = ''; name.focus(); })
      .catch(() => {});
  };
  const el = h('details.room-form', { 'data-testid': 'room-form' },
    h('summary', t('addInRoom')),
    h('p.room-hint', t('addInRoomHint')),
    name,
    h('div.room-buttons', groups.map((g) => h('button.btn.btn-small.group-btn', {
      type: 'button', style: { '--c': g.colour }, 'data-testid': `proxy-add-${g.id}`,
      on: { click: () => add(g.id) },
    }, `+ ${L(g.label)}`))));
  function update() {
    for (const b of el.querySelectorAll('button')) b.disabled = app.closed();
  }
  return { el, update };
}

/** "Verwijderen…" for one person: asks once, with a choice to take their dots and notes too. */
export function personMenu(app, id) {
  const withContent = h('input', { type: 'checkbox', 'data-testid': `remove-content-${id}` });
  // the question names the person, so the facilitator sees whom they are about to remove
  const name = app.personName(id);
  const confirm = h('div.person-confirm', { hidden: true, 'data-testid': `remove-ask-${id}` },
    h('p.person-confirm-q', t('removePersonAsk', { name })),
    h('label.check-line', withContent, h('span', t('removeWithContent'))),
    h('div.person-confirm-buttons',
      h('button.btn.btn-small.danger', {
        type: 'button', 'data-testid': `remove-confirm-${id}`,
        on: {
          click: (e) => {
            e.currentTarget.disabled = true;
            app.send({ type: 'remove_participant', participant: id, with_content: withContent.checked })
              .catch(() => { e.currentTarget.disabled = false; });
          },
        },
      }, t('removePerson')),
      h('button.btn.btn-small', { type: 'button', on: { click: () => { confirm.hidden = true; } } }, t('cancel'))));
  const open = h('button.btn.btn-ghost.btn-tiny.person-remove', {
    type: 'button', 'data-testid': `remove-person-${id}`, 'aria-label': t('removePersonNamed', { name }), title: t('removePersonNamed', { name }),
    on: { click: () => { confirm.hidden = !confirm.hidden; } },
  }, '×');
  return h('span.person-admin', open, confirm);
}

export function tooManyWarning(app) {
  const { recommendedMax } = app;
  const el = h('div.warning', { 'data-testid': 'too-many-warning', role: 'status', hidden: true });
  function update() {
    const max = recommendedMax();
    const n = Object.keys(app.state.participants).length;
    const over = max !== null && n > max && !app.closed(); // closed: nothing left to split up
    el.hidden = !over;
    if (over) setText(el, t('tooMany', { n, max }));
  }
  return { el, update };
}
