// The portfolio's lists as static pages (the pages forbid script, so a filter or a sort is a page
// of its own): the index (every report, by title), one page per value of each facet, and the
// whole list sorted by period and by size. Each page carries the same navigation, with counts
// of reports per value and the current page marked. Pure: indicators in, page models out.
import { messages, t, type Language, type MessageKey } from '../messages.ts';
import { formatNumber } from '../format.ts';
import type { Indicators } from '../publish/indicators-schema.ts';
import { compareText, type Facet, type FacetValue } from './facets.ts';
import { indexEntry, totalFigure, type IndexEntry } from './list-entry.ts';

export const SORTS = ['title', 'period', 'size'] as const;
export type SortKey = (typeof SORTS)[number];

export interface Link { text: string; href: string; current: boolean; count: string | null }
export interface NavGroup { key: string; heading: string; /** How many values. */ size: string; links: Link[]; open: boolean; note: string | null }

/** Where a page is (its output path) and how to reach the site's root from it. */
export interface Place { url: string; up: string }

export interface Nav {
  groups: NavGroup[];
  sorts: Link[];
  search: Link;
  compare: Link[];
  all: Link;
}

export interface ListPage extends Place {
  lang: Language;
  m: Readonly<Record<string, string>>;
  title: string;
  description: string;
  /** The facet and value the page lists (null for the index and the sorted lists). */
  facet: { heading: string; value: string } | null;
  count: string;
  sortedBy: string;
  entries: IndexEntry[];
  nav: Nav;
}

/** What every page's navigation links to: the facets' values, the sorts, the search and comparisons. */
export interface SiteMap {
  lang: Language;
  facets: Facet[];
  compare: Array<{ url: string; text: string }>;
}

export const facetUrl = (v: Pick<FacetValue, 'facet' | 'file'>) => `portfolio/${v.facet}/${v.file}.html`;
export const sortUrl = (s: SortKey) => (s === 'title' ? 'index.html' : `portfolio/sort/${s}.html`);
export const SEARCH_URL = 'portfolio/search/titles-and-units.html';
/** The root of the site from a page at `url` ("" from index.html, "../../" from portfolio/x/y.html). */
export const upFrom = (url: string) => '../'.repeat(url.split('/').length - 1);

export const reportCount = (n: number, lang: Language) => (n === 1 ? t(lang, 'portfolio.count_one') : t(lang, 'portfolio.count', { n: formatNumber(n, lang) }));

/** A facet value's text for readers: a goal status's words, else the value as written. */
export const valueText = (v: Pick<FacetValue, 'facet' | 'value'>, lang: Language) => (v.facet === 'goals' ? t(lang, `portfolio.goals.${v.value}` as MessageKey) : v.value);

const link = (here: Place, url: string, text: string, count: string | null = null): Link => ({ text, href: `${here.up}${url}`, current: url === here.url, count });

/** A facet with many values starts folded (a <details>, which needs no script). */
const OPEN_UP_TO = 12;

/**
 * The navigation of a page at `here`. On the lists of every report (`unfolded`) a facet shows its
 * values unless it has many; elsewhere only the facet of the current page is unfolded.
 */
export function navOf(map: SiteMap, here: Place, unfolded = false): Nav {
  const { lang } = map;
  const groups = map.facets.map((f) => ({
    key: f.key,
    heading: t(lang, f.heading),
    size: formatNumber(f.values.length, lang),
    links: f.values.map((v) => link(here, facetUrl(v), valueText(v, lang), formatNumber(v.slugs.length, lang))),
    open: (unfolded && f.values.length <= OPEN_UP_TO) || f.values.some((v) => facetUrl(v) === here.url),
    note: [f.missing > 0 ? t(lang, 'portfolio.facet.missing', { n: formatNumber(f.missing, lang) }) : '', f.key === 'year' ? t(lang, 'portfolio.year_note') : ''].filter(Boolean).join(' ') || null,
  }));
  return {
    groups: groups.filter((g) => g.links.length > 0),
    sorts: SORTS.map((s) => link(here, sortUrl(s), t(lang, `portfolio.sort.${s}`))),
    search: link(here, SEARCH_URL, t(lang, 'portfolio.search_link')),
    compare: map.compare.map((c) => link(here, c.url, c.text)),
    all: link(here, 'index.html', t(lang, 'portfolio.all_reports')),
  };
}

/** The whole project's participants enrolled as published; null when hidden or not published. */
const size = (ind: Indicators) => totalFigure(ind, 'participants.enrolled')?.value ?? null;
const byTitle = (a: Indicators, b: Indicators) => compareText(a.report.title, b.report.title) || compareText(a.report.slug, b.report.slug);
const ORDER: Record<SortKey, (a: Indicators, b: Indicators) => number> = {
  title: byTitle,
  period: (a, b) => compareText(b.report.period.to, a.report.period.to) || compareText(b.report.period.from, a.report.period.from) || byTitle(a, b),
  size: (a, b) => (size(a) === null ? 1 : 0) - (size(b) === null ? 1 : 0) || (size(b) ?? 0) - (size(a) ?? 0) || byTitle(a, b),
};

export function sorted(listed: readonly Indicators[], by: SortKey): Indicators[] {
  return [...listed].sort(ORDER[by]);
}

function listPage(map: SiteMap, url: string, reports: Indicators[], by: SortKey, facet: ListPage['facet']): ListPage {
  const { lang } = map;
  const here = { url, up: upFrom(url) };
  const siteTitle = t(lang, 'report.site_title');
  return {
    ...here,
    lang,
    m: messages[lang],
    title: facet ? `${facet.heading}: ${facet.value} – ${siteTitle}` : url === 'index.html' ? siteTitle : `${siteTitle} (${t(lang, `portfolio.sort.${by}`)})`,
    description: t(lang, 'report.site_description'),
    facet,
    count: reportCount(reports.length, lang),
    sortedBy: t(lang, 'portfolio.sorted_by', { by: t(lang, `portfolio.sort.${by}`) }),
    entries: sorted(reports, by).map(indexEntry),
    nav: navOf(map, here, facet === null),
  };
}

/** The index, the sorted lists and every facet value's page. */
export function listPages(listed: readonly Indicators[], map: SiteMap): ListPage[] {
  const bySlug = new Map(listed.map((ind) => [ind.report.slug, ind]));
  const pages = SORTS.map((s) => listPage(map, sortUrl(s), [...listed], s, null));
  for (const f of map.facets)
    for (const v of f.values) pages.push(listPage(map, facetUrl(v), v.slugs.map((s) => bySlug.get(s)!), 'title', { heading: t(map.lang, f.heading), value: valueText(v, map.lang) }));
  return pages;
}

