// Every page that spans the projects, made from the published indicators.json of every project
// listed (renderPages in scripts/site/build-site.ts, for a build and for `assemble` alike): the
// index, the filter and sorted list pages, the search page and the comparison pages. The order of
// `listed` does not matter: a site assembled from shards gets the same pages byte for byte. Pure.
import type { Language } from '../messages.ts';
import type { Indicators } from '../publish/indicators-schema.ts';
import { compareLinks, comparePages, type ComparePage } from './compare-pages.ts';
import { facetsOf } from './facets.ts';
import { listPages, type ListPage, type SiteMap } from './list-pages.ts';
import { registerPage, type RegisterPage } from './register-page.ts';
import { PORTFOLIO_CSV, PORTFOLIO_JSON } from './portfolio-data.ts';

/** The top-level folder of the portfolio's pages (a name no project may have: scripts/site/projects.ts). */
export const PORTFOLIO_DIR = 'portfolio';

export interface PortfolioSite {
  index: ListPage;
  lists: ListPage[];
  compares: ComparePage[];
  register: RegisterPage;
}

/** The site's language: Swedish unless every report is English. */
export const siteLanguage = (listed: readonly Indicators[]): Language => (listed.length > 0 && listed.every((r) => r.report.language === 'en') ? 'en' : 'sv');

export function portfolioSite(listed: readonly Indicators[]): PortfolioSite {
  const reports = [...listed].sort((a, b) => (a.report.slug < b.report.slug ? -1 : a.report.slug > b.report.slug ? 1 : 0));
  const lang = siteLanguage(reports);
  const map: SiteMap = { lang, facets: facetsOf(reports), compare: compareLinks(reports, lang) };
  const [index, ...lists] = listPages(reports, map);
  return { index: index!, lists, compares: comparePages(reports, map), register: registerPage(reports, map) };
}

/** What renderPages writes beside the projects' folders: made anew from every project listed (assemble copies none of it from a shard). */
export const SITE_WIDE = ['index.html', PORTFOLIO_DIR, PORTFOLIO_JSON, PORTFOLIO_CSV] as const;

/**
 * The pages across the projects that axe-core checks after a build: the index, and of every other
 * template the page with the fewest rows (a list, a share's comparison with an interval drawn, a
 * count's comparison, the search page). The pages of one template differ only in how many reports they list, and axe-core takes
 * seconds on a list of 200 (about 5 s for the index of 200 on a loaded 2-core machine).
 */
export function pagesToCheck(site: PortfolioSite): string[] {
  const smallest = <P extends { url: string }>(pages: P[], size: (p: P) => number) => [...pages].sort((a, b) => size(a) - size(b) || (a.url < b.url ? -1 : 1)).slice(0, 1).map((p) => p.url);
  return [
    site.index.url,
    ...smallest(site.lists, (l) => l.entries.length),
    ...smallest(site.compares.filter((c) => c.kind === 'share' && c.rows.some((r) => r.draw !== null)), (c) => c.rows.length),
    ...smallest(site.compares.filter((c) => c.kind === 'count'), (c) => c.rows.length),
    site.register.url,
  ];
}
