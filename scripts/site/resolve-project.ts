// Everything a report refers to, resolved once for `check`, `build` and `serve` alike, before
// anything is rendered: the texts (numbers typed by hand, identity numbers, the scaffold's
// writing prompts), every chart and figure table of the configuration against the computed
// figures, and the narrative's citations, charts, tables and models through the page model the
// build renders. Every problem is collected, then thrown together with its file and line.
import { existsSync, readFileSync } from 'node:fs';
import { inputFileProblem } from '../read/input-file.ts';
import { join, relative } from 'node:path';
import type { ChartConfig, Config } from '../config/schema.ts';
import { loadConfig, withKeyLines } from '../config/load.ts';
import { hasNoData } from '../engine/no-data.ts';
import { t } from '../messages.ts';
import { findIdentityNumbers, maskIdentityNumber } from '../privacy/personnummer.ts';
import { maskText } from '../privacy/mask.ts';
import { InputError, uniqueProblems, type Problem } from '../problems.ts';
import type { Figure, GoalResult, Indicators } from '../publish/indicators-schema.ts';
import { configPath } from '../read/project.ts';
import type { ChartContext } from '../render/charts/common.ts';
import { figureTableView } from '../render/figure-table.ts';
import { lintNarrative, printedFigures, type PrintedFigures } from '../render/lint.ts';
import { previousVersionChanges } from '../render/previous-version.ts';
import { buildReportView, type ChartView, type ReportView } from '../render/report-view.ts';
import { placeholderProblems } from '../scaffold/placeholders.ts';
import { narrativeText, siteText } from '../problem-messages.ts';

/** A chart for the page model, with its CSV: rendered to SVG by the build, data only for check. */
export type ChartMaker = (chart: ChartConfig, figures: Figure[], goals: GoalResult[], ctx: ChartContext) => Promise<Omit<ChartView, 'number' | 'csvFile'> & { csv: string }>;

export interface ResolveInput {
  root: string;
  slug: string;
  indicators: Indicators;
  csvFiles: string[];
  charts: ChartMaker;
  /** A preview: the scaffold's writing prompts are warnings, not problems. */
  draft?: boolean;
}

export interface Resolved {
  view: ReportView;
  chartCsvs: { id: string; csv: string }[];
  /** What a preview shows but a build refuses (the writing prompts). */
  warnings: Problem[];
}

/** Problems found while resolving, and the errors they were made from (kept as the cause of the InputError thrown). */
interface Found {
  problems: Problem[];
  causes: unknown[];
}

/** `f`'s result, or null when it refused the input: its problems are added to `found`, anything else is thrown. */
function collecting<T>(found: Found, f: () => T): T | null {
  try {
    return f();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    found.problems.push(...err.problems);
    found.causes.push(err);
    return null;
  }
}

/** The cause of the InputError a report's problems are thrown in: the one error behind them, or all of them together. */
function causedBy(causes: unknown[]): ErrorOptions | undefined {
  if (causes.length === 0) return undefined;
  return { cause: causes.length === 1 ? causes[0] : new AggregateError(causes, siteText.resolveErrors(causes.length)) };
}

/**
 * Problems of the texts alone, which need no data: every narrative file of `sections` (missing,
 * numbers typed by hand, identity numbers) and the configuration file (identity numbers); the
 * writing prompts of the narrative shown and of the evaluation answers unless `published` is false
 * (a report without data shows neither). `printed`: the computed figures as the report prints
 * them, which a typed number must not repeat.
 */
