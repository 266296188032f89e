// A template's section as a component of the board page or the projector: its kind's
// (board/kinds/index.js).

import { kindOf } from './kinds/index.js';

export function sectionComponent(app, boardId, section) {
  const kind = kindOf(section);
  if (!kind) return null;
  // a kind may show another's sections inside its own (the map has the ambition in its middle)
  const hosted = app.tplOf(boardId).sections.some((s) => kindOf(s)?.hosts?.includes(section.type));
  return hosted ? null : kind.component(app, boardId, section);
}
