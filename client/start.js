// The start page (/): "Sessie starten" for the facilitator and "Meedoen" for participants;
// the join page (/j/{code}) is the second card on its own, with the code filled in.
//
// Each page keeps its form values in a plain object and renders from it, so switching the
// language re-renders without losing what was typed.

import { h, toast, copyButton, groupCode, langSwitch } from './dom.js';
import { t, L, errorText, onLangChange } from './i18n.js';
import { createSession, lookupCode, joinSession, normaliseCode, ApiError } from './api.js';
import { store } from './store.js';
import { templateUpload } from './template-upload.js';
import { qrLater } from './qr-later.js';

const CODE_LEN = 6;

/** The boards a facilitator can put in a session (template ids of docs/protocol.md). */
const BOARDS = [
  { id: 'samenspel', label: 'boardSamenspel', hint: 'boardSamenspelHint' },
  { id: 'stakeholders', label: 'boardStakeholders', hint: 'boardStakeholdersHint' },
  { id: 'juiste_weg', label: 'boardJuisteWeg', hint: 'boardJuisteWegHint' },
  { id: 'ambitie', label: 'boardAmbitie', hint: 'boardAmbitieHint' },
  { id: 'rollen', label: 'boardRollen', hint: 'boardRollenHint' },
  { id: 'kickoff', label: 'boardKickoff', hint: 'boardKickoffHint' },
  { id: 'thema_kiezen', label: 'boardThemaKiezen', hint: 'boardThemaKiezenHint' },
];
const freshCreate = () => ({ title: '', ambitie: '', doel1: '', doel2: '', boards: { samenspel: true, stakeholders: false, ambitie: false, rollen: false, kickoff: false, thema_kiezen: false }, busy: false, error: null });

/** The site's header; `titled`: the name is the page's h1 (a page without a heading of its own). */
function pageHeader({ titled = false } = {}) {
  return h('header.site-head',
    h('a.brand', { href: '/' },
      h('span.brand-mark', { 'aria-hidden': 'true' }, h('span.bm1'), h('span.bm2')),
      h(titled ? 'h1.brand-name' : 'span.brand-name', t('app'))),
    h('span.site-tagline', t('tagline')),
    langSwitch());
}

function field(label, input, hint) {
  return h('label.field', h('span.field-label', label), input, hint ? h('span.field-hint', hint) : null);
}

/** The join page's words for a refused lookup or join (the board's words differ: "full", "closed"). */
function joinError(code) {
  return { not_found: 'code_not_found', limit_reached: 'join_limit_reached', session_closed: 'join_session_closed' }[code]
    || code || 'unknown';
}

function errorBox(code, testid) {
  return code ? h('p.form-error', { role: 'alert', 'data-testid': testid }, errorText(code)) : null;
}

// --- the join card (shared by /, /j/{code} and a board page for someone not yet joined) -------

/**
 * state: {code, stage: 'code'|'details'|'known', info, name, group, busy, error}
 * rerender(): re-renders the page.
 */
