// What the Eleventy configuration registers: the stylesheet, favicon and robots.txt as passthrough copies, and the
// reports as global data (given by the build, which computed them).
import type { Language } from '../messages.ts';
import { messages } from '../messages.ts';
import type { Indicators } from '../publish/indicators-schema.ts';
import type { IndexEntry } from '../portfolio/list-entry.ts';
import { portfolioSite, type PortfolioSite } from '../portfolio/site-pages.ts';
import { PORTFOLIO_CSV, PORTFOLIO_JSON } from '../portfolio/portfolio-data.ts';

/** Minimal surface of Eleventy's UserConfig that we use (Eleventy ships no types for it). */
export interface EleventyConfig {
  addPassthroughCopy(spec: Record<string, string> | string): unknown;
  addGlobalData(name: string, value: unknown): unknown;
  setQuietMode?(quiet: boolean): unknown;
}

export function registerSite(cfg: EleventyConfig): void {
  cfg.addPassthroughCopy({ 'templates/assets': 'assets', 'templates/robots.txt': 'robots.txt' });
}

export { indexEntry, type IndexEntry } from '../portfolio/list-entry.ts';

/**
 * The data of every page that spans the projects (the index, the filter and sorted lists, the
 * search page, the comparisons: scripts/portfolio/site-pages.ts), from every report listed; the
 * site's language and texts (Swedish unless every report is English).
 */
export function siteData(reports: Indicators[]): { lang: Language; m: Record<string, string>; index: IndexEntry[]; indexPages: [PortfolioSite['index']]; searchPages: [PortfolioSite['register']]; portfolio: PortfolioSite; downloads: { csv: string; json: string } } {
  const portfolio = portfolioSite(reports);
  const lang = portfolio.index.lang;
  return { lang, m: messages[lang], index: portfolio.index.entries, indexPages: [portfolio.index], searchPages: [portfolio.register], portfolio, downloads: { csv: PORTFOLIO_CSV, json: PORTFOLIO_JSON } };
}
