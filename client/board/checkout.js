// The closing round (the manual's close: "how was the session?"): participants give a rating and
// an optional sentence while the step allows it (the facilitator reads them: checkout-answers.js).

import { h, setText, toggle, attr, toast } from '../dom.js';
import { t } from '../i18n.js';

const RATINGS = [1, 2, 3, 4, 5];

/** The participant's check-out card; shown while the current step has a check-out. */
export function checkoutCard(app) {
  let rating = null;
  const buttons = RATINGS.map((n) => h('button.rating', {
    type: 'button', 'data-testid': `checkout-rating-${n}`, 'aria-pressed': 'false',
    'aria-label': t('ratingOf', { n }),
    on: { click: () => { rating = n; update(); } },
  }, String(n)));
  const text = h('textarea.input', {
    rows: '2', maxlength: '280', 'data-testid': 'checkout-text', id: 'checkout-text',
    placeholder: t('checkoutTextPlaceholder'),
  });
  const done = h('p.checkout-done', { 'data-testid': 'checkout-done', role: 'status', hidden: true });
  const submit = h('button.btn.btn-primary', {
    type: 'submit', 'data-testid': 'checkout-submit',
  }, t('checkoutSend'));
  const form = h('form.checkout-form', {
    on: {
      submit: (e) => {
        e.preventDefault();
        if (!rating) { toast(t('checkoutPickRating')); return; }
        submit.disabled = true;
        app.send({ type: 'check_out', rating, text: text.value.trim() })
          .then(() => { app.checkout = { rating, text: text.value.trim() }; update(); })
          .catch(() => {})
          .finally(() => { submit.disabled = false; });
      },
    },
  },
  // the end labels sit under the ends of the scale, on a phone too (they wrapped onto one side)
  h('div.rating-scale', { role: 'group', 'aria-label': t('checkoutQuestion'), 'data-testid': 'checkout-scale' },
    h('div.rating-row', buttons),
    h('div.rating-ends', h('span.rating-end.rating-low', t('ratingLow')), h('span.rating-end.rating-high', t('ratingHigh')))),
  h('label.field-label', { for: 'checkout-text' }, t('checkoutTextLabel')), text, submit);
  const el = h('section.sec.sec-checkout', { id: 'sec-checkout', 'data-testid': 'checkout', hidden: true, 'aria-labelledby': 'checkout-h' },
    h('header.sec-head', h('h2.sec-title#checkout-h', t('checkoutTitle')), h('p.sec-prompt', t('checkoutQuestion'))),
    done, form);
  app.anchors.afsluiting = el;

  function update() {
    el.hidden = app.closed() || !app.currentStep()?.allows.includes('checkout');
    if (app.checkout && rating === null) {
      rating = app.checkout.rating;
      text.value = app.checkout.text || '';
    }
    buttons.forEach((b, i) => {
      toggle(b, 'selected', rating === RATINGS[i]);
      attr(b, 'aria-pressed', String(rating === RATINGS[i]));
    });
    done.hidden = !app.checkout;
    if (app.checkout) setText(done, t('checkoutThanks'));
    setText(submit, app.checkout ? t('checkoutUpdate') : t('checkoutSend'));
  }
  return { el, update };
}