export function joinCard(st, rerender, { focus = true, heading = 'h2' } = {}) {
  const card = h('section.card.card-join', { 'data-testid': 'join-card', 'aria-labelledby': 'join-h' },
    h('div.card-icon.icon-join', { 'aria-hidden': 'true' }),
    h(`${heading}#join-h`, t('joinTitle')));

  const setError = (code) => { st.error = code; st.busy = false; rerender(); };

  async function doLookup() {
    const code = normaliseCode(st.code);
    if (code.length !== CODE_LEN) { setError('code_required'); return; }
    st.busy = true; st.error = null; rerender();
    try {
      st.info = await lookupCode(code);
      st.code = code;
      const known = store.participant(st.info.session);
      // a locked code still lets people who are in go back to the board
      st.stage = known ? 'known' : st.info.joining_open === false ? 'locked' : 'details';
      if (!st.group && st.info.groups.length === 1) st.group = st.info.groups[0].id;
      st.busy = false;
      rerender();
    } catch (err) {
      setError(joinError(err.code));
    }
  }
  st.lookup = doLookup;

  async function doJoin() {
    const name = (st.name || '').trim();
    if (!name) { setError('name_required'); return; }
    if (!st.group) { setError('group_required'); return; }
    st.busy = true; st.error = null; rerender();
    try {
      const res = await joinSession(st.code, name, st.group);
      store.setParticipant(res.session, { participant: res.participant, token: res.token, name, group: st.group });
      store.setRole(res.session, 'participant');
      location.assign(`/b/${encodeURIComponent(res.session)}`);
    } catch (err) {
      const code = joinError(err.code);
      if (code === 'joining_closed') st.stage = 'locked';
      setError(code);
    }
  }

  if (st.stage === 'code' || !st.info) {
    const input = h('input.input.code-input', {
      type: 'text', inputmode: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false',
      maxlength: '9', placeholder: 'ABC DEF', 'data-testid': 'join-code-input', 'aria-describedby': 'join-lead',
      value: st.code ? groupCode(st.code) : '',
      on: { input: (e) => { st.code = e.target.value; } },
    });
    const form = h('form.form', { novalidate: true, on: { submit: (e) => { e.preventDefault(); doLookup(); } } },
      field(t('fieldCode'), input),
      errorBox(st.error, 'join-error'),
      h('button.btn.btn-primary.btn-block', { type: 'submit', disabled: st.busy, 'data-testid': 'join-lookup' },
        st.busy ? t('looking') : t('lookup')));
    card.append(h('p.card-lead#join-lead', t('joinLead')), form);
    if (focus) queueMicrotask(() => { if (st.error) input.focus(); });
    return card;
  }

  const info = st.info;
  const titleBox = h('div.join-session',
    // a locked code: the page says joining is closed, not that you take part
    h('span.join-for', { 'data-testid': 'join-for' }, t(st.stage === 'locked' ? 'joinClosedFor' : 'joinFor')),
    h('strong.join-title', { 'data-testid': 'join-title' }, info.title || t('app')),
    h('span.join-code-small', groupCode(st.code)));
  const other = h('button.link-btn', {
    type: 'button', 'data-testid': 'join-other-code',
    on: { click: () => { st.stage = 'code'; st.info = null; st.error = null; rerender(); } },
  }, t('otherCode'));

  if (st.stage === 'locked') {
    card.append(titleBox,
      h('p.form-error', { role: 'alert', 'data-testid': 'join-locked' }, errorText('joining_closed')),
      h('div.card-foot', other));
    return card;
  }

  if (st.stage === 'known') {
    const known = store.participant(info.session);
    card.append(titleBox,
      h('p.card-lead', t('alreadyJoined', { name: known?.name || '?' })),
      h('a.btn.btn-primary.btn-block', { href: `/b/${encodeURIComponent(info.session)}`, 'data-testid': 'join-continue',
        on: { click: () => store.setRole(info.session, 'participant') } }, t('continueBoard')),
      h('button.btn.btn-block', { type: 'button', 'data-testid': 'join-again', on: { click: () => { st.stage = 'details'; rerender(); } } }, t('joinAgain')),
      h('div.card-foot', other));
    return card;
  }

  const nameInput = h('input.input', {
    type: 'text', maxlength: '40', autocomplete: 'nickname', 'data-testid': 'join-name', id: 'join-name',
    value: st.name || '', on: { input: (e) => { st.name = e.target.value; } },
  });
  const radios = h('div.group-choices', { role: 'radiogroup', 'aria-label': t('fieldGroup') },
    info.groups.map((g) => h('label.group-choice', { style: { '--c': g.colour } },
      h('input', {
        type: 'radio', name: 'group', value: g.id, checked: st.group === g.id, 'data-testid': `join-group-${g.id}`,
        on: { change: () => { st.group = g.id; } },
      }),
      h('span.group-swatch', { 'aria-hidden': 'true' }),
      h('span.group-name', L(g.label)))));
  // a session with one group (a stakeholder map alone: "Deelnemer") needs no choice
  const single = info.groups.length === 1;
  if (single) st.group = info.groups[0].id;
  const form = h('form.form', { novalidate: true, on: { submit: (e) => { e.preventDefault(); doJoin(); } } },
    field(t('fieldName'), nameInput, t('fieldNameHint')),
    single ? null : h('fieldset.field',
      h('legend.field-label', t('fieldGroup')),
      radios,
      h('span.field-hint', t('groupHint'))),
    errorBox(st.error, 'join-error'),
    h('button.btn.btn-primary.btn-block', { type: 'submit', disabled: st.busy, 'data-testid': 'join-submit' },
      st.busy ? t('joining') : t('join')));
  card.append(titleBox, form, h('div.card-foot', other));
  if (focus) queueMicrotask(() => { if (!st.name) nameInput.focus(); });
  return card;
}

// --- the create card and what it shows after --------------------------------------------------

