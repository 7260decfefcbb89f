// What the Eleventy configuration registers: the stylesheet, favicon and robots.txt as passthrough copies, and the
// reports as global data (given by the build, which computed them).
import type { Language } from '../messages.ts';
import { messages, t } from '../messages.ts';
import { formatDate } from '../format.ts';
import type { Indicators } from '../publish/indicators-schema.ts';
import { emblemView, type EmblemView } from './branding.ts';
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

/** One report on the site index, from its indicators alone (a report built earlier is listed too). */
export interface IndexEntry {
  slug: string;
  lang: Language;
  title: string;
  subtitle: string | null;
  period: string;
  evaluator: string;
  /** How many of the goals measured for the whole project are met. */
  goalSummary: string;
  /** The EU emblem with its statement, for a report of an EU-funded project (report.funding). */
  emblem: EmblemView | null;
  /** For an example with made-up data (report.synthetic), the sentence that says so. */
  synthetic: { text: string } | null;
  m: Readonly<Record<string, string>>;
}

export function indexEntry(ind: Indicators): IndexEntry {
  const lang = ind.report.language;
  const total = ind.goals.filter((g) => g.measured).map((g) => g.results.find((r) => r.unit === 'total')).filter((r) => r !== undefined);
  return {
    slug: ind.report.slug,
    lang,
    title: ind.report.title,
    subtitle: ind.report.subtitle ?? null,
    period: `${formatDate(ind.report.period.from, lang)} – ${formatDate(ind.report.period.to, lang)}`,
    evaluator: ind.report.evaluator,
    goalSummary: `${total.filter((r) => r.met === true).length} ${t(lang, 'report.of')} ${total.length} ${t(lang, 'report.goals_summary')}`,
    emblem: emblemView(ind.report.funding, lang),
    synthetic: ind.report.synthetic ? { text: t(lang, 'report.synthetic') } : null,
    m: messages[lang],
  };
}

/** The site index's data: every report listed, by slug; the site's language and texts (Swedish unless every report is English). */
export function siteData(reports: Indicators[]): { lang: Language; m: Record<string, string>; index: IndexEntry[]; downloads: { csv: string; json: string } } {
  const lang: Language = reports.length > 0 && reports.every((r) => r.report.language === 'en') ? 'en' : 'sv';
  return { lang, m: messages[lang], index: reports.map(indexEntry).sort((a, b) => (a.slug < b.slug ? -1 : 1)), downloads: { csv: PORTFOLIO_CSV, json: PORTFOLIO_JSON } };
}
