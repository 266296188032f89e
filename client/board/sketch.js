// Card 1, steps 0 "Opwarmen" and 1 "Elevator pitch": each person makes a sketch per prompt, drawn
// here on the pad or photographed on paper; a sketch goes to the wall (step 2). The facilitator
// and the projector see how many sketches each prompt has.

import { h, setText, toast } from '../dom.js';
import { t, L, errorText } from '../i18n.js';
import { sectionShell } from './shell.js';
import { sketchPad } from './sketch-pad.js';
import { shrink, uploadPhoto } from './photos.js';
import { sketchMedia, enlarge } from './sketch-view.js';

export function sketchSection(app, boardId, section) {
  const { projector, tid } = app;
  const shell = sectionShell(app, boardId, section);
  const wallItems = () => app.state.boards[boardId].walls?.[section.wall]?.items || [];
  const canAct = () => !projector && app.isPart() && !shell.blocked() && !app.closed();
  const blocks = section.prompts.map((prompt) => promptBlock(prompt));
  shell.el.append(...blocks.map((b) => b.el));

  function promptBlock(prompt) {
    const id = tid(boardId, section.id, prompt.id);
    const where = { board: boardId, section: section.id, prompt: prompt.id };
    const status = h('p.sketch-status', { role: 'status', 'data-testid': `sketch-status-${id}` });
    let busy = false;
    const sendBtn = h('button.btn.btn-primary', { type: 'button', 'data-testid': `sketch-send-${id}`, disabled: true,
      on: { click: async () => {
        if (busy || !pad.strokes().length) return;
        busy = true;
        try {
          await app.send({ type: 'add_sketch', ...where, strokes: pad.strokes() });
          pad.reset();
        } catch { /* the toast says why */ } finally { busy = false; }
      } } }, t('sketchSend'));
    const pad = sketchPad({ testid: `pad-${id}`, label: L(prompt.label),
      onChange: (strokes) => { sendBtn.disabled = !strokes.length; },
      onFull: () => toast(t('sketchFull'), 'info') });
    const file = h('input.sketch-file', { type: 'file', accept: 'image/*', capture: 'environment',
      'data-testid': `sketch-file-${id}`, 'aria-label': t('sketchPhoto') });
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      file.value = '';
      if (!chosen || busy) return;
      busy = true;
      setText(status, t('sketchUploading'));
      try {
        await uploadPhoto(app.session, app.conn.auth.token, where, await shrink(chosen));
        setText(status, '');
      } catch (err) {
        setText(status, '');
        toast(errorText(err.code));
      } finally { busy = false; }
    });
    const photo = h('label.btn.sketch-photo-btn', { 'data-testid': `sketch-photo-${id}` }, t('sketchPhoto'), file);
    const make = h('div.sketch-make', pad.el, h('div.sketch-actions', sendBtn, h('span.sketch-or', t('sketchOr')), photo), status);
    const done = h('p.sketch-done', { 'data-testid': `sketch-done-${id}` }, t('sketchOnWall'));
    const preview = h('button.sketch-preview', { type: 'button', 'aria-label': t('sketchEnlarge'),
      on: { click: () => { const mine = own(); if (mine) enlarge(app, boardId, mine); } } });
    const count = h('p.sketch-count', { 'data-testid': `sketch-count-${id}` });
    const el = h('div.sketch-prompt-block', { 'data-testid': `sketch-${id}` }, h('h3.sketch-prompt', L(prompt.label)), count, make, done, preview);
    const own = () => wallItems().find((i) => i.author === app.participant && i.prompt === prompt.id);

    function update() {
      const mine = app.isPart() ? own() : null;
      const n = wallItems().filter((i) => i.prompt === prompt.id).length;
      setText(count, t('sketchCount', { n }));
      make.hidden = !!mine || !canAct();
      done.hidden = preview.hidden = !mine;
      if (mine && preview.dataset.item !== mine.id) {
        preview.dataset.item = mine.id;
        preview.replaceChildren(sketchMedia(app, boardId, mine) || '');
      }
    }
    return { el, update };
  }

  function update() {
    shell.updateCurrent();
    for (const b of blocks) b.update();
  }
  return { el: shell.el, update };
}