function createCard(st, rerender) {
  const c = st.create;
  const input = (key, attrs) => {
    const el = attrs.rows
      ? h('textarea.input', { ...attrs, on: { input: (e) => { c[key] = e.target.value; } } })
      : h('input.input', { type: 'text', ...attrs, on: { input: (e) => { c[key] = e.target.value; } } });
    el.value = c[key] || '';
    return el;
  };
  const chosen = () => BOARDS.filter((b) => c.boards[b.id]).map((b) => b.id);
  function created(res) {
    store.setFacilitator(res.session, res.facilitator_secret);
    store.setRole(res.session, 'facilitator');
    store.setCode(res.session, res.join_code);
    st.created = res;
    rerender();
    window.scrollTo({ top: 0 });
  }
  async function submit() {
    const boards = chosen();
    if (!boards.length) { c.error = 'boards_required'; rerender(); return; }
    c.busy = true; c.error = null; rerender();
    const ambitie = (c.ambitie || '').trim();
    const texts = {};
    if (c.boards.samenspel) texts.samenspel = { ambitie: { ambitie, doel1: (c.doel1 || '').trim(), doel2: (c.doel2 || '').trim() } };
    if (c.boards.stakeholders) texts.stakeholders = { ambitie: { ambitie } };
    try {
      const res = await createSession({ title: (c.title || '').trim(), boards, texts });
      c.busy = false;
      created(res);
    } catch (err) {
      c.busy = false;
      c.error = err.code || 'unknown';
      rerender();
    }
  }
  // which boards: Samenspel, the stakeholder map, or both (at least one)
  const boardChoice = h('fieldset.field',
    h('legend.field-label', t('fieldBoards')),
    h('div.board-choices', BOARDS.map((b) => h('label.board-choice',
      h('input', {
        type: 'checkbox', checked: !!c.boards[b.id], 'data-testid': `create-board-${b.id}`,
        on: {
          change: (e) => {
            c.boards[b.id] = e.target.checked;
            if (c.error === 'boards_required' && chosen().length) c.error = null;
            rerender();
            document.querySelector(`[data-testid="create-board-${b.id}"]`)?.focus();
          },
        },
      }),
      h('span.board-choice-text', h('strong', t(b.label)), h('span.board-choice-hint', t(b.hint)))))));
  const goals = c.boards.samenspel ? h('div.field-pair',
    field(t('fieldDoel1'), input('doel1', { rows: 2, maxlength: '600', 'data-testid': 'create-doel1' })),
    field(t('fieldDoel2'), input('doel2', { rows: 2, maxlength: '600', 'data-testid': 'create-doel2' }))) : null;
  const form = h('form.form', { novalidate: true, 'data-testid': 'create-form', on: { submit: (e) => { e.preventDefault(); submit(); } } },
    field(t('fieldTitle'), input('title', { maxlength: '120', placeholder: t('fieldTitlePh'), 'data-testid': 'create-title' })),
    boardChoice,
    field(t('fieldAmbitie'), input('ambitie', { rows: 3, maxlength: '600', placeholder: t('fieldAmbitiePh'), 'data-testid': 'create-ambitie' }),
      c.boards.stakeholders && !c.boards.samenspel ? t('fieldAmbitieShHint') : null),
    goals,
    errorBox(c.error, 'create-error'),
    h('button.btn.btn-primary.btn-block', { type: 'submit', disabled: c.busy, 'data-testid': 'create-submit' },
      c.busy ? t('creating') : t('create')));
  return h('section.card.card-create', { 'aria-labelledby': 'create-h' },
    h('div.card-icon.icon-create', { 'aria-hidden': 'true' }),
    h('h2#create-h', t('startTitle')),
    h('p.card-lead', t('startLead')),
    form,
    templateUpload(c, rerender, created));
}

