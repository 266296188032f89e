// The facilitator's run sheet editor: the session's blocks (a template's steps) with their title,
// minutes, goal (doel), who leads (wie), materials and whether they are essential; move up/down,
// copy, remove (not a block that has run or runs now); a form to add a block with an activity of
// a registered kind or none. Every change is a command (docs/protocol.md, "The run sheet"); a
// block added, moved or removed rebuilds the page (app.structure), so the editor keeps its place
// in app.sheetUi and puts the focus back where it was.

import { h, setText, toast, attr } from '../dom.js';
import { t, L, errorText } from '../i18n.js';
import { store } from '../store.js';

const ACTIVITIES = ['none', 'wordcloud', 'open', 'statements', 'stand', 'weighting', 'agreements', 'checkout', 'notes',
  'dots', 'text'];
const WITH_ITEMS = new Set(['statements', 'stand', 'dots', 'notes', 'agreements']);

function ui(app) {
  return app.sheetUi || (app.sheetUi = { editing: false, open: false, focus: null, live: null });
}

const FIELDS = 'input, textarea, select';

/** What a rebuild must not lose, read from the editor still on the page (board.js builds the new
 * page before it replaces the old one): the add forms' half-typed values, which blocks' plan
 * sections are open, and the field that has the focus with its caret. */
function snapshot(old) {
  if (!old?.isConnected) return null;
  const values = {};
  for (const f of old.querySelectorAll(`.rs-add :is(${FIELDS})`)) values[f.dataset.testid] = f.value;
  const open = [...old.querySelectorAll('details.rs-plan[open]')].map((d) => d.closest('.rs-block')?.dataset.testid);
  const a = document.activeElement;
  const focus = a && old.contains(a) && a.dataset.testid ? {
    testid: a.dataset.testid, value: a.matches(FIELDS) ? a.value : null,
    start: typeof a.selectionStart === 'number' ? a.selectionStart : null,
    end: typeof a.selectionEnd === 'number' ? a.selectionEnd : null,
  } : null;
  return { values, open, focus };
}

function restore(el, snap) {
  for (const f of el.querySelectorAll(`.rs-add :is(${FIELDS})`)) {
    if (f.dataset.testid in snap.values) {
      f.value = snap.values[f.dataset.testid];
      if (f.tagName === 'SELECT') f.dispatchEvent(new Event('change')); // shows the activity's fields
    }
  }
  for (const id of snap.open) el.querySelector(`[data-testid="${id}"] details.rs-plan`)?.setAttribute('open', '');
}

/** After the new page is in place (and updated from the state): the focus back, with what was
 * typed in it and the caret where it was. */
function refocus(el, focus) {
  const target = el.querySelector(`[data-testid="${focus.testid}"]`);
  if (!target || target.disabled) return false;
  if (focus.value !== null && target.value !== focus.value) target.value = focus.value;
  target.focus();
  if (focus.start !== null) { try { target.setSelectionRange(focus.start, focus.end); } catch { /* not a text field */ } }
  return true;
}

/** Send a block command; keep the focus on `focus` (a test id) across the rebuild it may cause. */
function sendBlock(app, frame, focus) {
  ui(app).focus = focus; // read by the rebuild a block event may cause (it comes before the reply)
  return app.send(frame).then(() => { ui(app).focus = null; }, () => { ui(app).focus = null; app.schedule(); });
}

function field(label, control) {
  return h('label.rs-field', h('span.rs-field-label', label), control);
}

