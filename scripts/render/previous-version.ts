// The appendix "Ändringar sedan föregående version": the previous version's indicators.json
// (named in the configuration's previous_version) compared with this build's, formatted for the page.
import type { Config } from '../config/schema.ts';
import { diffIndicators, loadPreviousVersion, type IndicatorsDiff } from '../publish/diff-indicators.ts';
import type { Figure, Indicators } from '../publish/indicators-schema.ts';
import { t, type Language, type MessageKey } from '../messages.ts';
import { formatDate, formatNumber, formatPercent } from '../format.ts';
import { formatFigure } from '../format.ts';

export interface ChangesView {
  intro: string;
  summary: string;
  figures: { figure: string; unit: string; gender: string; category: string; old: string; new: string; change: string }[];
  goals: { goal: string; unit: string; old: string; new: string }[];
}

/** Old and new value formatted; one more decimal when the usual rounding would show them equal. */
export function formatChange(o: Figure | null, n: Figure | null, lang: Language): [string, string] {
  const plain = (f: Figure | null) => (f ? formatFigure(f, lang) : '–');
  const a = plain(o);
  const b = plain(n);
  if (a !== b || o?.value == null || n?.value == null) return [a, b];
  const fine = (f: Figure) => (f.kind === 'share' ? formatPercent(f.value!, lang, 1) : f.kind === 'count' ? formatNumber(f.value!, lang) : formatNumber(f.value!, lang, 3));
  return [fine(o), fine(n)];
}

export function changesView(diff: IndicatorsDiff, pv: NonNullable<Config['previous_version']>, lang: Language): ChangesView {
  const m = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const unit = (u: string) => (u === 'total' ? m('unit.total') : u);
  const met = (x: boolean | null | undefined) => m(x === undefined ? 'goals.not_measured' : x === null ? 'goals.suppressed' : x ? 'goals.met' : 'goals.not_met');
  const n = (c: string) => diff.figures.filter((f) => f.change === c).length;
  return {
    intro: m('changes.intro', { label: pv.label, published: pv.published ? formatDate(pv.published, lang) : '–' }),
    summary: m('changes.summary', { changed: n('changed'), added: n('added'), removed: n('removed'), goals: diff.goals.length }),
    figures: diff.figures.map((f) => ({
      figure: f.label, unit: unit(f.unit), gender: m(`gender.${f.gender}`), category: f.category ?? '',
      ...(([old, now]) => ({ old, new: now }))(formatChange(f.old, f.new, lang)), change: m(`changes.${f.change}`),
    })),
    goals: diff.goals.map((g) => ({ goal: g.label, unit: unit(g.unit), old: met(g.old), new: met(g.new) })),
  };
}

/** The appendix's page model for one project, or null without previous_version. */
export function previousVersionChanges(root: string, slug: string, config: Config, current: Indicators): ChangesView | null {
  const prev = loadPreviousVersion(root, slug, config);
  return prev ? changesView(diffIndicators(prev, current), config.previous_version!, current.report.language) : null;
}