function createdView(res, onNew) {
  const linkRow = (label, url, testid, extra) => h('div.link-row',
    h('div.link-label', label),
    h('div.link-line',
      h('a.link-url', { href: url, target: '_blank', rel: 'noopener', 'data-testid': testid }, url.replace(/^https?:\/\//, '')),
      copyButton(() => url, () => t('copy'), `copy-${testid}`)),
    extra);
  return h('section.created', { 'data-testid': 'created' },
    h('div.created-head',
      h('h1', t('createdTitle')),
      h('p.card-lead', t('createdLead'))),
    h('div.created-grid',
      h('div.card.created-code',
        h('div.link-label', t('joinCode')),
        h('div.big-code', { 'data-testid': 'created-join-code' }, groupCode(res.join_code)),
        qrLater('div.created-qr', res.join_url, { testid: 'created-qr', label: res.join_url }),
        linkRow(t('joinLink'), res.join_url, 'created-join-link')),
      h('div.created-side',
        h('div.card.secret-card',
          h('div.secret-head', h('span.secret-icon', { 'aria-hidden': 'true' }, '!'), h('strong', t('facLink'))),
          h('p.secret-warning', t('facWarning')),
          h('div.link-line',
            h('input.input.secret-input', { type: 'text', readonly: true, value: res.facilitator_url, 'data-testid': 'created-facilitator-link', 'aria-label': t('facLink'), on: { focus: (e) => e.target.select() } }),
            copyButton(() => res.facilitator_url, () => t('copy'), 'copy-facilitator-link'))),
        h('div.card',
          linkRow(t('projLink'), res.projector_url, 'created-projector-link')),
        h('a.btn.btn-primary.btn-block.btn-large', { href: `/b/${encodeURIComponent(res.session)}#f=${encodeURIComponent(res.facilitator_secret)}`, 'data-testid': 'open-board' }, t('openBoard')),
        h('button.link-btn', { type: 'button', on: { click: onNew } }, t('newSession')))));
}

// --- pages --------------------------------------------------------------------------------------

export function mountStart(root) {
  const st = {
    create: freshCreate(),
    created: null,
    join: { code: '', stage: 'code', info: null, name: '', group: null, busy: false, error: null },
  };
  const render = () => {
    document.title = t('app');
    const body = st.created
      ? createdView(st.created, () => { st.created = null; st.create = freshCreate(); render(); })
      : h('div.start-grid', createCard(st, render), joinCard(st.join, render));
    // the created view has its own h1; the start page's is the name in the header
    const network = h('p.start-network', h('a', { href: '/n/', 'data-testid': 'start-network' }, t('networkStart')));
    root.replaceChildren(h('div.site', pageHeader({ titled: !st.created }), h('main.site-main', body, network, privacyNote())));
  };
  onLangChange(render);
  render();
}

export function mountJoin(root, code) {
  const st = { code: normaliseCode(code), stage: 'code', info: null, name: '', group: null, busy: false, error: null };
  const render = () => {
    document.title = `${t('joinTitle')} · ${t('app')}`;
    root.replaceChildren(h('div.site', pageHeader(), h('main.site-main.narrow', joinCard(st, render, { heading: 'h1' }))));
  };
  onLangChange(render);
  render();
  if (st.code) st.lookup();
}

/** A board page for someone without a token: why, and the join card. */
export function mountNotJoined(root, { messageKey = 'notJoined', leadKey = 'notJoinedLead' } = {}) {
  const st = { code: '', stage: 'code', info: null, name: '', group: null, busy: false, error: null };
  const render = () => {
    root.replaceChildren(h('div.site', pageHeader(), h('main.site-main.narrow',
      h('div.notice-card', { 'data-testid': 'not-joined' }, h('h1', t(messageKey)), h('p', t(leadKey))),
      joinCard(st, render, { focus: false }))));
  };
  onLangChange(render);
  render();
}

/** The start page's short privacy note; the retention period comes from the server. */
let retentionDays = null;
let networkDays = null;
function privacyNote() {
  const text = h('p', t('privacyNote', { days: retentionDays ?? 30, netDays: networkDays ?? 365 }));
  if (retentionDays === null) {
    fetch('/api/about', { cache: 'no-store' }).then((r) => r.json()).then((about) => {
      retentionDays = Math.round(about.retention_days * 100) / 100;
      networkDays = Math.round(about.network_retention_days * 100) / 100;
      text.textContent = t('privacyNote', { days: retentionDays, netDays: networkDays });
    }).catch(() => { /* the default stays */ });
  }
  return h('aside.privacy-note', { 'data-testid': 'privacy-note', 'aria-label': t('privacyTitle') },
    h('h2', t('privacyTitle')), text);
}

/** A dead end with a way back. */
export function mountMessage(root, messageKey, testid = 'page-message', leadKey = null) {
  const render = () => {
    root.replaceChildren(h('div.site', pageHeader(), h('main.site-main.narrow',
      h('div.notice-card', { 'data-testid': testid }, h('h1', t(messageKey)), leadKey ? h('p', t(leadKey)) : null,
        h('a.btn.btn-primary', { href: '/' }, t('toStart'))))));
  };
  onLangChange(render);
  render();
}

export { toast };
