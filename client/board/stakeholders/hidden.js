// Post-its that are not relevant or removed: a list below the map, from which they can always
// come back (the facilitator's, or the one who set them aside).

import { h, setText, toggle, reconcile, toast } from '../../dom.js';
import { t } from '../../i18n.js';

/** {el, update(items)}; null on the projector. */
export function hiddenCard(sh) {
  const { app, projector, find, shown, canRestore, send, where } = sh;
  if (projector) return null;
  const hiddenList = h('ul.sh-hidden-list', { 'data-testid': 'hidden-list' });
  const hiddenCount = h('span.sh-count', { 'data-testid': 'hidden-count' });
  const hiddenEmpty = h('p.lane-empty', t('hiddenEmpty'));
  const el = h('section.sec.sec-shhidden', { 'data-testid': 'section-hidden', 'aria-label': t('hiddenTitle') },
    h('header.sec-head',
      h('div.sec-title-row', h('h2.sec-title', t('hiddenTitle')), hiddenCount),
      h('p.sec-prompt', t('hiddenPrompt'))),
    hiddenList, hiddenEmpty);

  function createHidden(s) {
    const id = s.id;
    const restore = h('button.btn.btn-small', {
      type: 'button', 'data-testid': `restore-${id}`, on: { click: () => restoreItem(id, restore) },
    }, t('restore'));
    const li = h('li.sh-hidden', { 'data-testid': `hidden-item-${id}` },
      h('div.sh-hidden-text', h('strong.sh-cat'), h('span.sh-names')),
      h('span.sh-hidden-status'),
      restore);
    li._restore = restore;
    return li;
  }

  function updateHidden(li, s) {
    setText(li.querySelector('.sh-cat'), s.category);
    setText(li.querySelector('.sh-names'), s.names);
    const who = s.hidden_by ? app.personName(s.hidden_by) : '–';
    setText(li.querySelector('.sh-hidden-status'), s.removed ? t('removedBy', { name: who }) : t('notRelevantBy', { name: who }));
    toggle(li, 'removed', !!s.removed);
    li._restore.hidden = !canRestore(s);
  }

  async function restoreItem(id, btn) {
    const s = find(id);
    if (!s) return;
    btn.disabled = true;
    try {
      if (s.removed) await send({ type: 'restore_stakeholder', ...where, item: id }, ['forbidden']);
      const now = find(id);
      if (now && !now.removed && !now.relevant && canRestore(now)) {
        await send({ type: 'set_relevant', ...where, item: id, relevant: true }, ['forbidden']);
      }
    } catch (err) {
      if (err.code === 'forbidden') toast(t('forbiddenRestore'));
    }
    btn.disabled = false;
  }

  function update(items) {
    const gone = items.filter((s) => !shown(s));
    reconcile(hiddenList, gone, (s) => s.id, createHidden, updateHidden);
    hiddenEmpty.hidden = gone.length > 0;
    setText(hiddenCount, gone.length ? String(gone.length) : '');
  }
  return { el, update };
}
