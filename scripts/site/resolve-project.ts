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

const problemOf = (err: unknown): Problem[] | null => (err instanceof InputError ? err.problems : null);

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
      problems.push({ file: shown, expected: 'the narrative file named in sections of the configuration' });
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
      expected: 'no personal identity or coordination number (personnummer/samordningsnummer) in the configuration or the narrative: it would be published',
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
  const problems = [...text.problems, ...(input.draft ? [] : text.placeholders)];

  const units = [...indicators.report.units.filter((u) => u.reported).map((u) => u.name), 'total'];
  const ctx: ChartContext = { language: lang, units, unitLevel: indicators.report.unit_level, unitLabel: (u: string) => (u === 'total' ? t(lang, 'unit.total') : u), minCount: indicators.report.disclosure.min_count };
  const charts: Awaited<ReturnType<ChartMaker>>[] = [];
  for (const [i, chart] of shown.charts.entries()) {
    try {
      charts.push(await input.charts(chart, indicators.figures, indicators.goals, ctx));
    } catch (err) {
      if (!(err instanceof Error)) throw err;
      problems.push({ file: cfgShown, column: `charts[${i}]`, value: chart.id, expected: `a chart its figures fit: ${err.message}` });
      // Kept as an empty chart so that the narrative placing it is not also told it is unknown.
      charts.push({ id: chart.id, title: chart.title, description: '', svg: '', svgNarrow: '', table: { caption: '', headers: [], rows: [] }, footnotes: [], csv: '' });
    }
  }
  // Every figure table, placed or not, against the figures; a broken one is emptied for the view.
  const broken = new Set<string>();
  shown.figure_tables.forEach((table, i) => {
    try {
      figureTableView(table, i + 1, indicators.figures, config, lang);
    } catch (err) {
      if (!(err instanceof Error)) throw err;
      broken.add(table.id);
      problems.push({ file: cfgShown, column: `figure_tables[${i}].figures`, value: table.id, expected: `the ids of computed figures without category: ${err.message}` });
    }
  });
  const viewConfig = { ...shown, figure_tables: shown.figure_tables.map((x) => (broken.has(x.id) ? { ...x, figures: [] } : x)) };

  let changes = null;
  try {
    changes = previousVersionChanges(root, slug, config, indicators);
  } catch (err) {
    problems.push(...(problemOf(err) ?? (() => { throw err; })()));
  }
  let view: ReportView | null = null;
  try {
    view = buildReportView({ config: viewConfig, indicators, contentDir, contentShown, charts, csvFiles: input.csvFiles, notice: empty ? t(lang, 'nodata.notice', { data: `data/${slug}/`, slug }) : null, changes });
  } catch (err) {
    problems.push(...(problemOf(err) ?? (() => { throw err; })()));
  }
  const located = (ps: Problem[]) => uniqueProblems(withKeyLines(ps, readFileSync(cfgFile, 'utf8'), cfgShown));
  if (problems.length > 0 || !view) throw new InputError(located(problems));
  return { view, chartCsvs: charts.map((c) => ({ id: c.id, csv: c.csv })), warnings: input.draft ? located(text.placeholders) : [] };
}
