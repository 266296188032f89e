// Closing the session (facilitator), and what everyone sees once it is closed: the board stays
// readable, nothing can change, the join code no longer works.

import { h, setText } from '../dom.js';
import { t } from '../i18n.js';

export function closePanel(app) {
  const confirm = h('div.close-confirm', { hidden: true, 'data-testid': 'close-confirm' },
    h('p', t('closeConfirmText')),
    h('div.close-buttons',
      h('button.btn.btn-small.danger', {
        type: 'button', 'data-testid': 'close-session-confirm',
        on: { click: (e) => { e.currentTarget.disabled = true; app.send({ type: 'close_session' }).catch(() => { e.currentTarget.disabled = false; }); } },
      }, t('closeSessionYes')),
      h('button.btn.btn-small', { type: 'button', on: { click: () => { confirm.hidden = true; open.hidden = false; } } }, t('cancel'))));
  const open = h('button.btn.btn-block', {
    type: 'button', 'data-testid': 'close-session',
    on: { click: () => { confirm.hidden = false; open.hidden = true; } },
  }, t('closeSession'));
  const closedNote = h('p.closed-note', { hidden: true }, t('sessionClosedFac'), ' ',
    h('a', { href: `/s/${app.session}`, 'data-testid': 'closed-summary-link' }, t('sumOpenAfterClose')));
  const el = h('section.panel.panel-close', { 'aria-label': t('closeSession') }, open, confirm, closedNote);
  function update() {
    const closed = app.closed();
    if (closed) { open.hidden = true; confirm.hidden = true; }
    closedNote.hidden = !closed;
  }
  return { el, update };
}

export function closedBanner(app) {
  const el = h('div.closed-banner', { 'data-testid': 'closed-banner', role: 'status', hidden: true });
  function update() {
    el.hidden = !app.closed();
    if (app.closed()) setText(el, t('sessionClosed'));
  }
  return { el, update };
}
