// The start page's "start from a template file": the file goes to POST /api/sessions/from-template
// as it is; a refusal lists what is wrong with it (line, field, what), as the server says.

import { h } from './dom.js';
import { t, errorText } from './i18n.js';
import { ApiError } from './api.js';

export async function createFromTemplate(text, title) {
  let response;
  try {
    response = await fetch(`/api/sessions/from-template?title=${encodeURIComponent(title || '')}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text, cache: 'no-store',
    });
  } catch {
    throw new ApiError('network', 'network error', 0);
  }
  let data = null;
  try { data = await response.json(); } catch { data = null; }
  if (!response.ok) {
    const err = Object.assign(new ApiError(data?.error?.code || 'unknown', data?.error?.message, response.status),
      { problems: data?.error?.problems || [] });
    throw err;
  }
  return data;
}

/** The upload field; `created(res)` with the new session, like the create form's. */
export function templateUpload(c, rerender, created) {
  // the browser's own button says "Choose File" in its language, not the page's: the input is
  // hidden (still focusable, Enter/Space open it) behind a label styled as a button
  const input = h('input.sr-only.file-input', {
    type: 'file', accept: 'application/json,.json', 'data-testid': 'create-from-file', 'aria-describedby': 'file-name file-hint',
    disabled: c.busy,
    on: {
      change: async (e) => {
        const file = e.target.files?.[0];
        if (!file) return;
        c.fileName = file.name;
        c.busy = true; c.fileError = null; rerender();
        try {
          const res = await createFromTemplate(await file.text(), (c.title || '').trim());
          c.busy = false;
          created(res);
        } catch (err) {
          c.busy = false;
          c.fileError = { code: err.code || 'unknown', problems: err.problems || [] };
          rerender();
        }
      },
    },
  });
  const error = c.fileError ? h('div.form-error', { role: 'alert', 'data-testid': 'create-file-error' },
    h('p', c.fileError.code === 'bad_template' ? t('templateProblems') : errorText(c.fileError.code)),
    c.fileError.problems.length ? h('ul', c.fileError.problems.slice(0, 8).map((p) =>
      h('li', `${p.line ? `${t('line')} ${p.line}, ` : ''}${p.field}: ${p.message}`))) : null) : null;
  return h('div.field.template-upload',
    h('span.field-label', t('loadTemplate')),
    h('div.file-pick',
      Object.assign(input, { id: 'create-from-file' }),
      h('label.btn.file-button', { for: 'create-from-file', 'data-testid': 'create-from-file-button' },
        h('span.sr-only', `${t('loadTemplate')}: `), t('chooseTemplateFile')),
      h('span.file-name#file-name', { 'data-testid': 'create-from-file-name' }, c.fileName || t('noFileChosen'))),
    h('p.field-hint#file-hint', t('loadTemplateHint')),
    error);
}
