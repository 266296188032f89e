// What the board's lazily loaded modules (each kind of section, the projector's page, the
// facilitator's tools) share with the board: board.js and the kinds' common helpers. Each of them
// imports this module, for no name, and so does board.js (a cycle that binds nothing), so that the
// bundler puts all of it in ONE chunk with the board's code (docs/decisions.md, 76): esbuild gives
// every set of entry points that reach a module a chunk of its own, and a module reached from
// board.js and some kinds only would be a small chunk of its own, one more request for a phone.
// The board is loaded before any of them: this costs nothing at run time.

import '../board.js';
import './shell.js';
import './forms.js';
import './proxy-picker.js';
