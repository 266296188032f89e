// The summary page (/s/{session}): the result to send round after the session, printable as A4.
//
// The facilitator comes with the secret (in the fragment #f=…, or kept in this browser from the
// board); the group with the read-only link's token (#k=…). Either is sent as an Authorization
// header, never in the address. Everything typed by people is put in as text (textContent), so
// markup in a post-it shows as the characters it is.

import { h, langSwitch, toast, copyText } from './dom.js';
import { t, L, getLang, onLangChange, errorText } from './i18n.js';
import { store } from './store.js';
import { loadSummaries } from './board/kinds/index.js';
import { svg, legend } from './summary-parts.js';
import { summaryBlocks } from './summary-order.js';

class HttpError extends Error {
  constructor(status, code) { super(code); this.status = status; this.code = code; }
}

async function request(method, path, token) {
  let response;
  try {
    response = await fetch(path, { method, headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    throw new HttpError(0, 'network');
  }
  if (!response.ok) {
    let code = 'unknown';
    try { code = (await response.json()).error.code; } catch { /* not JSON */ }
    throw new HttpError(response.status, code);
  }
  return response;
}


function dateText(ms, withTime = false) {
  if (!ms) return '';
  const opts = { day: 'numeric', month: 'long', year: 'numeric' };
  if (withTime) Object.assign(opts, { hour: '2-digit', minute: '2-digit' });
  return new Date(ms).toLocaleString(getLang() === 'nl' ? 'nl-NL' : 'en-GB', opts);
}

// --- check-out and the run sheet ---------------------------------------------------------------

function checkoutSection(checkout) {
  const max = Math.max(1, ...Object.values(checkout.ratings));
  const chart = svg('svg', { class: 'sum-ratings', width: '100%', height: 5 * 22, role: 'img',
    'aria-label': [5, 4, 3, 2, 1].map((r) => `${r}: ${checkout.ratings[r]}`).join(', ') });
  [5, 4, 3, 2, 1].forEach((r, i) => {
    const y = i * 22;
    const n = checkout.ratings[r] || 0;
    chart.appendChild(svg('text', { x: 0, y: y + 14, 'font-size': 13, fill: '#334155' }, '★'.repeat(r)));
    chart.appendChild(svg('rect', { x: 80, y: y + 3, width: `${Math.max(0.4, (n / max) * 60)}%`, height: 13, rx: 3, fill: '#475569', 'fill-opacity': n ? 1 : 0.2 }));
    const label = svg('text', { x: `${(n / max) * 60 + 2}%`, dx: 80, y: y + 14, 'font-size': 12, fill: '#334155' }, String(n));
    chart.appendChild(label);
  });
  return h('section.sum-section', { 'data-testid': 'sum-checkout' },
    h('h2', t('sumCheckout')),
    checkout.count
      ? [h('p', t('sumCheckoutCount', { n: checkout.count, avg: checkout.average.toLocaleString(getLang()) })),
        chart,
        checkout.texts.length ? h('ul.sum-quotes', checkout.texts.map((a) => h('li',
          h('span.sum-stars', { 'aria-label': `${a.rating}/5` }, '★'.repeat(a.rating)), h('q', a.text)))) : null]
      : h('p.sum-muted', t('sumNoCheckout')));
}

function minutesText(ms) {
  if (ms === null || ms === undefined) return '—';
  return ms < 60000 ? t('sumUnderMinute') : t('sumMinutes', { n: Math.round(ms / 60000) });
}

function runSheet(steps) {
  if (!steps.length) return null;
  return h('section.sum-section.sum-run', { 'data-testid': 'sum-steps' },
    h('h2', t('sumSteps')),
    h('table.sum-table', h('tbody', steps.map((s) => h('tr',
      h('td', L(s.label)), h('td.sum-muted', dateText(s.at, true)), h('td.num', minutesText(s.ms)))))));
}

// --- the facilitator's tools: print, export, share, delete --------------------------------------

async function download(path, token) {
  const response = await request('GET', path, token);
  const blob = await response.blob();
  const cd = response.headers.get('content-disposition') || '';
  const name = (cd.match(/filename="([^"]+)"/) || [])[1] || 'samenspel-export';
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function toolbar(ctx) {
  const { summary, token, role } = ctx;
  const bar = h('div.sum-toolbar.no-print', { 'data-testid': 'summary-toolbar' });
  bar.appendChild(h('button.btn.btn-primary.btn-small', { type: 'button', 'data-testid': 'summary-print',
    on: { click: () => window.print() } }, t('sumPrint')));
  if (role !== 'facilitator') return bar;
  const sid = summary.session;
  const fail = (err) => toast(errorText(err.code || 'unknown'));
  bar.appendChild(h('button.btn.btn-small', { type: 'button', 'data-testid': 'export-csv',
    on: { click: () => download(`/api/sessions/${sid}/export.zip?lang=${getLang()}`, token).catch(fail) } }, t('sumExportCsv')));
  bar.appendChild(h('button.btn.btn-small', { type: 'button', 'data-testid': 'export-json',
    on: { click: () => download(`/api/sessions/${sid}/export.json`, token).catch(fail) } }, t('sumExportJson')));
  bar.appendChild(h('a.btn.btn-small.btn-ghost', { href: `/b/${sid}`, 'data-testid': 'summary-to-board' }, t('sumToBoard')));
  return bar;
}

function sharePanel(ctx) {
  const { summary, token } = ctx;
  const sid = summary.session;
  const panel = h('section.sum-panel.no-print', { 'data-testid': 'share-panel' });
  const render = () => {
    const on = ctx.summary.shared;
    panel.replaceChildren(...[
      h('h2', t('sumShareTitle')),
      h('p.sum-muted', t('sumShareLead')),
      h('p', { 'data-testid': 'share-state' }, on ? t('sumShareOn') : t('sumShareOff')),
      ctx.shareUrl ? h('div.sum-share-url',
        h('input', { type: 'text', readonly: true, value: ctx.shareUrl, 'data-testid': 'share-url', 'aria-label': t('sumShareTitle') }),
        h('button.btn.btn-small', { type: 'button', on: { click: () => copyText(ctx.shareUrl).then(() => toast(t('copied'), 'ok')) } }, t('copy'))) : null,
      h('div.sum-actions',
        h('button.btn.btn-small', { type: 'button', 'data-testid': 'share-create', on: { click: create } },
          on ? t('sumShareNew') : t('sumShareCreate')),
        on ? h('button.btn.btn-small', { type: 'button', 'data-testid': 'share-off', on: { click: off } }, t('sumShareStop')) : null),
    ].filter(Boolean));
  };
  async function create() {
    try {
      const res = await (await request('POST', `/api/sessions/${sid}/share`, token)).json();
      ctx.shareUrl = res.share_url;
      ctx.summary.shared = true;
      render();
    } catch (err) { toast(errorText(err.code || 'unknown')); }
  }
  async function off() {
    try {
      await request('DELETE', `/api/sessions/${sid}/share`, token);
      ctx.shareUrl = null;
      ctx.summary.shared = false;
      render();
    } catch (err) { toast(errorText(err.code || 'unknown')); }
  }
  render();
  return panel;
}

function deletePanel(ctx, onDeleted) {
  const sid = ctx.summary.session;
  const panel = h('section.sum-panel.sum-danger.no-print', { 'data-testid': 'delete-panel' });
  let confirming = false;
  const render = () => {
    panel.replaceChildren(
      h('h2', t('sumDeleteTitle')),
      h('p.sum-muted', t('sumDeleteLead')),
      confirming
        ? h('div.sum-confirm', { role: 'alertdialog', 'aria-labelledby': 'sum-confirm-q' },
          h('p#sum-confirm-q', h('strong', t('sumDeleteConfirm'))),
          h('div.sum-actions',
            h('button.btn.btn-small.danger.confirm', { type: 'button', 'data-testid': 'delete-confirm', on: { click: remove } }, t('sumDeleteYes')),
            h('button.btn.btn-small', { type: 'button', 'data-testid': 'delete-cancel', on: { click: () => { confirming = false; render(); } } }, t('cancel'))))
        : h('button.btn.btn-small.danger', { type: 'button', 'data-testid': 'delete-session', on: { click: () => { confirming = true; render(); } } }, t('sumDelete')));
  };
  async function remove() {
    try {
      await request('DELETE', `/api/sessions/${sid}`, ctx.token);
      store.forgetFacilitator(sid);
      onDeleted();
    } catch (err) { toast(errorText(err.code || 'unknown')); }
  }
  render();
  return panel;
}

// --- the page ---------------------------------------------------------------------------------

function header() {
  return h('header.site-head.no-print',
    h('a.brand', { href: '/' },
      h('span.brand-mark', { 'aria-hidden': 'true' }, h('span.bm1'), h('span.bm2')),
      h('span.brand-name', t('app'))),
    h('span.site-tagline', t('sumTitle')),
    langSwitch());
}

function documentView(summary, token, kinds) {
  const groups = summary.groups;
  const cover = h('section.sum-cover', { 'data-testid': 'summary-cover' },
    h('p.sum-kicker', t('sumKicker')),
    h('h1', { 'data-testid': 'summary-title' }, summary.title || t('app')),
    h('p.sum-date', dateText(summary.created_at)),
    h('p.sum-muted', summary.closed_at ? t('sumClosedAt', { at: dateText(summary.closed_at, true) }) : t('sumNotClosed')),
    h('p.sum-muted', t('sumParticipants', { n: summary.participants })),
    groups.length > 1 ? legend(groups) : null,
    expiryNote(summary));
  const parts = [cover];
  for (const board of summary.boards) {
    if (summary.boards.length > 1) parts.push(h('h2.sum-board-title', L(board.title)));
    // each section by its kind (the registry), in the template's order
    for (const { kind, section } of summaryBlocks(board, summary.order?.[board.id], kinds)) {
      parts.push(kind.summary(section, { groups, board, session: summary.session, auth: `Bearer ${token}` }));
    }
  }
  parts.push(checkoutSection(summary.checkout));
  parts.push(runSheet(summary.steps));
  return h('article.summary', { 'data-testid': 'summary' }, parts);
}

function expiryNote(summary) {
  return summary.expires_at
    ? h('p.sum-expiry', { 'data-testid': 'summary-expiry' }, t('sumExpires', { at: dateText(summary.expires_at) }))
    : null;
}

/** A CSS string holding `text` as it is (the session's name is typed by the facilitator). */
function cssString(text) {
  return `"${String(text).replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/** The printed pages' margins: the session's name on top, "pagina N van M" below (@page in summary.css).
 * A constructed style sheet: the page's Content-Security-Policy (style-src 'self') refuses a <style>. */
const marks = typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in document ? new CSSStyleSheet() : null;
function pageMarks(title) {
  if (!marks) return;
  if (!document.adoptedStyleSheets.includes(marks)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, marks];
  // 'pagina {n} van {m}' -> "pagina " counter(page) " van " counter(pages)
  const number = t('sumPageOf').split(/(\{n\}|\{m\})/).filter(Boolean)
    .map((part) => (part === '{n}' ? 'counter(page)' : part === '{m}' ? 'counter(pages)' : cssString(part))).join(' ');
  marks.replaceSync(`@page { @top-left { content: ${cssString(title)}; } @bottom-right { content: ${number}; } }`);
}

function message(root, key) {
  root.replaceChildren(h('div.site.summary-page', header(), h('main.site-main.narrow',
    h('div.notice-card', { 'data-testid': 'summary-message' }, h('h1', t(key)),
      h('a.btn.btn-primary', { href: '/' }, t('toStart'))))));
}

export function mountSummary(root, session, fragment) {
  const secret = fragment.get('f');
  if (secret) {
    store.setFacilitator(session, secret);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const share = fragment.get('k');
  const token = share || store.facilitator(session);
  const ctx = { summary: null, kinds: {}, token, role: null, shareUrl: null, gone: null };
  const render = () => {
    if (ctx.gone) { message(root, ctx.gone); return; }
    if (!ctx.summary) return;
    const s = ctx.summary;
    document.title = `${s.title || t('app')} · ${t('sumTitle')}`;
    pageMarks(s.title || t('app'));
    const tools = ctx.role === 'facilitator'
      ? h('div.sum-tools.no-print', sharePanel(ctx), deletePanel(ctx, () => { ctx.gone = 'sumDeleted'; render(); }))
      : null;
    root.replaceChildren(h('div.site.summary-page', header(),
      h('main.sum-main', toolbar(ctx), documentView(s, ctx.token, ctx.kinds), tools)));
  };
  onLangChange(render);
  if (!token) { ctx.gone = 'sumNoAccess'; render(); return; }
  root.replaceChildren(h('div.site.summary-page', header(), h('main.site-main', h('p.loading', t('loading')))));
  request('GET', `/api/sessions/${encodeURIComponent(session)}/summary`, token)
    .then((r) => r.json())
    // the blocks of the kinds this summary has (their modules are loaded only here)
    .then(async (summary) => {
      ctx.kinds = await loadSummaries(summary.boards.flatMap((b) => Object.keys(b).filter((k) => b[k]?.length > 0)));
      ctx.summary = summary;
      ctx.role = summary.role;
      render();
    })
    .catch((err) => {
      if (err.status === 404) ctx.gone = 'sumGone';
      else if (err.code === 'bad_token' && share) ctx.gone = 'sumShareRevoked';
      else if (err.code === 'bad_token' || err.code === 'forbidden') { store.forgetFacilitator(session); ctx.gone = 'badFacLink'; }
      else if (err.code === 'rate_limited') ctx.gone = 'sumRateLimited';
      else ctx.gone = 'sumUnavailable';
      render();
    });
}
