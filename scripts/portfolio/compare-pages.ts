// A page per compared figure (PORTFOLIO_FIGURES): every project that publishes it, with its value,
// base and Wilson 95 % interval exactly as its own indicators.json publishes them (after its own
// disclosure control), hidden cells marked as the project marks them, sorted by the value. A
// share's interval is drawn in the table (a dot and a line on a 0–100 % scale, CSS positioned,
// so the text stays the page's own text at every width). Nothing is summed, differenced or
// re-derived across projects: no total row, no mean, no rank number. Pure.
import { messages, t, type Language, type MessageKey } from '../messages.ts';
import { formatFigure, formatInterval, formatNumber, formatPercent, hiddenMark, MARKS } from '../format.ts';
import type { Figure, Indicators } from '../publish/indicators-schema.ts';
import { PORTFOLIO_FIGURES } from './portfolio-data.ts';
import { compareText } from './facets.ts';
import { totalFigure } from './list-entry.ts';
import { navOf, upFrom, type Link, type Nav, type Place, type SiteMap } from './list-pages.ts';

const GENDERS = ['all', 'woman', 'man', 'other'] as const satisfies readonly Figure['gender'][];

export interface CompareRow {
  slug: string;
  lang: Language;
  title: string;
  cells: string[];
  /** The share and its interval in percent of the scale, for the drawing (null when hidden). */
  draw: { value: number; lo: number; width: number } | null;
}

export interface ComparePage extends Place {
  lang: Language;
  m: Readonly<Record<string, string>>;
  title: string;
  description: string;
  heading: string;
  kind: 'share' | 'count';
  caption: string;
  headers: string[];
  /** A share's drawing: the scale's labels (0, 50 and 100 %). */
  axis: string[];
  rows: CompareRow[];
  notes: string[];
  /** A share's pages, one per gender: links between them. */
  genders: Link[];
  missing: string | null;
  nav: Nav;
}

export const compareUrl = (id: string, gender: Figure['gender'] = 'all') => `portfolio/compare/${id}${gender === 'all' ? '' : `.${gender}`}.html`;
export const figureName = (id: string, lang: Language) => t(lang, `portfolio.figure.${id}` as MessageKey);

/** The compared figures that some project publishes, with their kind and genders. */
export function comparedFigures(listed: readonly Indicators[]): Array<{ id: string; kind: 'share' | 'count'; genders: Figure['gender'][] }> {
  return PORTFOLIO_FIGURES.flatMap((id) => {
    const found = listed.flatMap((ind) => GENDERS.map((g) => totalFigure(ind, id, g)).filter((f) => f !== undefined));
    if (found.length === 0 || (found[0]!.kind !== 'share' && found[0]!.kind !== 'count')) return [];
    return [{ id, kind: found[0]!.kind, genders: GENDERS.filter((g) => found.some((f) => f.gender === g)) }];
  });
}

const pct = (x: number) => Math.round(x * 1000) / 10;

function shareRow(ind: Indicators, f: Figure, lang: Language): CompareRow {
  const hidden = f.value === null;
  return {
    slug: ind.report.slug,
    lang: ind.report.language,
    title: ind.report.title,
    cells: [
      formatFigure(f, lang),
      f.denominator === undefined ? (hidden ? hiddenMark(f) : MARKS.nil) : formatNumber(f.denominator, lang),
      f.ci95 ? formatInterval(f.ci95[0], f.ci95[1], lang) : hidden ? hiddenMark(f) : MARKS.nil,
    ],
    draw: f.value !== null && f.ci95 ? { value: pct(f.value), lo: pct(f.ci95[0]), width: Math.round((pct(f.ci95[1]) - pct(f.ci95[0])) * 10) / 10 } : null,
  };
}

/** Highest value first, hidden values last; ties in title order. */
function byValue(a: { f: Figure | undefined; ind: Indicators }, b: { f: Figure | undefined; ind: Indicators }): number {
  const [va, vb] = [a.f?.value ?? null, b.f?.value ?? null];
  return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || (vb ?? 0) - (va ?? 0) || compareText(a.ind.report.title, b.ind.report.title) || compareText(a.ind.report.slug, b.ind.report.slug);
}

