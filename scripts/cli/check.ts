// eval-report check [--root <dir>] [--quiet] [slug …] (npm run check): validates configuration, data and narrative without
// rendering anything (no charts, no Eleventy, no Chromium), then says what the data hold. Every
// problem at once, grouped by file with line numbers; exit 1 when there is any.
import { projectNameProblem } from '../site/projects.ts';
import { linkWarnings } from '../render/narrative-checks.ts';
import { inputFileProblem } from '../read/input-file.ts';
import { relative } from 'node:path';
import { formatSummary, summariseData, type DataSummary } from '../engine/data-summary.ts';
import type { Check } from '../publish/indicators-schema.ts';
import { configPath, loadProject } from '../read/project.ts';
import { loadConfig } from '../config/load.ts';
import { buildChartData } from '../render/charts/build.ts';
import { projectData } from '../site/data-step.ts';
import { resolveProject, textProblems, type ChartMaker } from '../site/resolve-project.ts';
import { loadPreviousVersion } from '../publish/diff-indicators.ts';
import { formatProblems, InputError, uniqueProblems, type Problem } from '../problems.ts';
import { EXIT, paint, projectSlugs, QUIET, ROOT, runIfMain, type Command } from './command.ts';
import { statusText } from '../problem-messages.ts';

export interface CheckResult {
  slug: string;
  problems: Problem[];
  summary: DataSummary | null;
  checks: Check[];
}

/**
 * Every problem the build would find before rendering, by the build's own code: the loader, the
 * data step (without secondary suppression, which decides what to hide, not whether the input is
 * valid: checking a report of nineteen providers stays within a second) and the resolver of
 * every reference (resolve-project.ts), with charts built as data but not drawn.
 */
export async function checkProject(root: string, slug: string): Promise<CheckResult> {
  const badName = projectNameProblem(slug);
  if (badName) return { slug, problems: [badName], summary: null, checks: [] };
  const problems: Problem[] = [];
  const guard = async <T>(f: () => T | Promise<T>): Promise<T | null> => {
    try {
      return await f();
    } catch (err) {
      if (err instanceof InputError) {
        problems.push(...err.problems);
        return null;
      }
      throw err;
    }
  };
  const paths = { root, slug };
  const loaded = await guard(() => loadProject(paths));
  const data = loaded && (await guard(() => projectData(paths, loaded, new Date(), { secondary: false })));
  if (data) await guard(() => resolveProject({ root, slug, indicators: data.indicators, csvFiles: [], charts: chartData }));
  else {
    // The data cannot be cited: the texts are still checked whenever the configuration is valid.
    const refused = inputFileProblem(configPath(paths), root, relative(root, configPath(paths)));
    const config = loaded?.config ?? (refused ? null : await guard(() => loadConfig(configPath(paths))));
    if (config) {
      const text = textProblems(root, slug, config);
      problems.push(...text.problems, ...text.placeholders);
      await guard(() => loadPreviousVersion(root, slug, config));
    }
  }
  // Links shown as text: the build warns about the same.
  const cfg = loaded?.config;
  const warnings: Check[] = (cfg ? linkWarnings(root, slug, cfg) : []).map((w) => ({ id: 'narrative.link', severity: 'warning', message: formatProblems([w]).split('\n').slice(1).join(' ').trim().replace(/^/, `${w.file}: `) }));
  return { slug, problems: uniqueProblems(problems), summary: loaded ? summariseData(loaded.config, loaded.dataset) : null, checks: [...warnings, ...(data?.indicators.checks ?? loaded?.checks ?? [])] };
}

/** A chart as the page model needs it, without drawing it (no Vega). */
const chartData: ChartMaker = async (chart, figures, goals, ctx) => {
  const built = buildChartData(chart, figures, goals, ctx);
  return { id: chart.id, title: chart.title, description: '', svg: '', svgNarrow: '', table: { caption: chart.title, ...built.table }, footnotes: [], csv: '' };
};

/**
 * Values refused because no mapping covers them, grouped by file and column with their counts: a
 * first export typically has a few codes repeated on every line, and this says which to map.
 */
export function unmappedValues(problems: Problem[]): string[] {
  const groups = new Map<string, { where: string; key: string; values: Map<string, number> }>();
  for (const p of problems) {
    const key = /in (tables\.\w+\.values\.\w+)/.exec(p.expected)?.[1];
    if (!key || p.value === undefined) continue;
    const id = `${p.file}\u0000${p.column}`;
    const g = groups.get(id) ?? { where: `${p.file}, column "${p.column}"`, key, values: new Map() };
    g.values.set(p.value, (g.values.get(p.value) ?? 0) + 1);
    groups.set(id, g);
  }
  return [...groups.values()].map((g) => `  ${g.where}: ${[...g.values].sort((a, b) => b[1] - a[1]).map(([v, n]) => `${JSON.stringify(v)} ${n}`).join(', ')} → map them under ${g.key}`);
}

/** The report of one project as terminal text; `quiet` leaves out the summary of the data. */
export function formatCheck(r: CheckResult, ms: number, quiet = false): string {
  const out = [`── ${r.slug}`];
  const unmapped = unmappedValues(r.problems);
  if (r.problems.length > 0) out.push(paint('red', `${r.problems.length} problem(s):`), formatProblems(r.problems), '');
  // The reader keeps a bounded number of problems per file: say so when the counts are partial.
  const capped = r.problems.some((p) => p.expected.startsWith('no further problems'));
  if (unmapped.length > 0) out.push(`unmapped codes (values without a mapping, with the number of rows${capped ? ' among the problems kept' : ''}):`, ...unmapped, '');
  else if (r.problems.length === 0) out.push(paint('green', statusText.noProblems), '');
  if (quiet) return out.join('\n').trimEnd();
  if (r.summary) out.push(...formatSummary(r.summary));
  const notable = r.checks.filter((c) => c.severity !== 'info' || c.id.startsWith('input.') || c.id.startsWith('corrections.'));
  if (notable.length > 0) out.push('checks:', ...notable.map((c) => `  ${c.severity}: ${c.message}`));
  out.push(`(${Math.round(ms)} ms)`);
  return out.join('\n');
}

export const command: Command = {
  name: 'check',
  summary: 'Checks configuration, data and narrative without rendering: every problem the build would refuse, at once, by file and line; then what the data hold.',
  operands: '[slug …]',
  arity: [0, Infinity],
  options: { root: ROOT, quiet: { ...QUIET, description: 'print only the problems, not the summary of the data' } },
  async run({ values, positionals }) {
    const root = values.root as string;
    const quiet = values.quiet === true;
    const slugs = projectSlugs(root, positionals);
    let failed = 0;
    for (const slug of slugs) {
      const started = performance.now();
      const r = await checkProject(root, slug);
      if (r.problems.length > 0) failed++;
      if (!quiet || r.problems.length > 0) console.log(formatCheck(r, performance.now() - started, quiet) + '\n');
    }
    if (!quiet || failed > 0) console.log(failed === 0 ? paint('green', statusText.allPassed(slugs.length)) : paint('red', statusText.someFailed(failed, slugs.length)));
    return failed === 0 ? EXIT.ok : EXIT.input;
  },
};

runIfMain(import.meta.url, command);
