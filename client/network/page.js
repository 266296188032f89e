// The learning network's page (/n/{network}#k=<secret>; /n/ starts one): the journey of its
// sessions, the current ambition and goals, the agendas, the open actions (status editable), the
// stakeholders, the pillars over time; a session's contribution to confirm; exports, print (A4),
// delete. Live: it long-polls the network (?after=<seq>), so a change on one laptop shows on the
// other. Everything people typed is put in as text (textContent), never as markup.

import { h, langSwitch, toast, copyText } from '../dom.js';
import { getLang, onLangChange, errorText } from '../i18n.js';
import { store } from '../store.js';
import { nt } from './strings.js';
import { call, json, download, NetError } from './api.js';
import { smallMultiples, optionLabel } from './trend.js';
import { contributionList, initialPick, pending } from './contribution.js';

// The boards a session of the network can have, in the order a session runs them.
const BOARDS = ['actiepunten', 'kickoff', 'ambitie', 'stakeholders', 'juiste_weg', 'rollen', 'samenspel'];
const BOARD_WORD = { actiepunten: 'boardActions', stakeholders: 'boardStakeholders', samenspel: 'boardSamenspel',
  kickoff: 'boardKickoff', ambitie: 'boardAmbitie', juiste_weg: 'boardJuisteWeg', rollen: 'boardRollen' };
const KEY = (id) => `samenspel.net.${id}`;
const CO_KEY = (id) => `samenspel.netco.${id}`;

function kept(key) { try { return localStorage.getItem(key); } catch { return null; } }
function keep(key, value) {
  try { if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value); } catch { /* blocked */ }
}

function header() {
  return h('header.site-head.no-print',
    h('a.brand', { href: '/' },
      h('span.brand-mark', { 'aria-hidden': 'true' }, h('span.bm1'), h('span.bm2')),
      h('span.brand-name', 'Samenspel')),
    h('span.site-tagline', nt('kicker')),
    langSwitch());
}

