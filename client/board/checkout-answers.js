// The facilitator's view of the closing round's answers (board/facilitator.js: loaded only for them).

import { h, setText, reconcile } from '../dom.js';
import { t } from '../i18n.js';

/** The facilitator's view of the answers: the average, then each answer with its name. */
export function checkoutAnswers(app) {
  const summary = h('p.checkout-summary', { 'data-testid': 'checkout-summary' });
  const list = h('ul.checkout-list', { 'data-testid': 'checkout-answers' });
  const el = h('section.panel.panel-checkout', { 'aria-label': t('checkoutTitle'), hidden: true },
    h('h2.panel-title', t('checkoutTitle')), summary, list);
  function update() {
    const answers = Object.entries(app.state.checkouts || {});
    const inStep = !!app.currentStep()?.allows.includes('checkout');
    el.hidden = !answers.length && !inStep;
    const n = Object.values(app.state.participants).filter((p) => !p.proxy).length;
    const avg = answers.length ? answers.reduce((a, [, c]) => a + c.rating, 0) / answers.length : 0;
    setText(summary, answers.length
      ? t('checkoutAverage', { avg: avg.toFixed(1).replace('.', t('decimal')), n: answers.length, total: n })
      : t('checkoutNone'));
    reconcile(list, answers, ([id]) => id,
      () => h('li.checkout-answer', h('span.checkout-rating'), h('span.checkout-who'), h('span.checkout-text')),
      (li, [id, c]) => {
        setText(li.querySelector('.checkout-rating'), `${c.rating}/5`);
        setText(li.querySelector('.checkout-who'), app.personName(id));
        setText(li.querySelector('.checkout-text'), c.text || '');
      });
  }
  return { el, update };
}
