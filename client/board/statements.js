// Statements ("Klaar voor actieleren!"): each participant answers each statement ja/nee or with
// one to five stars; everyone sees how the answers are spread, unless the facilitator hides the
// spread until the reveal. A participant's own answers come in `you`.

import { h, setText, toggle } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';
import { fitCloud, refitOnResize } from './cloud-fit.js';

/** The values of a scale, in the order they are shown. */
export function scaleValues(scale) {
  return scale === 'yesno' ? [1, 0] : [1, 2, 3, 4, 5];
}

function valueLabel(scale, v) {
  return scale === 'yesno' ? t(v ? 'stYes' : 'stNo') : '★'.repeat(v);
}

export function statementsSection(app, boardId, section) {
  const { tid, isFac, isPart, send, projector } = app;
  const facTools = isFac() && !projector;
  const key = tid(boardId, section.id);
  const hideBtn = facTools ? h('button.btn.btn-small', {
    type: 'button', 'data-testid': `statements-hide-${key}`,
    on: {
      click: () => {
        const hidden = !app.state.boards[boardId].statements[section.id].hidden;
        send({ type: 'set_statements_hidden', board: boardId, section: section.id, hidden }).catch(() => {});
      },
    },
  }) : null;
  const notice = h('p.hidden-notice', { 'data-testid': `statements-hidden-${key}`, hidden: true });
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt)), h('div.sec-tools', notice, h('div.sec-actions', hideBtn))]);
  const values = scaleValues(section.scale);
  const rows = section.statements.map((st) => {
    const buttons = isPart() ? values.map((v) => h('button.st-choice', {
      type: 'button', 'aria-pressed': 'false', 'data-testid': `statement-${key}-${st.id}-${v}`,
      'aria-label': `${L(st.label)}: ${section.scale === 'yesno' ? valueLabel(section.scale, v) : t('stStars', { n: v })}`,
      on: { click: () => send({ type: 'answer_statement', board: boardId, section: section.id, statement: st.id, value: v }).catch(() => {}) },
    }, valueLabel(section.scale, v))) : [];
    const bars = values.map((v) => {
      const fill = h('span.st-fill');
      const n = h('span.st-n');
      return { v, el: h('span.st-bar', { title: valueLabel(section.scale, v) }, h('span.st-val', valueLabel(section.scale, v)), h('span.st-track', fill), n), fill, n };
    });
    const spread = h('div.st-spread', { 'data-testid': `spread-${key}-${st.id}` }, bars.map((b) => b.el));
    const el = h('li.statement', h('p.st-label', L(st.label)), buttons.length ? h('div.st-choices', { role: 'group', 'aria-label': L(st.label) }, buttons) : null, spread);
    return { st, el, buttons, bars, spread };
  });
  const list = h('ol.statements', rows.map((r) => r.el));
  shell.el.appendChild(list);
  if (projector) refitOnResize(list); // the spread of every statement fits the projector

  function update() {
    shell.updateCurrent();
    const votes = app.state.boards[boardId].statements?.[section.id] || { hidden: false, counts: {} };
    const masked = votes.hidden && !isFac();
    notice.hidden = !votes.hidden;
    setText(notice, isFac() ? t('hiddenForOthers') : t('stHiddenNotice'));
    if (hideBtn) setText(hideBtn, votes.hidden ? t('stReveal') : t('stHide'));
    const mine = app.you?.[boardId]?.[section.id] || {};
    const why = shell.blocked();
    for (const r of rows) {
      r.buttons.forEach((b, i) => {
        b.setAttribute('aria-pressed', String(mine[r.st.id] === values[i]));
        b.disabled = !!why;
      });
      r.spread.hidden = masked;
      const counts = votes.counts[r.st.id] || {};
      const most = Math.max(1, ...Object.values(counts));
      for (const b of r.bars) {
        const n = counts[String(b.v)] || 0;
        b.fill.style.width = `${(100 * n) / most}%`;
        setText(b.n, String(n));
        toggle(b.el, 'is-zero', n === 0);
      }
    }
    if (projector) queueMicrotask(() => fitCloud(list));
  }
  return { el: shell.el, update };
}