function dateText(ms) {
  if (!ms) return '';
  return new Date(ms).toLocaleDateString(getLang() === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

function field(label, input) {
  return h('label.field', h('span.field-label', label), input);
}

// --- /n/: start a network -------------------------------------------------------------------
export function mountNetworkStart(root) {
  const st = { name: '', theme: '', busy: false, error: null };
  const render = () => {
    const name = h('input.input', { value: st.name, maxlength: 120, 'data-testid': 'net-name', required: true,
      on: { input: (e) => { st.name = e.target.value; } } });
    const theme = h('textarea.input', { maxlength: 600, rows: 3, 'data-testid': 'net-theme',
      on: { input: (e) => { st.theme = e.target.value; } } });
    theme.value = st.theme;
    const form = h('form.card.net-start', { on: { submit: async (e) => {
      e.preventDefault();
      if (st.busy) return;
      st.busy = true;
      try {
        const made = await json('POST', '/api/networks', null, { name: st.name, theme: st.theme });
        keep(KEY(made.network), made.secret);
        keep(CO_KEY(made.network), made.cofacilitator_secret);
        location.assign(`/n/${made.network}`);
      } catch (err) {
        st.busy = false;
        st.error = err.code;
        render();
      }
    } } },
    h('h1', nt('startTitle')), h('p', nt('startLead')),
    field(nt('name'), name), field(nt('theme'), theme),
    st.error ? h('p.form-error', { role: 'alert' }, errorText(st.error)) : null,
    h('button.btn.btn-primary', { type: 'submit', 'data-testid': 'net-start' }, nt('start')));
    root.replaceChildren(h('div.site', header(), h('main.site-main.narrow', form)));
  };
  onLangChange(render);
  render();
}

// --- /n/{network} ------------------------------------------------------------------------------
export function mountNetwork(root, id, fragment) {
  const fromLink = fragment.get('k');
  if (fromLink) {
    keep(KEY(id), fromLink);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const secret = kept(KEY(id));
  const st = { view: null, gone: false, live: true, proposals: {}, picked: {}, title: '', boards: ['samenspel'], busy: false };
  if (!secret) { gone(root); return; }

  const render = () => {
    if (st.deleted) {
      root.replaceChildren(h('div.site', header(), h('main.site-main.narrow', h('div.notice-card', { 'data-testid': 'net-deleted' }, h('h1', nt('deleted'))))));
      return;
    }
    if (st.gone) { gone(root); return; }
    if (!st.view) { root.replaceChildren(h('div.site', header(), h('main.sum-main', h('p.loading', '…')))); return; }
    const v = st.view;
    root.replaceChildren(h('div.site.summary-page.net-page', header(), h('main.sum-main.net-main', { 'data-testid': 'network-page' },
      cover(v), links(), ambition(v), journey(v), ...contributions(v), agendas(v), actions(v), stakeholders(v),
      outcomes(v), roles(v), pillars(v))));
  };

  const cover = (v) => h('section.sum-cover',
    h('p.sum-kicker', nt('report')),
    h('h1', { 'data-testid': 'net-title' }, v.name),
    v.theme ? h('p.net-theme', v.theme) : null,
    h('p.sum-expiry', nt('expires', { date: dateText(v.expires_at) })),
    h('p.net-live.no-print', { 'data-testid': 'net-live', 'aria-live': 'polite' }, st.live ? `● ${nt('live')}` : nt('reconnecting')),
    h('div.sum-toolbar.no-print',
      newSessionForm(),
      h('button.btn', { on: { click: () => download(`/api/networks/${id}/export.json`, secret, 'leernetwerk.json').catch(fail) } }, nt('exportJson')),
      h('button.btn', { on: { click: () => download(`/api/networks/${id}/export.csv`, secret, 'leernetwerk.csv').catch(fail) } }, nt('exportCsv')),
      h('button.btn', { 'data-testid': 'net-print', on: { click: () => window.print() } }, nt('print')),
      v.role === 'facilitator' ? h('button.btn.btn-danger', { 'data-testid': 'net-delete', on: { click: remove } }, nt('del')) : null));

  const newSessionForm = () => {
    const pick = (board) => h('label.net-check', h('input', { type: 'checkbox', checked: st.boards.includes(board), 'data-testid': `net-board-${board}`,
      on: { change: (e) => { st.boards = e.target.checked ? [...st.boards, board] : st.boards.filter((b) => b !== board); } } }),
    nt(BOARD_WORD[board]));
    const title = h('input.input', { value: st.title, maxlength: 120, placeholder: nt('sessionTitle'), 'aria-label': nt('sessionTitle'),
      'data-testid': 'net-session-title', on: { input: (e) => { st.title = e.target.value; } } });
    return h('form.net-new', { on: { submit: startSession } }, h('strong', nt('newSession')), title,
      h('div.net-boards', ...BOARDS.map(pick)),
      h('button.btn.btn-primary', { type: 'submit', 'data-testid': 'net-new-session' }, nt('startSession')));
  };

  const links = () => {
    const co = kept(CO_KEY(id));
    if (!co) return null;
    const row = (label, token, testid) => {
      const url = `${location.origin}/n/${id}#k=${token}`;
      return h('div.net-link', h('span.field-label', label), h('code', { 'data-testid': testid }, url),
        h('button.btn', { on: { click: () => copyText(url).then(() => toast(nt('copied'), 'ok')) } }, nt('copy')));
    };
    return h('section.sum-section.no-print', { 'data-testid': 'net-links' }, h('h2', nt('linksTitle')),
      row(nt('ownLink'), secret, 'net-own-link'), row(nt('coLink'), co, 'net-co-link'), h('p.sum-muted', nt('linksHint')),
      h('button.btn', { on: { click: () => { keep(CO_KEY(id), null); render(); } } }, 'OK'));
  };

  const titleOf = (session) => (st.view.sessions.find((s) => s.session === session) || {}).title || session;

  const ambition = (v) => h('section.sum-section', { 'data-testid': 'net-ambition' },
    h('h2', nt('ambition')),
    v.ambition ? h('p.net-ambition', v.ambition) : h('p.sum-muted', nt('noAmbition')),
    h('dl.sum-fields', ...v.goals.flatMap((g, i) => [h('dt', nt('goal', { n: i + 1 })), h('dd', g || nt('empty'))])),
    v.ambitions.length > 1 ? h('details.net-versions', h('summary', nt('versions')),
      h('ol', ...v.ambitions.slice(0, -1).reverse().map((a) => h('li', a.text, h('span.sum-muted', ` — ${nt('fromSession', { title: titleOf(a.session) })}`))))) : null);

  const journey = (v) => h('section.sum-section', { 'data-testid': 'net-journey' }, h('h2', nt('journey')),
    v.sessions.length ? h('ol.net-timeline', ...v.sessions.map((s, i) => h('li.net-stop', { 'data-testid': 'net-stop' },
      h('span.net-dot', { 'aria-hidden': 'true' }, String(i + 1)),
      h('div',
        h('strong', s.title || s.session), ' ',
        h('span.sum-muted', `${dateText(s.attached_at)} · ${s.boards.map((b) => nt(BOARD_WORD[b] || b)).join(' + ')}`),
        h('div.net-result', s.confirmed_at ? nt('confirmedN', { n: s.confirmed }) : nt('notConfirmed'),
          store.facilitator(s.session) ? h('span.no-print', ' · ', h('a', { href: `/s/${s.session}` }, nt('openSummary')),
            ' · ', h('a', { href: `/b/${s.session}` }, nt('openBoard'))) : null))))) : h('p.sum-muted', nt('noSessions')));

  const contributions = (v) => v.sessions.map((s) => {
    const p = st.proposals[s.session];
    if (!p || !p.closed || !pending(p).length) return null;
    const picked = st.picked[s.session] || (st.picked[s.session] = initialPick(p));
    return h('section.sum-section.net-contribution.no-print', { 'data-testid': 'net-contribution' },
      h('h2', nt('contribute', { title: s.title || s.session })), h('p.sum-muted', nt('contributeLead')),
      contributionList({ proposal: p, picked, prefix: 'net', actions: v.actions, onConfirm: (keys) => confirm(s.session, keys) }));
  });

  const agendas = (v) => h('section.sum-section', { 'data-testid': 'net-agendas' }, h('h2', nt('agendas')),
    h('div.net-columns', ...['verander', 'opleidings', 'onderzoeks'].map((a) => h('div', h('h3', nt(a)),
      v.agendas[a].length ? h('ul', ...v.agendas[a].map((e) => h('li', e.text))) : h('p.sum-muted', nt('empty'))))));

  const actions = (v) => {
    const open = v.actions.filter((a) => a.status === 'open' || a.status === 'bezig');
    const status = (a) => h('select.input.net-status', { 'aria-label': `${nt('status')}: ${a.text}`, 'data-testid': 'net-action-status',
      on: { change: (e) => setStatus(a.id, e.target.value) } },
    ...['open', 'bezig', 'klaar', 'vervallen'].map((s) => h('option', { value: s, selected: a.status === s }, nt(`st_${s}`))));
    return h('section.sum-section', { 'data-testid': 'net-actions' }, h('h2', nt('actions')),
      open.length ? h('table.net-table', h('thead', h('tr', h('th', nt('actions')), h('th', nt('owner')), h('th', nt('status')))),
        h('tbody', ...open.map((a) => h('tr', { 'data-testid': 'net-action' }, h('td', a.text), h('td', a.owner || '—'),
          h('td', h('span.print-only', nt(`st_${a.status}`)), status(a)))))) : h('p.sum-muted', nt('noActions')),
      v.actions.length > open.length ? h('p.sum-muted', nt('doneActions', { n: v.actions.length - open.length })) : null);
  };

  const stakeholders = (v) => (v.stakeholders.length ? h('section.sum-section', { 'data-testid': 'net-stakeholders' }, h('h2', nt('stakeholders')),
    h('ul.net-stakeholders', ...v.stakeholders.map((s) => h('li', h('strong', s.category), s.names ? ` — ${s.names}` : '',
      s.belangen.length ? h('div', h('span.net-kind', `${nt('belangen')}: `), s.belangen.join(' · ')) : null,
      s.behoeften.length ? h('div', h('span.net-kind', `${nt('behoeften')}: `), s.behoeften.join(' · ')) : null)))) : null);

  // Card 3's decision tree: each session's outcome, newest last.
  const outcomes = (v) => (v.outcomes.length ? h('section.sum-section', { 'data-testid': 'net-outcomes' }, h('h2', nt('outcomes')),
    h('ol.net-outcomes', ...v.outcomes.map((o) => h('li', h('span', o.text), h('span.sum-muted', ` — ${nt('fromSession', { title: titleOf(o.session) })}`))))) : null);

  // Card 4's roles: each role with the names the group confirmed.
  const roles = (v) => (Object.keys(v.roles).length ? h('section.sum-section', { 'data-testid': 'net-roles' }, h('h2', nt('roles')),
    h('dl.net-roles', ...Object.entries(v.roles).flatMap(([role, names]) => [h('dt', optionLabel(role)), h('dd', names)]))) : null);

  // Samenspel's "aandacht nodig" shares and card 3's radar medians, each only once it has readings.
  const pillars = (v) => {
    const shares = smallMultiples(v.trend.pillars);
    const radar = v.trend.radar && smallMultiples(v.trend.radar, 'radar');
    return h('section.sum-section.net-pillars', { 'data-testid': 'net-pillars' }, h('h2', nt('pillars')),
      shares ? h('div', h('p.sum-muted', nt('pillarsLead')), shares) : null,
      radar ? h('div.net-radar', { 'data-testid': 'net-radar' }, h('h3', nt('radar')), h('p.sum-muted', nt('radarLead')), radar) : null,
      shares || radar ? null : h('p.sum-muted', nt('noReadings')));
  };

  const fail = (err) => toast(errorText(err.code));

  async function startSession(e) {
    e.preventDefault();
    if (st.busy || !st.boards.length) return;
    st.busy = true;
    try {
      const made = await json('POST', `/api/networks/${id}/sessions`, secret,
        { title: st.title, boards: BOARDS.filter((b) => st.boards.includes(b)) });
      store.setFacilitator(made.session, made.facilitator_secret);
      store.setRole(made.session, 'facilitator');
      store.setCode(made.session, made.join_code);
      st.title = '';
      window.open(`/b/${made.session}`, '_blank', 'noopener');
    } catch (err) { fail(err); } finally { st.busy = false; }
  }

  async function setStatus(action, status) {
    try { show(await json('POST', `/api/networks/${id}/actions/${action}`, secret, { status })); } catch (err) { fail(err); }
  }

  async function confirm(session, keys) {
    try {
      const done = await json('POST', `/api/sessions/${session}/network/confirm`, store.facilitator(session), { keys });
      toast(nt('confirmedOk', { n: done.added }), 'ok');
      delete st.picked[session];
      await proposals();
      show({ ...done.view, role: st.view.role });
    } catch (err) { fail(err); }
  }

  async function remove() {
    if (!window.confirm(nt('delConfirm', { name: st.view.name }))) return;
    try {
      st.deleted = true;  // before the call: the waiting long-poll answers not_found as soon as it is gone
      await call('DELETE', `/api/networks/${id}`, secret);
      keep(KEY(id), null);
      st.gone = true;
      render();
    } catch (err) { st.deleted = false; fail(err); render(); }
  }

  async function proposals() {
    for (const s of st.view.sessions) {
      const token = store.facilitator(s.session);
      const p = st.proposals[s.session];
      if (!token || (p && p.closed && !pending(p).length)) continue;  // settled
      try { st.proposals[s.session] = await json('GET', `/api/sessions/${s.session}/network`, token); } catch { /* gone or not ours */ }
    }
  }

  function show(view) {
    if (st.view && view.seq < st.view.seq) return;
    st.view = view;
    render();
  }

  async function follow() {
    let after = null;
    while (!st.gone) {
      try {
        const path = `/api/networks/${id}${after === null ? '' : `?after=${after}`}`;
        const view = await json('GET', path, secret);
        st.live = true;
        if (after === null || view.seq > after || !st.view) {
          st.view = view;
          await proposals();
          render();
        }
        after = view.seq;
      } catch (err) {
        if (err instanceof NetError && (err.status === 404 || err.status === 403)) { st.gone = true; render(); return; }
        st.live = false;
        render();
        await new Promise((resolve) => { setTimeout(resolve, 2000); });  // back off, then ask again
      }
    }
  }

  onLangChange(render);
  render();
  follow();
  // A session closed elsewhere changes no network until confirmed: look for its contribution on return.
  window.addEventListener('focus', () => { if (st.view) proposals().then(render); });
}

function gone(root) {
  root.replaceChildren(h('div.site', header(), h('main.site-main.narrow',
    h('div.notice-card', { 'data-testid': 'net-gone' }, h('h1', nt('noNetwork')), h('a.btn.btn-primary', { href: '/n/' }, nt('startTitle'))))));
}
