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
 * The pages across the projects that axe-core checks after a build: the index, a sorted list, the
 * first page of each facet, every comparison for everyone and the search page (each template and
 * each kind of page, without checking hundreds of pages that differ only in their list).
 */
export function pagesToCheck(site: PortfolioSite): string[] {
  const firstOfFacet = new Map<string, string>();
  for (const l of site.lists) if (l.facet && !firstOfFacet.has(l.url.split('/')[1]!)) firstOfFacet.set(l.url.split('/')[1]!, l.url);
  return [site.index.url, ...site.lists.filter((l) => !l.facet).map((l) => l.url), ...firstOfFacet.values(), ...site.compares.filter((c) => !/\.(woman|man|other)\.html$/.test(c.url)).map((c) => c.url), site.register.url];
}
