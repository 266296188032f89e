// UI strings, Dutch first. Template labels come as {nl, en} from the server.
//
// Dutch is in every page's bundle; English is fetched only when it is chosen (decision 74): a
// dynamic import, so the bundle gives it a chunk of its own that no page preloads. Someone who
// chose English before waits for it here (top-level await: no module that uses t() runs first,
// so nothing is ever shown in Dutch and then redrawn); switching loads it, then re-renders.

import * as dutch from './i18n/dutch.js';
import { store } from './store.js';

const LOADERS = { en: () => import('./i18n/english.js') };

const STRINGS = { nl: dutch.strings };
const ERRORS = { nl: dutch.errors };

/** The language's strings, fetched once (English; Dutch is always here). */
function load(code) {
  if (STRINGS[code]) return Promise.resolve();
  return LOADERS[code]().then((m) => {
    STRINGS[code] = m.strings;
    ERRORS[code] = m.errors;
  });
}

let lang = store.lang() === 'en' ? 'en' : 'nl'; // main.js has started fetching English already

if (lang !== 'nl') {
  try {
    await load(lang);
  } catch {
    lang = 'nl'; // not reachable (offline): Dutch, which is all here, rather than no page
  }
}

const listeners = new Set();
let wanted = lang; // the last language asked for (a second click wins over a slow first one)

export function getLang() {
  return lang;
}

/** Switch to `next` once its strings are here (the page stays in the old language until then).
 * Resolves true when it switched, false when it did not (unknown, already, overtaken by a later
 * choice); rejects when the strings could not be fetched (the language stays). */
export async function setLang(next) {
  if (next !== 'nl' && next !== 'en') return false;
  wanted = next;
  if (next === lang) return false;
  try {
    await load(next);
  } catch (err) {
    if (wanted === next) wanted = lang;
    throw err;
  }
  if (wanted !== next || next === lang) return false;
  lang = next;
  store.setLang(next);
  document.documentElement.lang = next;
  for (const fn of listeners) fn(next);
  return true;
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