/** The legend for the marks shown; each project hides by its own limit, all of them named when they differ. */
function legends(rows: CompareRow[], listed: readonly Indicators[], lang: Language): string[] {
  const shown = new Set(rows.flatMap((r) => r.cells));
  const withMarks = new Set(rows.filter((r) => r.cells.some((c) => c === MARKS.primary || c === MARKS.secondary)).map((r) => r.slug));
  const ks = [...new Set(listed.filter((i) => withMarks.has(i.report.slug)).map((i) => i.report.disclosure.min_count))].sort((a, b) => a - b);
  const k = ks.map((n) => formatNumber(n, lang)).join('/');
  const lines = (['primary', 'secondary'] as const).filter((m) => shown.has(MARKS[m])).map((m) => t(lang, `legend.${m}`, { mark: MARKS[m], k }));
  return [...lines, ...(ks.length > 1 ? [t(lang, 'portfolio.legend_k', { ks: k })] : []), ...(shown.has(MARKS.nil) ? [t(lang, 'portfolio.legend_nil')] : [])];
}

function page(map: SiteMap, url: string, fields: Omit<ComparePage, keyof Place | 'lang' | 'm' | 'description' | 'nav' | 'title'>): ComparePage {
  const lang = map.lang;
  const here = { url, up: upFrom(url) };
  return { ...here, lang, m: messages[lang], title: `${fields.heading} – ${t(lang, 'report.site_title')}`, description: fields.heading, nav: navOf(map, here), ...fields };
}

function sharePages(listed: readonly Indicators[], map: SiteMap, id: string, genders: Figure['gender'][]): ComparePage[] {
  const lang = map.lang;
  const heading = t(lang, 'portfolio.compare_title', { figure: figureName(id, lang) });
  return genders.map((gender) => {
    const url = compareUrl(id, gender);
    const found = listed.map((ind) => ({ ind, f: totalFigure(ind, id, gender) })).filter((x) => x.f !== undefined).sort(byValue);
    const rows = found.map(({ ind, f }) => shareRow(ind, f!, lang));
    const links = genders.map((g) => ({ text: t(lang, `portfolio.gender.${g}`), href: `${upFrom(url)}${compareUrl(id, g)}`, current: g === gender, count: null }));
    const headers = [t(lang, 'portfolio.col.project'), t(lang, 'chart.col.share'), t(lang, 'portfolio.col.base'), t(lang, 'portfolio.col.interval')];
    const missing = listed.length - found.length;
    return page(map, url, {
      heading, kind: 'share', headers, rows, genders: links, axis: [0, 0.5, 1].map((x) => formatPercent(x, lang)),
      caption: t(lang, 'portfolio.compare_caption', { figure: figureName(id, lang), gender: t(lang, `gender.${gender}`) }),
      notes: [t(lang, 'portfolio.compare_sorted'), t(lang, 'portfolio.compare_columns'), t(lang, 'portfolio.compare_interval_note'), ...legends(rows, listed, lang)],
      missing: missing > 0 ? t(lang, 'portfolio.compare_missing', { n: formatNumber(missing, lang) }) : null,
    });
  });
}

function countPage(listed: readonly Indicators[], map: SiteMap, id: string, genders: Figure['gender'][]): ComparePage {
  const lang = map.lang;
  const found = listed.map((ind) => ({ ind, f: totalFigure(ind, id), all: genders.map((g) => totalFigure(ind, id, g)) })).filter((x) => x.all.some((f) => f !== undefined)).sort(byValue);
  const rows = found.map(({ ind, all }) => ({ slug: ind.report.slug, lang: ind.report.language, title: ind.report.title, cells: all.map((f) => (f ? formatFigure(f, lang) : MARKS.nil)), draw: null }));
  const missing = listed.length - found.length;
  return page(map, compareUrl(id), {
    heading: t(lang, 'portfolio.compare_title', { figure: figureName(id, lang) }),
    kind: 'count', rows, genders: [], axis: [],
    headers: [t(lang, 'portfolio.col.project'), ...genders.map((g) => t(lang, `portfolio.gender.${g}`))],
    caption: t(lang, 'portfolio.compare_count_caption', { figure: figureName(id, lang) }),
    notes: [t(lang, 'portfolio.compare_sorted'), ...legends(rows, listed, lang)],
    missing: missing > 0 ? t(lang, 'portfolio.compare_missing', { n: formatNumber(missing, lang) }) : null,
  });
}

export function comparePages(listed: readonly Indicators[], map: SiteMap): ComparePage[] {
  return comparedFigures(listed).flatMap(({ id, kind, genders }) => (kind === 'share' ? sharePages(listed, map, id, genders) : [countPage(listed, map, id, genders)]));
}

/** The navigation's links to the comparisons (a share's page for everyone). */
export function compareLinks(listed: readonly Indicators[], lang: Language): SiteMap['compare'] {
  return comparedFigures(listed).map(({ id }) => ({ url: compareUrl(id), text: figureName(id, lang) }));
}
