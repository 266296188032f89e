// A template's section, by kind, as a component of the board page or the projector.

import { textSection } from './text.js';
import { dotsSection } from './dots.js';
import { notesSection } from './notes.js';
import { stakeholderSection } from './stakeholders/section.js';
import { checklistSection } from './stakeholders/checklist.js';
import { wordcloudSection } from './wordcloud.js';
import { openQuestionSection } from './open-question.js';
import { statementsSection } from './statements.js';
import { standSection } from './stand.js';

export function sectionComponent(app, boardId, section) {
  const hasMap = app.tplOf(boardId).sections.some((s) => s.type === 'stakeholders');
  switch (section.type) {
    // on the stakeholder map the ambition is in the middle of the map
    case 'text': return hasMap ? null : textSection(app, boardId, section);
    case 'dots': return dotsSection(app, boardId, section);
    case 'notes': return notesSection(app, boardId, section);
    case 'stakeholders': return stakeholderSection(app, boardId, section);
    case 'checklist': return checklistSection(app, boardId, section);
    case 'wordcloud': return wordcloudSection(app, boardId, section);
    case 'open': return openQuestionSection(app, boardId, section);
    case 'statements': return statementsSection(app, boardId, section);
    case 'stand': return standSection(app, boardId, section);
    default: return null;
  }
}
