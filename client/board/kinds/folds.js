// The folds of every kind of section, by event type: what client/state.js asks for an event of a
// section. No DOM here (the golden tests import it in Node). A new kind adds its <kind>.fold.js here.

import { fold as text } from './text.fold.js';
import { fold as dots } from './dots.fold.js';
import { fold as notes } from './notes.fold.js';
import { fold as stakeholders } from './stakeholders.fold.js';
import { fold as checklist } from './checklist.fold.js';

export const FOLDS = Object.freeze({ ...text, ...dots, ...notes, ...stakeholders, ...checklist });
