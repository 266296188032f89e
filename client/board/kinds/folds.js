// The folds of every kind of section, by event type: what client/state.js asks for an event of a
// section. No DOM here (the golden tests import it in Node). A new kind adds its <kind>.fold.js here.

import { fold as text } from './text.fold.js';
import { fold as dots } from './dots.fold.js';
import { fold as notes } from './notes.fold.js';
import { fold as stakeholders } from './stakeholders.fold.js';
import { fold as checklist } from './checklist.fold.js';
import { fold as review } from './review.fold.js';
import { fold as roles } from './roles.fold.js';
import { fold as conditions } from './conditions.fold.js';
import { fold as draft } from './draft.fold.js';
import { fold as wall } from './wall.fold.js';
import { fold as weighting } from './weighting.fold.js';
import { fold as agreements } from './agreements.fold.js';
import { applyLiveEvent } from '../../live-state.js';
import { foldTree } from './tree-fold.js';
import { foldRadar } from './radar-fold.js';

// card 3's folds take any of their kind's events
const tree = { tree_answered: foldTree, tree_group_answer_set: foldTree, tree_visibility_set: foldTree };
// the kick-off's live questions (word cloud, open question, statements, where do you stand)
const live = Object.fromEntries(['word_added', 'word_removed', 'word_hidden', 'word_recognised', 'answer_added',
  'answer_moderated', 'answer_merged', 'statement_answered', 'statements_hidden', 'stand_taken']
  .map((type) => [type, applyLiveEvent]));
const radar = { radar_dot_placed: foldRadar, radar_dot_removed: foldRadar, radar_visibility_set: foldRadar };

export const FOLDS = Object.freeze({ ...text, ...dots, ...notes, ...stakeholders, ...checklist, ...tree, ...radar, ...review,
  ...roles, ...conditions, ...draft, ...wall, ...live, ...weighting, ...agreements });
