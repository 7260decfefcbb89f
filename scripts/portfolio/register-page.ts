// The search over titles and units, without script: one page with every report's title and every
// unit it reports (providers, places, subprojects) in alphabetical order under letter headings,
// each linked to its report(s); the browser's find searches it. Units a report does not report
// separately are left out, as on the report itself. Pure.
import { messages, t, type Language } from '../messages.ts';
import type { Indicators } from '../publish/indicators-schema.ts';
import { compareText } from './facets.ts';
import { navOf, SEARCH_URL, upFrom, type Nav, type Place, type SiteMap } from './list-pages.ts';

export interface RegisterItem {
  term: string;
  /** "rapport" for a title, "enhet i" for a unit. */
  kind: string;
  reports: Array<{ slug: string; title: string; lang: Language }>;
  lang: Language | null;
}

export interface RegisterPage extends Place {
  lang: Language;
  m: Readonly<Record<string, string>>;
  title: string;
  description: string;
  letters: Array<{ letter: string; id: string; items: RegisterItem[] }>;
  nav: Nav;
}

/** The letter a term is filed under: its first letter in capitals (Å, Ä, Ö apart, as in Swedish), else "#". */
function letterOf(term: string): string {
  const first = [...term.trim()][0]?.toLocaleUpperCase('sv') ?? '';
  if (/^[ÅÄÖ]$/.test(first)) return first;
  const plain = first.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return /^\p{L}$/u.test(plain) ? plain : '#';
}

function items(listed: readonly Indicators[], lang: Language): RegisterItem[] {
  const units = new Map<string, RegisterItem>();
  const out: RegisterItem[] = [];
  for (const ind of listed) {
    const report = { slug: ind.report.slug, title: ind.report.title, lang: ind.report.language };
    out.push({ term: ind.report.title, kind: t(lang, 'portfolio.register_title'), reports: [report], lang: ind.report.language });
    for (const u of ind.report.units.filter((x) => x.reported)) {
      const item = units.get(u.name) ?? { term: u.name, kind: t(lang, 'portfolio.register_unit'), reports: [], lang: null };
      units.set(u.name, item);
      if (!item.reports.some((r) => r.slug === report.slug)) item.reports.push(report);
    }
  }
  for (const item of units.values()) item.reports.sort((a, b) => compareText(a.title, b.title) || compareText(a.slug, b.slug));
  return [...out, ...units.values()].sort((a, b) => compareText(a.term, b.term) || compareText(a.kind, b.kind) || compareText(a.reports[0]!.slug, b.reports[0]!.slug));
}

export function registerPage(listed: readonly Indicators[], map: SiteMap): RegisterPage {
  const lang = map.lang;
  const here = { url: SEARCH_URL, up: upFrom(SEARCH_URL) };
  const letters = new Map<string, RegisterItem[]>();
  for (const item of items(listed, lang)) {
    const l = letterOf(item.term);
    if (!letters.has(l)) letters.set(l, []);
    letters.get(l)!.push(item);
  }
  const order = [...letters.keys()].sort((a, b) => (a === '#' ? 1 : b === '#' ? -1 : compareText(a, b)));
  return {
    ...here,
    lang,
    m: messages[lang],
    title: `${t(lang, 'portfolio.search')} – ${t(lang, 'report.site_title')}`,
    description: t(lang, 'portfolio.search_intro'),
    letters: order.map((letter, i) => ({ letter, id: `bokstav-${i + 1}`, items: letters.get(letter)! })),
    nav: navOf(map, here),
  };
}
