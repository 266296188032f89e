// Word cloud ("Waar denk jij aan bij [THEMA]?"): each participant gives one to three words; the
// cloud grows live on every screen. Words come counted and normalised from the server; a word's
// size follows its count. The facilitator taps a word to hide it from everyone else (struck
// through on their screen only). Every word is set as text, never as markup.

import { h, setText, toggle } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';
import { onTextSubmit, clearSent } from './forms.js';
import { fitCloud, refitOnResize } from './cloud-fit.js';

/** The words most people recognise (all of them on a tie), none while nobody recognised one. */
export function mostRecognised(recognised) {
  const top = Math.max(0, ...Object.values(recognised));
  return top > 0 ? Object.keys(recognised).filter((w) => recognised[w] === top).sort() : [];
}

/** The cloud's words, most given first (then A-Z), with a size step 0..1 by count. */
export function cloudWords(counts) {
  const words = Object.entries(counts || {}).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const max = words.length ? words[0][1] : 1;
  return words.map(([word, n]) => ({ word, n, weight: max > 1 ? Math.sqrt((n - 1) / (max - 1)) : 0 }));
}

export function wordcloudSection(app, boardId, section) {
  const { tid, isFac, isPart, send, projector } = app;
  const facTools = isFac() && !projector;
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt))]);
  const key = tid(boardId, section.id);
  const cloud = h('div.cloud', { 'data-testid': `cloud-${key}`, 'aria-live': 'polite' });
  const empty = h('p.cloud-empty', { 'data-testid': `cloud-empty-${key}` }, t('wcEmpty'));
  const hiddenNote = facTools ? h('p.cloud-note', { hidden: true }, t('wcHiddenNote')) : null;

  let form = null;
  let mine = null;
  let left = null;
  if (isPart()) {
    const input = h('input.input', {
      type: 'text', maxlength: String(section.max_len), placeholder: t('wcPlaceholder'),
      'aria-label': L(section.prompt), 'data-testid': `word-input-${key}`, autocomplete: 'off',
    });
    const add = h('button.btn.btn-primary', { type: 'submit', 'data-testid': `word-add-${key}` }, t('wcAdd'));
    form = h('form.answer-form', input, add);
    onTextSubmit(form, input, add, async (word) => {
      const typed = input.value;
      await send({ type: 'add_word', board: boardId, section: section.id, word });
      clearSent(input, typed);
      input.focus();
    });
    left = h('p.answer-left', { 'data-testid': `word-left-${key}` });
    mine = h('ul.my-words', { 'aria-label': t('wcMine'), 'data-testid': `my-words-${key}` });
  }
  shell.el.append(...[form, left, mine, cloud, empty, hiddenNote].filter(Boolean));

  let drawn = '';
  function update() {
    shell.updateCurrent();
    const data = app.state.boards[boardId].clouds?.[section.id] || { counts: {}, hidden_words: [] };
    const hidden = new Set(data.hidden_words || []);
    if (isPart()) {
      const own = app.you?.[boardId]?.[section.id]?.words || [];
      const why = shell.blocked();
      const full = own.length >= section.per_person;
      form.hidden = !!why || full;
      setText(left, full ? t('wcAllGiven') : t('wcLeft', { n: section.per_person - own.length, max: section.per_person }));
      left.hidden = !!why;
      const sig = own.join('\n');
      if (mine.dataset.sig !== sig) {
        mine.dataset.sig = sig;
        mine.replaceChildren(...own.map((word) => h('li.my-word', h('span', word), h('button.chip-x', {
          type: 'button', 'aria-label': t('wcRemove', { word }), 'data-testid': `word-remove-${key}`, disabled: !!why,
          on: { click: () => send({ type: 'remove_word', board: boardId, section: section.id, word }).catch(() => {}) },
        }, '×'))));
      }
    }
    const recognised = section.recognise ? data.recognised || {} : null;
    // in the check-out round a word grows with who recognise it too, not only with who gave it
    const weights = recognised
      ? Object.fromEntries(Object.entries(data.counts).map(([w, n]) => [w, n + (recognised[w] || 0)]))
      : data.counts;
    const words = cloudWords(weights).map((w) => ({ ...w, n: data.counts[w.word] }));
    empty.hidden = words.length > 0;
    if (hiddenNote) hiddenNote.hidden = hidden.size === 0;
    const marks = app.you?.[boardId]?.[section.id] || { words: [], recognised: [] };
    const sig = JSON.stringify([words.map((w) => [w.word, w.n]), [...hidden], recognised, marks]);
    if (sig === drawn) return;
    drawn = sig;
    const most = recognised ? mostRecognised(recognised) : [];
    cloud.replaceChildren(...words.map(({ word, n, weight }) => {
      const attrs = { style: { '--w': weight.toFixed(3) }, 'data-n': String(n), 'data-word': word };
      if (recognised) return roundWord(word, attrs, recognised[word] || 0, most.includes(word), marks);
      if (!facTools) return h('span.cloud-word', attrs, word);
      const isHidden = hidden.has(word);
      return h('button.cloud-word', {
        ...attrs, type: 'button', 'aria-pressed': String(isHidden),
        'aria-label': t(isHidden ? 'wcShow' : 'wcHide', { word, n }),
        class: isHidden ? 'is-hidden' : '',
        on: { click: () => send({ type: 'hide_word', board: boardId, section: section.id, word, hidden: !isHidden }).catch(() => {}) },
      }, word);
    }));
    toggle(cloud, 'has-words', words.length > 0);
    queueMicrotask(() => fitCloud(cloud));
  }
  refitOnResize(cloud);

  /** The check-out round: a word with how many recognise it; others' words take "herken ik". */
  function roundWord(word, attrs, count, top, marks) {
    const label = h('span.round-word', word);
    const tally = h('span.round-count', { 'data-testid': `recognised-${key}-${word}` }, t('rcCount', { n: count }));
    const own = marks.words.includes(word);
    const on = marks.recognised.includes(word);
    const tap = isPart() && !own ? h('button.btn.btn-small.round-tap', {
      type: 'button', 'aria-pressed': String(on), 'data-testid': `recognise-${key}-${word}`,
      'aria-label': `${t('rcTap')}: ${word}`,
      on: { click: () => send({ type: 'recognise_word', board: boardId, section: section.id, word, on: !on }).catch(() => {}) },
    }, t('rcTap')) : null;
    return h('span.cloud-word.round', { ...attrs, class: top ? 'is-most' : '' }, top ? h('span.round-star', { 'aria-label': t('rcMost') }, '★') : null, label, tally, tap);
  }
  return { el: shell.el, update };
}