function blockRow(app, boardId, step, index, count) {
  const name = L(step.label);
  const id = step.id;
  const tid = (what) => `block-${what}-${id}`;
  const change = (key, parse = (v) => v) => ({ change: (e) => {
    const value = parse(e.target.type === 'checkbox' ? e.target.checked : e.target.value);
    if (value === undefined) { app.schedule(); return; }
    sendBlock(app, { type: 'edit_block', board: boardId, step: id, [key]: value }, e.target.dataset.testid);
  } });
  const minutes = (v) => { const n = Math.round(Number(v)); return n >= 1 && n <= 240 ? n : undefined; };
  const title = h('input.input.rs-title', { 'data-testid': tid('title'), 'aria-label': `${t('blockTitle')}: ${name}`,
    maxlength: '120', value: name, on: change('title', (v) => (v.trim() ? v.trim() : undefined)) });
  const mins = h('input.input.input-tiny', { type: 'number', min: '1', max: '240', inputmode: 'numeric',
    'data-testid': tid('minutes'), 'aria-label': `${t('blockMinutes')}: ${name}`, on: change('minutes', minutes) });
  const button = (what, text, label, disabled, frame) => h('button.btn.btn-small.rs-move', {
    type: 'button', 'data-testid': tid(what), 'aria-label': label, title: disabled === 'ran' ? t('blockRan') : label,
    disabled: !!disabled, on: { click: () => sendBlock(app, frame, tid(what)) } }, text);
  const remove = button('remove', '✕', t('blockRemove', { name }), false,
    { type: 'remove_block', board: boardId, step: id });
  const goal = h('textarea.input', { 'data-testid': tid('goal'), rows: '2', maxlength: '600', on: change('goal') });
  const who = h('input.input', { 'data-testid': tid('who'), maxlength: '120', on: change('who') });
  const materials = h('textarea.input', { 'data-testid': tid('materials'), rows: '2', maxlength: '600',
    on: change('materials') });
  const essential = h('input', { type: 'checkbox', 'data-testid': tid('essential'), on: change('essential') });
  const activity = (app.tplOf(boardId).sections || []).filter((s) => step.sections?.includes(s.id));
  const el = h('li.rs-block', { 'data-testid': `block-${id}`, 'data-step': id },
    h('div.rs-head',
      h('span.rs-index', { 'aria-hidden': 'true' }, String(index + 1)),
      title),
    h('div.rs-meta', mins, h('span.rs-min', { 'aria-hidden': 'true' }, 'min'),
      activity.length ? h('span.rs-activity', t('blockActivityOf', { name: activity.map((s) => t(`activity_${s.type}`)).join(', ') })) : null),
    h('div.rs-actions',
      button('up', '↑', t('blockUp', { name }), index === 0, { type: 'move_block', board: boardId, step: id, index: index - 1 }),
      button('down', '↓', t('blockDown', { name }), index === count - 1, { type: 'move_block', board: boardId, step: id, index: index + 1 }),
      button('copy', copyIcon(), t('blockCopy', { name }), false, { type: 'copy_block', board: boardId, step: id }),
      remove),
    h('details.rs-plan', h('summary', t('blockPlan')),
      field(t('blockGoal'), goal), field(t('blockWho'), who), field(t('blockMaterials'), materials),
      h('label.rs-check', essential, h('span', t('blockEssential')))));
  function update() {
    const now = app.tplOf(boardId).steps.find((s) => s.id === id) || step;
    const plan = now.plan || {};
    const keep = (input, value) => { if (document.activeElement !== input) input.value = value; };
    keep(title, L(now.label));
    keep(mins, String(app.state.step_minutes?.[`${boardId}/${id}`] ?? now.minutes));
    keep(goal, L(plan.goal));
    keep(who, plan.who || '');
    keep(materials, L(plan.materials));
    essential.checked = plan.essential !== false;
    el.classList.toggle('optional', plan.essential === false);
    el.classList.toggle('current', app.state.step === id && app.state.step_board === boardId);
    const ran = isRan(app, boardId, id); // the current block or one that ran stays (block_ran)
    remove.disabled = ran;
    attr(remove, 'title', ran ? t('blockRan') : t('blockRemove', { name: L(now.label) }));
    for (const c of el.querySelectorAll('input, textarea, button')) if (app.closed()) c.disabled = true;
  }
  return { el, update };
}

/** Two overlapping sheets (no font has a copy sign everywhere). */
function copyIcon() {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 20 20', width: '18', height: '18', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v);
  for (const [x, y] of [[3, 3], [7, 7]]) {
    const r = document.createElementNS(NS, 'rect');
    for (const [k, v] of Object.entries({ x, y, width: '10', height: '10', rx: '1.5', fill: x === 7 ? '#fff' : 'none', stroke: 'currentColor', 'stroke-width': '1.8' })) r.setAttribute(k, String(v));
    svg.appendChild(r);
  }
  return svg;
}

function isRan(app, boardId, stepId) {
  if (app.state.step === stepId && app.state.step_board === boardId) return true;
  return (app.state.step_log || []).some((v) => v.board === boardId && v.step === stepId);
}

