// English, whole: loaded only when someone chooses it (client/i18n.js imports this module
// dynamically, so the bundle gives it a chunk of its own that no page preloads; decision 74).
// The same files as dutch.js, in English.

import * as en from './en.js';
import * as live from './live-en.js';
import * as sheet from './runsheet-en.js';
import * as contract from './contract-en.js';

export const strings = { ...en.strings, ...live.strings, ...sheet.strings, ...contract.strings };
export const errors = { ...en.errors, ...live.errors, ...sheet.errors, ...contract.errors };
