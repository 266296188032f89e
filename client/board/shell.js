// The frame every section shares: a card with a title, a "now" badge while its step is on, the
// step it belongs to, and what the session's script says about it: locked (with the
// facilitator's lock button), or waiting for another step (participants). What participants do in a
// section of each kind (its permission) is the server's kinds' (facilitation/permissions.js, generated).

import { h, toggle, setText, attr } from '../dom.js';
import { t, L } from '../i18n.js';
import { SECTION_PERMISSION } from '../facilitation/permissions.js';

/** "Stap 2" for a step labelled "2 Drijfveren"; the label itself when it has no number. */
export function stepShort(step) {
  const num = L(step.label).match(/^\d+/);
  return num ? `${t('step')} ${num[0]}` : L(step.label);
}

/** Is `sectionId` of `boardId` one the current step is about? */
export function isCurrentSection(app, boardId, sectionId) {
  const step = app.currentStep();
  if (!step || app.closed()) return false; // a closed session has no step on
  const board = app.state.step_board || app.boardOfStep(step.id);
  return board === boardId && step.sections.includes(sectionId);
}

/** A section card; `setCurrent(on)` marks it as the current step's. */
export function sectionCard(app, { cls, id, testid, title, step, extraHead = [] }) {
  const nowBadge = h('span.now-badge', { hidden: true }, t('sectionCurrent'));
  const lockBadge = h('span.lock-badge', { hidden: true, 'data-testid': `${testid}-locked` }, t('locked'));
  const head = h('header.sec-head',
    h('div.sec-title-row',
      h('h2.sec-title', title),
      nowBadge,
      lockBadge,
      step && !app.projector ? h('span.sec-step', stepShort(step)) : null),
    ...extraHead);
  const el = h('section.sec', { class: cls, id, 'data-testid': testid, 'aria-label': title }, head);
  function setCurrent(on) {
    toggle(el, 'current', on);
    nowBadge.hidden = !on;
  }
  function setLocked(on) {
    toggle(el, 'locked', on);
    lockBadge.hidden = !on;
  }
  return { el, head, setCurrent, setLocked };
}

/**
 * The card of a template's section. `updateCurrent()` follows the session's script (current,
 * locked, waiting); `blocked()` is why participants may not act here now (null if they may).
 */
export function sectionShell(app, boardId, section, extraHead = []) {
  const testid = `section-${app.tid(boardId, section.id)}`;
  // a section only the facilitator writes (the insights) has nothing to lock
  const permission = section.adders === 'facilitator' ? null : SECTION_PERMISSION[section.type] || null;
  const lockBtn = app.isFac() && !app.projector && permission ? h('button.btn.btn-small.lock-toggle', {
    type: 'button', 'data-testid': `lock-toggle-${app.tid(boardId, section.id)}`,
    on: {
      click: () => {
        const locked = (app.state.boards[boardId].locked || []).includes(section.id);
        app.send({ type: 'set_locked', board: boardId, section: section.id, locked: !locked }).catch(() => {});
      },
    },
  }) : null;
  const card = sectionCard(app, {
    cls: `sec-${section.type} sec-id-${section.id}`,
    id: `sec-${boardId}-${section.id}`,
    testid,
    title: L(section.title),
    step: app.allSteps().find((s) => s.id === section.step),
    extraHead,
  });
  if (lockBtn) card.head.querySelector('.sec-title-row').appendChild(lockBtn);
  const waiting = h('p.sec-waiting', { 'data-testid': `waiting-${app.tid(boardId, section.id)}`, role: 'status', hidden: true });
  card.head.appendChild(waiting);

  const blocked = () => {
    if (!app.isPart() || !permission) return null;
    const why = [].concat(permission).map((p) => app.blocked(boardId, section.id, p));
    return why.every(Boolean) ? why[0] : null;
  };

  /** The lock state and its button (a section that decides "current" itself calls only this). */
  function updateLock() {
    const locked = (app.state.boards[boardId].locked || []).includes(section.id);
    card.setLocked(locked);
    if (lockBtn) {
      setText(lockBtn, locked ? t('unlock') : t('lock'));
      attr(lockBtn, 'aria-pressed', String(locked));
      lockBtn.disabled = app.closed();
    }
  }

  function updateCurrent() {
    card.setCurrent(isCurrentSection(app, boardId, section.id));
    updateLock();
    const why = blocked();
    waiting.hidden = !why;
    if (why) setText(waiting, t(`why_${why}`));
    toggle(card.el, 'readonly', !!why);
  }
  return { ...card, updateCurrent, updateLock, blocked };
}
