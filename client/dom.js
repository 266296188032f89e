// Small DOM helpers: element creation, keyed lists, toasts, clipboard.

import { errorText, getLang, setLang, t } from './i18n.js';

/**
 * h('div.card#id', {attrs, on: {click}}, ...children)
 * Attributes: class, text, html is never used (no innerHTML with data), dataset via data-*,
 * boolean attributes set with true/false, `on` for listeners.
 */
export function h(spec, attrs = {}, ...children) {
  const [, tag, rest] = spec.match(/^([a-z0-9-]+)(.*)$/i) || [null, 'div', spec];
  const el = document.createElement(tag);
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === '.') el.classList.add(part.slice(1));
    else el.id = part.slice(1);
  }
  if (attrs && (attrs.nodeType || typeof attrs !== 'object' || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = {};
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') {
      for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    } else if (key === 'class') {
      for (const c of String(value).split(/\s+/).filter(Boolean)) el.classList.add(c);
    } else if (key === 'text') {
      el.textContent = value;
    } else if (key === 'style' && typeof value === 'object') {
      for (const [p, v] of Object.entries(value)) el.style.setProperty(p, v);
    } else if (key === 'value') {
      el.value = value;
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child.nodeType) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Set text only when it changed (keeps the DOM calm). */
export function setText(el, text) {
  text = String(text ?? '');
  if (el.textContent !== text) el.textContent = text;
}

export function toggle(el, cls, on) {
  if (el.classList.contains(cls) !== !!on) el.classList.toggle(cls, !!on);
}

/** Set or remove an attribute only when it changed. */
export function attr(el, name, value) {
  if (value === null || value === undefined || value === false) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else {
    const v = value === true ? '' : String(value);
    if (el.getAttribute(name) !== v) el.setAttribute(name, v);
  }
}

/**
 * Keep `container`'s children in the order of `items`, one element per key: existing elements are
 * updated in place (focus and typing survive), new ones created, gone ones removed. Nodes are only
 * moved when they are out of place.
 */
export function reconcile(container, items, keyOf, create, update) {
  const cache = container._keyed || (container._keyed = new Map());
  const seen = new Set();
  let cursor = container.firstChild;
  for (const item of items) {
    const key = keyOf(item);
    seen.add(key);
    let el = cache.get(key);
    if (!el) {
      el = create(item);
      cache.set(key, el);
    }
    if (update) update(el, item);
    if (el === cursor) {
      cursor = cursor.nextSibling;
    } else {
      container.insertBefore(el, cursor);
    }
  }
  for (const [key, el] of cache) {
    if (!seen.has(key)) {
      el.remove();
      cache.delete(key);
    }
  }
  // anything not keyed left at the end (e.g. a placeholder) goes too
  while (cursor) {
    const next = cursor.nextSibling;
    if (!cursor._keep) cursor.remove();
    cursor = next;
  }
}

/** A transient message at the bottom of the screen. kind: 'error' | 'ok' | 'info'. */
export function toast(message, kind = 'error', ms = 4500) {
  const box = document.getElementById('toasts');
  if (!box) return;
  // the same message twice in a row is shown once
  for (const existing of box.children) {
    if (existing.textContent === message) {
      existing.remove();
    }
  }
  const el = h('div.toast', { class: `toast-${kind}`, 'data-testid': 'toast', role: kind === 'error' ? 'alert' : 'status' }, message);
  box.appendChild(el);
  while (box.children.length > 3) box.firstChild.remove();
  setTimeout(() => {
    el.classList.add('leaving');
    setTimeout(() => el.remove(), 300);
  }, ms);
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // older browsers or no permission: a hidden textarea and execCommand
    const ta = h('textarea', { style: { position: 'fixed', opacity: '0' }, readonly: true });
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    ta.remove();
    return ok;
  }
}

/** A copy button that says "Gekopieerd" for a moment. */
export function copyButton(getText, label = () => t('copy'), testid = undefined) {
  const btn = h('button.btn.btn-small', { type: 'button', 'data-testid': testid }, label());
  btn.addEventListener('click', async () => {
    const ok = await copyText(getText());
    btn.textContent = ok ? t('copied') : label();
    btn.classList.toggle('done', ok);
    setTimeout(() => { btn.textContent = label(); btn.classList.remove('done'); }, 1800);
  });
  return btn;
}

/** "ECCQKD" -> "ECC QKD". */
export function groupCode(code) {
  const c = String(code || '').replace(/[\s-]/g, '').toUpperCase();
  return c.length === 6 ? `${c.slice(0, 3)} ${c.slice(3)}` : c;
}

/** The NL | EN switch. */
export function langSwitch() {
  const wrap = h('div.lang', { role: 'group', 'aria-label': 'Taal / Language', 'data-testid': 'lang-switch' });
  for (const code of ['nl', 'en']) {
    const b = h('button.lang-btn', {
      type: 'button', 'data-lang': code, 'data-testid': `lang-${code}`,
      'aria-pressed': String(getLang() === code), lang: code,
      on: {
        click: () => { // English may need fetching first (client/i18n.js): the page switches when it is here
          b.setAttribute('aria-busy', 'true');
          setLang(code).catch(() => toast(errorText('network'))).finally(() => b.removeAttribute('aria-busy'));
        },
      },
    }, code.toUpperCase());
    wrap.appendChild(b);
  }
  return wrap;
}

/** A colour with alpha, from #rrggbb. */
export function tint(hex, alpha) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex || '');
  if (!m) return `rgba(100,116,139,${alpha})`;
  return `rgba(${parseInt(m[1], 16)},${parseInt(m[2], 16)},${parseInt(m[3], 16)},${alpha})`;
}


/**
 * A "Verwijderen" button that asks once more ("Zeker weten?") instead of opening a modal dialog.
 * `remove()` returns the command's promise; on failure the button is usable again.
 */
export function removeButton(testid, remove) {
  const reset = (b) => { b.disabled = false; b.classList.remove('confirm'); b.textContent = t('remove'); };
  return h('button.btn.btn-ghost.btn-tiny.danger', {
    type: 'button', 'data-testid': testid,
    on: {
      click: (e) => {
        const b = e.currentTarget;
        clearTimeout(b._reset);
        if (!b.classList.contains('confirm')) {
          b.classList.add('confirm');
          b.textContent = t('confirmRemoveShort');
          b._reset = setTimeout(() => reset(b), 4000);
          return;
        }
        b.disabled = true;
        remove().catch(() => reset(b));
      },
    },
  }, t('remove'));
}