function addForm(app, boardId) {
  const tid = (what) => app.tid(boardId, 'add-block', what).replace(/^add-block-?$/, 'add-block');
  const title = h('input.input', { 'data-testid': tid('title'), maxlength: '120', required: true });
  const minutes = h('input.input.input-tiny', { type: 'number', min: '1', max: '240', value: '10', inputmode: 'numeric',
    'data-testid': tid('minutes') });
  const activity = h('select.input', { 'data-testid': tid('activity') },
    ACTIVITIES.map((a) => h('option', { value: a }, t(`activity_${a}`))));
  const prompt = h('input.input', { 'data-testid': tid('prompt'), maxlength: '600' });
  const items = h('textarea.input', { 'data-testid': tid('items'), rows: '3' });
  const promptField = field(t('blockPrompt'), prompt);
  const itemsField = field(t('blockItems'), items);
  const shown = () => {
    promptField.hidden = activity.value === 'none';
    itemsField.hidden = !WITH_ITEMS.has(activity.value);
  };
  activity.addEventListener('change', shown);
  shown();
  const form = h('form.rs-add', { 'data-testid': tid('form'), 'aria-label': t('addBlockTitle'),
    on: { submit: (e) => {
      e.preventDefault();
      const n = Math.round(Number(minutes.value));
      if (!title.value.trim() || !(n >= 1 && n <= 240)) { title.reportValidity(); return; }
      const frame = { type: 'add_block', board: boardId, title: title.value.trim(), minutes: n };
      if (activity.value !== 'none') {
        frame.activity = activity.value;
        frame.prompt = prompt.value.trim();
        if (WITH_ITEMS.has(activity.value)) frame.items = items.value.split('\n').map((s) => s.trim()).filter(Boolean);
      }
      // emptied now: the block's own event rebuilds the page before the reply, and the new form
      // takes over what this one holds; on a refusal the text comes back to the form then shown
      const typed = { title: title.value, prompt: prompt.value, items: items.value };
      title.value = ''; prompt.value = ''; items.value = '';
      ui(app).focus = tid('title');
      app.send(frame).then(() => {
        ui(app).focus = null;
        toast(t('blockAdded'), 'ok', 2000);
      }).catch(() => {
        ui(app).focus = null;
        for (const [what, value] of Object.entries(typed)) {
          const f = document.querySelector(`[data-testid="${tid(what)}"]`);
          if (f && !f.value) f.value = value;
        }
      });
    } } },
    h('h3.rs-add-title', t('addBlockTitle')),
    field(t('blockTitle'), title), field(t('blockMinutes'), minutes), field(t('blockActivity'), activity),
    promptField, itemsField,
    h('button.btn.btn-primary.btn-small', { type: 'submit', 'data-testid': tid('submit') }, t('addBlock')));
  return form;
}

async function downloadTemplate(app, boardId) {
  const secret = store.facilitator(app.session);
  try {
    const res = await fetch(`/api/sessions/${encodeURIComponent(app.session)}/template?board=${encodeURIComponent(boardId)}`,
      { headers: { Authorization: `Bearer ${secret}` } });
    if (!res.ok) throw Object.assign(new Error('refused'), { code: (await res.json()).error?.code });
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', { href: url, download: `${boardId}.samenspel.json`, hidden: true });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    toast(errorText(err.code || 'unknown'));
  }
}

/** The editor: a toggle, then per board its blocks and the add form, and the download. */
export function runSheetEditor(app) {
  const state = ui(app);
  const before = snapshot(state.live);
  const parts = [];
  const list = h('div.rs-editor', { 'data-testid': 'runsheet-editor' });
  for (const b of app.boardIds()) {
    const steps = app.tplOf(b).steps;
    const ol = h('ol.rs-blocks', { 'aria-label': app.multi() ? L(app.tplOf(b).title) : t('runSheet') });
    steps.forEach((step, i) => {
      const row = blockRow(app, b, step, i, steps.length);
      parts.push(row);
      ol.appendChild(row.el);
    });
    list.append(app.multi() ? h('h3.rs-board', L(app.tplOf(b).title)) : '', ol, addForm(app, b),
      h('button.btn.btn-small.rs-save', { type: 'button', 'data-testid': app.tid(b, 'save-template'),
        on: { click: () => downloadTemplate(app, b) } }, t('saveTemplate')));
  }
  const toggleBtn = h('button.btn.btn-small.rs-toggle', { type: 'button', 'data-testid': 'runsheet-edit',
    'aria-expanded': String(state.editing), on: { click: () => {
      state.editing = !state.editing;
      update();
      if (state.editing) list.querySelector('input')?.focus();
    } } });
  const el = h('div.rs-editor-wrap', toggleBtn, list);
  state.live = el;
  if (before) restore(el, before);
  function update() {
    list.hidden = !state.editing;
    toggleBtn.setAttribute('aria-expanded', String(state.editing));
    setText(toggleBtn, state.editing ? t('doneEditing') : t('editBlocks'));
    toggleBtn.disabled = app.closed();
    for (const p of parts) p.update();
  }
  // after a rebuild, the focus goes back to the control that caused it, or to the field that had
  // it when another facilitator's block change (or any block event) rebuilt the page
  if (state.focus) {
    const want = state.focus;
    state.focus = null;
    requestAnimationFrame(() => {
      if (!refocus(el, { testid: want, value: null, start: null, end: null })) toggleBtn.focus();
    });
  } else if (before?.focus) {
    requestAnimationFrame(() => { if (el.isConnected) refocus(el, before.focus); });
  }
  return { el, update };
}