export function textProblems(root: string, slug: string, config: Config, published = true, printed: PrintedFigures = new Map()): { problems: Problem[]; placeholders: Problem[] } {
  const cfgFile = configPath({ root, slug });
  const cfgShown = relative(root, cfgFile) || cfgFile;
  const refusedConfig = inputFileProblem(cfgFile, root, cfgShown);
  if (refusedConfig) return { problems: [refusedConfig], placeholders: [] };
  const problems: Problem[] = identityProblems(cfgShown, readFileSync(cfgFile, 'utf8'));
  const placeholders: Problem[] = [];
  const contentDir = join(root, 'content', slug);
  for (const s of config.sections) {
    const file = join(contentDir, s.file);
    const shown = relative(root, file) || file;
    if (!existsSync(file)) {
      problems.push({ file: shown, expected: narrativeText.sectionFile });
      continue;
    }
    // A folder, or a link out of the project, is refused naming the path, never read.
    const refused = inputFileProblem(file, root, shown);
    if (refused) {
      problems.push(refused);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    // Linted with identity numbers masked (same length), so that no part of one is echoed as a typed number.
    problems.push(...lintNarrative(shown, maskText(text), printed), ...identityProblems(shown, text));
    if (published) placeholders.push(...placeholderProblems(shown, text));
  }
  if (published) config.evaluation_questions.forEach((q, i) => placeholders.push(...placeholderProblems(cfgShown, q.answer, `evaluation_questions[${i}].answer`)));
  return { problems, placeholders };
}

/** Every personal identity or coordination number in a text, masked, by line and character. */
function identityProblems(file: string, text: string): Problem[] {
  return text.split(/\r?\n/).flatMap((line, i) =>
    findIdentityNumbers(line).map((n) => ({
      file, line: i + 1, column: `character ${n.index + 1}`, value: maskIdentityNumber(n.match),
      expected: siteText.identityNumberInText,
    })),
  );
}

/** Resolves every reference of one project against its computed indicators; throws every problem at once. */
export async function resolveProject(input: ResolveInput): Promise<Resolved> {
  const { root, slug, indicators } = input;
  const cfgFile = configPath({ root, slug });
  const cfgShown = relative(root, cfgFile) || cfgFile;
  const config = loadConfig(cfgFile);
  const contentDir = join(root, 'content', slug);
  const contentShown = relative(root, contentDir) || contentDir;
  const lang = indicators.report.language;
  // Without data the narrative and charts cannot cite anything: the page shows a notice instead.
  const empty = hasNoData(indicators);
  const shown = empty ? { ...config, sections: [], charts: [], evaluation_questions: [] } : config;
  const text = textProblems(root, slug, config, !empty, printedFigures(indicators.figures, lang));
  const found: Found = { problems: [...text.problems, ...(input.draft ? [] : text.placeholders)], causes: [] };

  const charts = await resolveCharts(input, shown.charts, cfgShown, found);
  const broken = brokenFigureTables(shown.figure_tables, indicators, config, cfgShown, found);
  const viewConfig = { ...shown, figure_tables: shown.figure_tables.map((x) => (broken.has(x.id) ? { ...x, figures: [] } : x)) };
  const changes = collecting(found, () => previousVersionChanges(root, slug, config, indicators));
  const notice = empty ? t(lang, 'nodata.notice', { data: `data/${slug}/`, slug }) : null;
  const view = collecting(found, () => buildReportView({ config: viewConfig, indicators, contentDir, contentShown, charts, csvFiles: input.csvFiles, notice, changes }));
  const located = (ps: Problem[]) => uniqueProblems(withKeyLines(ps, readFileSync(cfgFile, 'utf8'), cfgShown));
  if (found.problems.length > 0 || !view) throw new InputError(located(found.problems), causedBy(found.causes));
  return { view, chartCsvs: charts.map((c) => ({ id: c.id, csv: c.csv })), warnings: input.draft ? located(text.placeholders) : [] };
}

/** Every chart of the configuration made from the figures; one its figures do not fit is a problem, its error kept as the cause. */
async function resolveCharts(input: ResolveInput, configured: ChartConfig[], cfgShown: string, found: Found): Promise<Awaited<ReturnType<ChartMaker>>[]> {
  const { indicators } = input;
  const lang = indicators.report.language;
  const units = [...indicators.report.units.filter((u) => u.reported).map((u) => u.name), 'total'];
  const ctx: ChartContext = { language: lang, units, unitLevel: indicators.report.unit_level, unitLabel: (u: string) => (u === 'total' ? t(lang, 'unit.total') : u), minCount: indicators.report.disclosure.min_count };
  const charts: Awaited<ReturnType<ChartMaker>>[] = [];
  for (const [i, chart] of configured.entries()) {
    try {
      charts.push(await input.charts(chart, indicators.figures, indicators.goals, ctx));
    } catch (err) {
      if (!(err instanceof Error)) throw err;
      found.problems.push({ file: cfgShown, column: `charts[${i}]`, value: chart.id, expected: siteText.chartFits(err.message) });
      found.causes.push(err);
      // Kept as an empty chart so that the narrative placing it is not also told it is unknown.
      charts.push({ id: chart.id, title: chart.title, description: '', svg: '', svgNarrow: '', table: { caption: '', headers: [], rows: [] }, footnotes: [], csv: '' });
    }
  }
  return charts;
}

/** Every figure table, placed or not, against the figures: the ids of the broken ones (emptied for the view), each a problem. */
function brokenFigureTables(tables: Config['figure_tables'], indicators: Indicators, config: Config, cfgShown: string, found: Found): Set<string> {
  const broken = new Set<string>();
  tables.forEach((table, i) => {
    try {
      figureTableView(table, i + 1, indicators.figures, config, indicators.report.language);
    } catch (err) {
      if (!(err instanceof Error)) throw err;
      broken.add(table.id);
      found.problems.push({ file: cfgShown, column: `figure_tables[${i}].figures`, value: table.id, expected: siteText.figureTableIds(err.message) });
      found.causes.push(err);
    }
  });
  return broken;
}
