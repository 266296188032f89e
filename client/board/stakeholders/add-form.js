// Adding a post-it to the map: the "add" button and its form (category, names); the new post-it
// lands on a free spot around the ambition.

import { h, attr, toast } from '../../dom.js';
import { t } from '../../i18n.js';

/** {button, form, update(items)}; the button is null for those who cannot add (viewers). */
export function createAddForm(sh) {
  const { member, section, all, send, where } = sh;
  const addBtn = member() ? h('button.btn.btn-primary.btn-small', {
    type: 'button', 'data-testid': 'add-stakeholder', 'aria-expanded': 'false', on: { click: () => openAdd() },
  }, t('shAdd')) : null;
  const addCat = h('input.input', {
    type: 'text', maxlength: String(section.max_category_len), placeholder: t('shCategoryPh'),
    'data-testid': 'sh-category', autocomplete: 'off',
  });
  const addNames = h('input.input', {
    type: 'text', maxlength: String(section.max_names_len), placeholder: t('shNamesPh'),
    'data-testid': 'sh-names', autocomplete: 'off',
  });
  const addSubmit = h('button.btn.btn-primary', { type: 'submit', 'data-testid': 'sh-add-submit' }, t('add'));
  const addForm = h('form.sh-add-form', { hidden: true, 'data-testid': 'add-form', novalidate: true },
    h('label.field.sh-add-cat', h('span.field-label', t('shCategory')), addCat),
    h('label.field.sh-add-names', h('span.field-label', t('shNames')), addNames),
    h('div.sh-add-actions',
      h('button.btn', { type: 'button', on: { click: () => closeAdd() } }, t('close')),
      addSubmit));
  addForm.addEventListener('submit', (e) => { e.preventDefault(); submitAdd(); });
  addForm.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeAdd(); });

  function openAdd() {
    addForm.hidden = false;
    attr(addBtn, 'aria-expanded', 'true');
    addCat.focus();
  }
  function closeAdd() {
    addForm.hidden = true;
    attr(addBtn, 'aria-expanded', 'false');
    addBtn?.focus();
  }

  async function submitAdd() {
    const category = addCat.value.trim();
    if (!category) { addCat.focus(); return; }
    if (all().filter((s) => !s.removed).length >= section.max_items) {
      toast(t('shLimit', { max: section.max_items }));
      return;
    }
    const spot = sh.spotOnMap(category, addNames.value.trim());
    addSubmit.disabled = true;
    try {
      await send({ type: 'add_stakeholder', ...where, category, names: addNames.value.trim(), x: spot.x, y: spot.y });
      addCat.value = '';
      addNames.value = '';
      addCat.focus();
    } catch { /* the toast says why; the text stays */ }
    addSubmit.disabled = false;
  }

  function update(items) {
    if (addBtn) addBtn.disabled = items.filter((s) => !s.removed).length >= section.max_items;
  }
  return { button: addBtn, form: addForm, update };
}
