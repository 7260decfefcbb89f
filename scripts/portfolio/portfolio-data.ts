// The portfolio's own downloads, beside the index: portfolio.json (every project with its
// headline figures) and portfolio.csv (the same figures, one row each). Made ONLY from each
// project's published indicators.json, after its disclosure control: a value the gate hid is
// null here too, and nothing is summed or differenced across projects, so no combination of
// these files and the reports tells more than the reports do. Pure: no I/O.
import type { Figure, Indicators } from '../publish/indicators-schema.ts';
import { csvText } from '../publish/write-outputs.ts';
import { csvNumber, suppressionWord } from '../format.ts';

/** The figures compared across projects: the whole project's (unit "total"), by gender. */
export const PORTFOLIO_FIGURES = ['participants.enrolled', 'participants.exited', 'exit.work_or_studies', 'exit.employed', 'exit.studies'] as const;

export interface PortfolioProject {
  slug: string;
  title: string;
  commissioner: string;
  region: string | null;
  programme_area: string | null;
  period: Indicators['report']['period'];
  language: Indicators['report']['language'];
  goals: { met: number; not_met: number; other: number };
  figures: Pick<Figure, 'id' | 'label' | 'gender' | 'kind' | 'value' | 'numerator' | 'denominator' | 'ci95' | 'suppressed' | 'suppression'>[];
}

const bySlug = (a: Indicators, b: Indicators) => (a.report.slug < b.report.slug ? -1 : a.report.slug > b.report.slug ? 1 : 0);

/** The goals by their assessment for the whole project (unit "total"): met, not met, and neither (not measured, or hidden). */
function goalCounts(ind: Indicators): PortfolioProject['goals'] {
  const met = ind.goals.map((g) => (g.measured ? (g.results.find((r) => r.unit === 'total')?.met ?? null) : null));
  return { met: met.filter((m) => m === true).length, not_met: met.filter((m) => m === false).length, other: met.filter((m) => m === null).length };
}

/** Each project, in name order, with its published headline figures. */
export function portfolioProjects(listed: readonly Indicators[]): PortfolioProject[] {
  const wanted = new Set<string>(PORTFOLIO_FIGURES);
  return [...listed].sort(bySlug).map((ind) => ({
    slug: ind.report.slug,
    title: ind.report.title,
    commissioner: ind.report.commissioner,
    region: ind.report.region ?? null,
    programme_area: ind.report.programme_area ?? null,
    period: ind.report.period,
    language: ind.report.language,
    goals: goalCounts(ind),
    figures: ind.figures
      .filter((f) => wanted.has(f.id) && f.unit === 'total' && f.category === undefined)
      .map((f) => ({ id: f.id, label: f.label, gender: f.gender, kind: f.kind, value: f.value, ...(f.numerator !== undefined ? { numerator: f.numerator } : {}), ...(f.denominator !== undefined ? { denominator: f.denominator } : {}), ...(f.ci95 !== undefined ? { ci95: f.ci95 } : {}), suppressed: f.suppressed, ...(f.suppression ? { suppression: f.suppression } : {}) })),
  }));
}

export const PORTFOLIO_JSON = 'portfolio.json';
export const PORTFOLIO_CSV = 'portfolio.csv';

export function portfolioJson(listed: readonly Indicators[]): string {
  return `${JSON.stringify({ projects: portfolioProjects(listed) }, null, 2)}\n`;
}

/** One row per project and figure, Swedish spreadsheet conventions as every CSV of the site. */
export function portfolioCsv(listed: readonly Indicators[]): string {
  const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : csvNumber(x, 'sv'));
  const lines = [['Projekt', 'Titel', 'Beställare', 'Region', 'Programområde', 'Mått', 'Kön', 'Typ', 'Värde', 'Täljare', 'Nämnare', 'KI 95 % nedre', 'KI 95 % övre', 'Undertryckt'].join(';')];
  for (const p of portfolioProjects(listed)) {
    for (const f of p.figures) {
      lines.push([p.slug, csvText(p.title), csvText(p.commissioner), csvText(p.region ?? ''), csvText(p.programme_area ?? ''), csvText(f.id), f.gender, f.kind, num(f.value), num(f.numerator), num(f.denominator), num(f.ci95?.[0]), num(f.ci95?.[1]), suppressionWord(f as Figure, 'sv')].join(';'));
    }
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
