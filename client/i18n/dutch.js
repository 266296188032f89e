// Dutch, the first language, whole: every page's bundle carries it (client/i18n.js imports it
// statically). Each file of Dutch strings in this directory is merged here; a unit test
// (tests/unit/test_i18n.py) checks none is left out and that english.js has the same keys.

import * as nl from './nl.js';
import * as live from './live-nl.js';
import * as sheet from './runsheet-nl.js';
import * as contract from './contract-nl.js';

export const strings = { ...nl.strings, ...live.strings, ...sheet.strings, ...contract.strings };
export const errors = { ...nl.errors, ...live.errors, ...sheet.errors, ...contract.errors };
