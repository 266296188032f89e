// Closing the session (the facilitator's; board/facilitator.js). Once it is closed the board
// stays readable, nothing can change, the join code no longer works (everyone's banner: page.js).
// A session of a learning network shows, once closed, what it would add to the network, to confirm here and now (item by item or
// all at once) — the same list as on the network page (client/network/contribution.js).

import { h, setText, toast } from '../dom.js';
import { t, errorText } from '../i18n.js';
import { store } from '../store.js';
import { json } from '../network/api.js';
import { nt } from '../network/strings.js';
import { contributionList, initialPick, pending } from '../network/contribution.js';

function kept(key) { try { return localStorage.getItem(key); } catch { return null; } }

/** The closed session's contribution to its network; hidden for a session of no network. */
function networkContribution(app) {
  const el = h('div.close-contribution', { hidden: true, 'data-testid': 'close-contribution' });
  const st = { asking: false, asked: false, proposal: null, picked: new Set(), shown: false };

  const render = () => {
    const p = st.proposal;
    el.hidden = !p || !p.items.length;  // no network, or a session that gives it nothing
    if (el.hidden) return;
    const left = pending(p).length;
    const link = kept(`samenspel.net.${p.network}`)
      ? h('a.contrib-link', { href: `/n/${p.network}`, target: '_blank', rel: 'noopener' }, nt('openNetwork')) : null;
    el.replaceChildren(
      h('h2.panel-title', nt('closeTitle', { name: p.name })),
      left ? h('p.contrib-lead', nt('closeLead')) : h('p.contrib-done', { role: 'status', 'data-testid': 'close-contribution-done' }, nt('closeDone')),
      left ? contributionList({ proposal: p, picked: st.picked, prefix: 'close', onConfirm: confirm }) : null,
      link);
    if (!st.shown) {  // it appears on its own at the close: bring it into view once
      st.shown = true;
      el.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  };

  async function ask() {
    const token = store.facilitator(app.session);
    if (!token || st.asking) return;
    st.asking = true;
    try {
      st.proposal = await json('GET', `/api/sessions/${app.session}/network`, token);
      st.picked = initialPick(st.proposal);
      st.asked = true;
    } catch (err) {
      st.asked = err.status === 404 || err.status === 403;  // no network (or not ours): ask no more
    } finally {
      st.asking = false;
    }
    render();
  }

  async function confirm(keys) {
    try {
      const done = await json('POST', `/api/sessions/${app.session}/network/confirm`, store.facilitator(app.session), { keys });
      toast(nt('confirmedOk', { n: done.added }), 'ok');
      st.asked = false;
      await ask();
    } catch (err) { toast(errorText(err.code)); }
  }

  function update() {
    if (app.closed() && !st.asked) ask();
  }
  return { el, update };
}

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
  const contribution = networkContribution(app);
  const el = h('section.panel.panel-close', { 'aria-label': t('closeSession') }, open, confirm, closedNote, contribution.el);
  function update() {
    const closed = app.closed();
    if (closed) { open.hidden = true; confirm.hidden = true; }
    closedNote.hidden = !closed;
    contribution.update();
  }
  return { el, update };
}
