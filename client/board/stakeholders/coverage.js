// The map's counters: how many categories (aim: at most ten), how many open assumptions, and
// which of the three kinds of knowledge are represented, with warnings for what is missing.

import { h, setText, toggle, attr } from '../../dom.js';
import { t, L } from '../../i18n.js';
import { norm } from './model.js';

/** {stats, coverage, warnings}: elements for the map card; update(vis) with the post-its on the map. */
export function createCoverage(sh) {
  const { section, kinds, kindColour } = sh;
  const catN = h('span.sh-stat-n');
  const catAim = h('span.sh-stat-aim');
  const catStat = h('span.sh-stat', { 'data-testid': 'category-count' }, catN, catAim);
  const assumeStat = h('span.sh-stat.sh-stat-assume', { 'data-testid': 'open-assumptions-badge' });
  const kChips = kinds.map((k) => {
    const n = h('span.k-n');
    const mark = h('span.k-mark', { 'aria-hidden': 'true' });
    const chip = h('span.k-chip', { 'data-testid': `knowledge-${k.id}`, style: { '--k': kindColour(k.id) }, title: L(k.hint) },
      mark, h('span.k-label', L(k.label)), n);
    return { k, chip, n, mark };
  });
  const coverage = h('div.sh-coverage', { 'data-testid': 'knowledge-coverage' },
    h('span.sh-coverage-label', t('knowledgeLabel')), kChips.map((c) => c.chip));
  const missing = h('div.warning.sh-warning', { 'data-testid': 'knowledge-missing', role: 'status', hidden: true });
  const catWarn = h('div.warning.sh-warning', { 'data-testid': 'category-warning', role: 'status', hidden: true });

  function update(vis) {
    // categories, kinds of knowledge, open assumptions
    const cats = new Set(vis.map((s) => norm(s.category)).filter(Boolean));
    const max = section.recommended_max_categories;
    setText(catN, cats.size === 1 ? t('categories1') : t('categories', { n: cats.size }));
    setText(catAim, `· ${t('categoriesAim', { max })}`);
    attr(catStat, 'title', t('categoriesAim', { max }));
    attr(catStat, 'data-count', String(cats.size));
    toggle(catStat, 'warn', cats.size > max);
    catWarn.hidden = cats.size <= max;
    if (cats.size > max) setText(catWarn, t('categoriesOver', { n: cats.size, max }));
    const open = vis.filter((s) => s.assumption).length;
    setText(assumeStat, open === 0 ? t('openAssumptions0') : open === 1 ? t('openAssumptions1') : t('openAssumptions', { n: open }));
    attr(assumeStat, 'data-count', String(open));
    toggle(assumeStat, 'open', open > 0);
    const absent = [];
    for (const { k, chip, n, mark } of kChips) {
      const count = vis.filter((s) => s.knowledge.includes(k.id)).length;
      setText(n, String(count));
      toggle(chip, 'covered', count > 0);
      toggle(chip, 'missing', count === 0);
      attr(chip, 'data-covered', count > 0 ? 'true' : 'false');
      setText(mark, count > 0 ? '✓' : '!');
      if (!count) absent.push(k);
    }
    missing.hidden = !absent.length || !vis.length;
    toggle(coverage, 'none-yet', !vis.length); // an empty map is not yet missing anything
    if (absent.length) {
      setText(missing, t('knowledgeMissing', {
        kinds: absent.map((k) => `${L(k.label).toLocaleLowerCase('nl')} (${L(k.hint)})`).join(', '),
      }));
    }
  }
  return { stats: [catStat, assumeStat], coverage, warnings: [missing, catWarn], update };
}
