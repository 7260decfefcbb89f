// What the Eleventy configuration registers: the stylesheet, favicon and robots.txt as passthrough copies, and the
// reports as global data (given by the build, which computed them).
import type { ReportView } from './report-view.ts';
import type { Language } from '../messages.ts';
import { messages } from '../messages.ts';

/** Minimal surface of Eleventy's UserConfig that we use (Eleventy ships no types for it). */
export interface EleventyConfig {
  addPassthroughCopy(spec: Record<string, string> | string): unknown;
  addGlobalData(name: string, value: unknown): unknown;
  setQuietMode?(quiet: boolean): unknown;
}

export function registerSite(cfg: EleventyConfig): void {
  cfg.addPassthroughCopy({ 'templates/assets': 'assets', 'templates/robots.txt': 'robots.txt' });
}

/** The site index's data: language and texts of the site (Swedish unless every report is English). */
export function siteData(reports: ReportView[]): { lang: Language; m: Record<string, string> } {
  const lang: Language = reports.length > 0 && reports.every((r) => r.lang === 'en') ? 'en' : 'sv';
  return { lang, m: messages[lang] };
}
