// The one way a post-it form is sent: trimmed text, nothing sent when empty, the button
// disabled while the command is on its way.

/**
 * On submit of `form`: `save(text)` with the trimmed text of `field` (empty: back to the field),
 * `button` disabled meanwhile. A `save` that throws keeps the form as it is (the toast says why).
 */
/** After a sent text is answered: empty the field, unless the person already typed the next one
 * meanwhile (a fast typist on a slow network must not lose it). `sent`: the field's value then. */
export function clearSent(field, sent) {
  if (field.value === sent) field.value = '';
}

export function onTextSubmit(form, field, button, save) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = field.value.trim();
    if (!text) { field.focus(); return; }
    button.disabled = true;
    try {
      await save(text);
    } catch { /* the form stays open with the text */ }
    button.disabled = false;
  });
}
