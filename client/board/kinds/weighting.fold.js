// How a weighting ("gewichten plakken", boards/kinds/weighting.py) folds into the session view: the
// wall's fold under its own slot and events, and the reveal that stops the dots. No DOM here.

import { wallFold } from './wall.fold.js';

const base = wallFold('weightings', 'weighting', ['theme_saved', 'theme_weighed', 'weighting_visibility_set']);

export const fold = {
  ...base,
  weighting_visibility_set(state, ev) {
    const hint = base.weighting_visibility_set(state, ev);
    const content = state.boards?.[ev.board]?.weightings?.[ev.section];
    if (content) content.revealed = !ev.hidden;
    return hint;
  },
};
