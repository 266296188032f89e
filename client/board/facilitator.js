// What only a facilitator's board has: the bar, the invite, the run sheet, the people admin, the
// closing round's answers, closing the session. Loaded only for them (docs/decisions.md, 76): a
// participant's phone never downloads it. board.js loads it before it builds a facilitator's board
// (main.js starts the download as the page starts, when this browser holds a facilitator link)
// and hands it to the page as app.fac.

export { facilitatorBar } from './fac-bar.js';
export { sharePanel } from './share.js';
export { runSheetPanel } from './runsheet-panel.js';
export { checkoutAnswers } from './checkout-answers.js';
export { closePanel } from './close-panel.js';
export { personMenu, roomForm, tooManyWarning } from './people-admin.js';
import './kit.js'; // one chunk with the board's code (kit.js)
