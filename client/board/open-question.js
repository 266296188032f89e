// Open question ("Wat verwacht je van het lerend netwerk?"): each participant gives a few short
// answers, anonymous to everyone. The facilitator sees them arrive, hides, merges and pins them;
// the projector shows the pinned ones (all shown ones while none is pinned). Answers are set as
// text, never as markup.

import { h, setText } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';
import { onTextSubmit, clearSent } from './forms.js';
import { fitCloud, refitOnResize } from './cloud-fit.js';

/** What a screen lists: the projector the pinned answers (or all while none is pinned). */
export function listedAnswers(answers, projector) {
  const shown = (answers || []).filter((a) => !a.hidden && !a.merged_into);
  if (!projector) return answers || [];
  const pinned = shown.filter((a) => a.pinned);
  return pinned.length ? pinned : shown;
}

export function openQuestionSection(app, boardId, section) {
  const { tid, isFac, isPart, send, projector } = app;
  const facTools = isFac() && !projector;
  const key = tid(boardId, section.id);
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt))]);
  const list = h('ol.answers', { 'data-testid': `answers-${key}`, 'aria-live': 'polite' });
  const empty = h('p.answers-empty', t('oqEmpty'));
  const count = !projector ? h('p.answers-count', { 'data-testid': `answers-count-${key}` }) : null;
  const anonymous = !projector ? h('p.answers-anon', t('oqAnonymous')) : null;

  let form = null;
  let left = null;
  if (isPart()) {
    const input = h('textarea.input', {
      rows: 2, maxlength: String(section.max_len), placeholder: t('oqPlaceholder'),
      'aria-label': L(section.prompt), 'data-testid': `answer-input-${key}`,
    });
    const add = h('button.btn.btn-primary', { type: 'submit', 'data-testid': `answer-add-${key}` }, t('oqAdd'));
    form = h('form.answer-form', input, add);
    onTextSubmit(form, input, add, async (text) => {
      const typed = input.value;
      await send({ type: 'add_answer', board: boardId, section: section.id, text });
      clearSent(input, typed);
      input.focus();
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
    });
    left = h('p.answer-left', { 'data-testid': `answer-left-${key}` });
  }
  shell.el.append(...[anonymous, form, left, count, list, empty].filter(Boolean));
  shell.el.classList.toggle('proj-pins', !!projector);

  function moderate(a, change) {
    const next = { hidden: a.hidden, pinned: a.pinned, ...change };
    send({ type: 'moderate_answer', board: boardId, section: section.id, answer: a.id, ...next }).catch(() => {});
  }

  function tools(a, shown) {
    if (a.merged_into) return h('span.answer-tag', t('oqMergedTag'));
    const pin = h('button.btn.btn-small', {
      type: 'button', 'aria-pressed': String(a.pinned), 'data-testid': 'answer-pin', disabled: a.hidden,
      on: { click: () => moderate(a, { pinned: !a.pinned }) },
    }, a.pinned ? t('oqUnpin') : t('oqPin'));
    const hide = h('button.btn.btn-small', {
      type: 'button', 'aria-pressed': String(a.hidden), 'data-testid': 'answer-hide',
      on: { click: () => moderate(a, { hidden: !a.hidden, pinned: false }) },
    }, a.hidden ? t('oqShow') : t('oqHide'));
    const others = shown.filter((o) => o.id !== a.id);
    const merge = !a.hidden && others.length ? h('select.input.input-small', {
      'aria-label': t('oqMergeLabel'), 'data-testid': 'answer-merge',
      on: {
        change: (e) => {
          const into = e.target.value;
          if (into) send({ type: 'merge_answer', board: boardId, section: section.id, answer: a.id, into }).catch(() => {});
        },
      },
    }, h('option', { value: '' }, t('oqMergeInto')), others.map((o) => h('option', { value: o.id }, o.text))) : null;
    return h('span.answer-tools', pin, hide, merge);
  }

  let drawn = '';
  function update() {
    shell.updateCurrent();
    const answers = app.state.boards[boardId].answers?.[section.id] || [];
    const own = new Set(app.you?.[boardId]?.[section.id] || []);
    const shown = answers.filter((a) => !a.hidden && !a.merged_into);
    if (isPart()) {
      const why = shell.blocked();
      const full = own.size >= section.per_person;
      form.hidden = !!why || full;
      left.hidden = !!why;
      setText(left, full ? t('oqAllGiven') : t('oqLeft', { n: section.per_person - own.size, max: section.per_person }));
    }
    if (count) setText(count, t('oqCount', { n: shown.length }));
    const listed = listedAnswers(answers, projector);
    empty.hidden = listed.length > 0;
    const sig = JSON.stringify([listed, [...own]]);
    if (sig === drawn) return;
    drawn = sig;
    list.replaceChildren(...listed.map((a) => h('li.answer', {
      class: [a.pinned ? 'is-pinned' : '', a.hidden ? 'is-hidden' : '', a.merged_into ? 'is-merged' : ''].join(' '),
      'data-testid': `answer-${a.id}`,
    },
    h('span.answer-text', a.text),
    a.merged ? h('span.answer-merged', { title: t('oqMergedTitle', { n: a.merged + 1 }) }, t('oqMerged', { n: a.merged })) : null,
    own.has(a.id) ? h('span.answer-tag', t('oqMine')) : null,
    a.hidden && facTools ? h('span.answer-tag', t('oqHiddenTag')) : null,
    facTools ? tools(a, shown) : null)));
    if (projector) queueMicrotask(() => fitCloud(list));
  }
  if (projector) refitOnResize(list);
  return { el: shell.el, update };
}
