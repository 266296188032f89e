// UI strings, Dutch first. Template labels come as {nl, en} from the server.

import * as nl from './i18n/nl.js';
import * as en from './i18n/en.js';
import * as liveNl from './i18n/live-nl.js';
import * as liveEn from './i18n/live-en.js';
import * as sheetNl from './i18n/runsheet-nl.js';
import * as sheetEn from './i18n/runsheet-en.js';
import * as contractNl from './i18n/contract-nl.js';
import * as contractEn from './i18n/contract-en.js';

const KEY = 'samenspel.lang';

const STRINGS = {
  nl: { ...nl.strings, ...liveNl.strings, ...sheetNl.strings, ...contractNl.strings },
  en: { ...en.strings, ...liveEn.strings, ...sheetEn.strings, ...contractEn.strings },
};
const ERRORS = {
  nl: { ...nl.errors, ...liveNl.errors, ...sheetNl.errors, ...contractNl.errors },
  en: { ...en.errors, ...liveEn.errors, ...sheetEn.errors, ...contractEn.errors },
};

let lang = (() => {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch { /* storage may be blocked */ }
  return 'nl';
})();

const listeners = new Set();

export function getLang() {
  return lang;
}

export function setLang(next) {
  if (next !== 'nl' && next !== 'en' || next === lang) return;
  lang = next;
  try { localStorage.setItem(KEY, next); } catch { /* ignore */ }
  document.documentElement.lang = next;
  for (const fn of listeners) fn(next);
}

export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** A UI string, with {placeholders} filled from vars. */
export function t(key, vars = {}) {
  const s = STRINGS[lang][key] ?? STRINGS.nl[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

/** A template label {nl, en} in the current language. */
export function L(label) {
  if (!label) return '';
  if (typeof label === 'string') return label;
  return label[lang] || label.nl || label.en || '';
}

/** The user-facing message for an error code. */
export function errorText(code) {
  return ERRORS[lang][code] || ERRORS.nl[code] || ERRORS[lang].unknown;
}

document.documentElement.lang = lang;
