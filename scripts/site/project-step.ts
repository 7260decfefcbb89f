// One project's steps before the pages: the data step (indicators.json, the figure CSVs) and the
// page model (every reference resolved, charts rendered, the charts' CSVs). Run in the build's
// own thread or in a worker of the data pool (data-pool.ts); its log lines are returned, not
// printed, so that a pool prints every project's lines together and in the projects' order.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { renderChart } from '../render/charts/index.ts';
import { buildProjectData } from './data-step.ts';
import type { Indicators } from '../publish/indicators-schema.ts';
import { configPath } from '../read/project.ts';
import { inputFileProblem } from '../read/input-file.ts';
import { linkWarnings } from '../render/narrative-checks.ts';
import { loadConfig } from '../config/load.ts';
import { formatProblems, InputError } from '../problems.ts';
import { resolveProject } from './resolve-project.ts';
import type { ReportView } from '../render/report-view.ts';
import { secretsOf, type Secrets } from '../privacy/secrets.ts';
import { writeOutputs } from '../publish/write-outputs.ts';
import { statusText } from '../problem-messages.ts';

/**
 * Indicators of earlier builds in this process, per project, with the SHA-256 of the
 * configuration: a rebuild after a narrative edit skips the data step. The input files' hashes
 * are those the loader recorded in report.inputs, so a first build reads each file only once.
 */
const dataCache = new Map<string, { configSha: string; indicators: Indicators }>();

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The cached indicators if the configuration and every input file are as they were. */
function cachedIndicators(key: string, configSha: string, dataDirectory: string): { indicators: Indicators } | undefined {
  const hit = dataCache.get(key);
  if (!hit || hit.configSha !== configSha) return undefined;
  const same = hit.indicators.report.inputs.every((i) => existsSync(join(dataDirectory, i.file)) && sha256(join(dataDirectory, i.file)) === i.sha256);
  return same ? hit : undefined;
}

/** The data step of one project into `dir`: indicators.json and the figure CSVs. */
export async function writeProjectData(root: string, slug: string, dir: string, now: Date): Promise<{ indicators: Indicators; csvs: string[] }> {
  const key = join(root, slug);
  const cfg = configPath({ root, slug });
  // A folder or a link out of the project where report.yaml should be is refused before it is read.
  const refused = inputFileProblem(cfg, root, relative(root, cfg));
  if (refused) throw new InputError([refused]);
  const configSha = existsSync(cfg) ? sha256(cfg) : ''; // a missing file: the loader says so
  const cached = cachedIndicators(key, configSha, join(root, 'data', slug));
  const data = cached ? { ...cached, indicators: { ...cached.indicators, report: { ...cached.indicators.report, built_at: now.toISOString() } } } : { indicators: (await buildProjectData({ root, slug }, now)).indicators };
  // The secrets (ids, free text) the output is scanned for travel with the indicators object.
  if (cached) secretsOf.set(data.indicators, secretsOf.get(cached.indicators)!);
  else dataCache.set(key, { configSha, ...data });
  const { indicators } = data;
  const csvs = writeOutputs(dir, indicators);
  return { indicators, csvs };
}

/** The page model of one project (every reference resolved, charts rendered); writes each chart's CSV. */
async function projectView(root: string, slug: string, dir: string, indicators: Indicators, csvs: string[], draft: boolean, log: (line: string) => void): Promise<ReportView> {
  // Links shown as text are warned about; everything refused is found by the resolver.
  for (const line of formatProblems(linkWarnings(root, slug, loadConfig(configPath({ root, slug })))).split('\n')) if (line) log(statusText.warning(line));
  const resolved = await resolveProject({ root, slug, indicators, csvFiles: csvs, charts: renderChart, draft });
  const { view, chartCsvs, warnings } = resolved;
  for (const c of chartCsvs) writeFileSync(join(dir, 'data', `chart-${c.id}.csv`), c.csv);
  if (warnings.length > 0) log(statusText.refusedUntilReplaced(slug, warnings.length, formatProblems(warnings)));
  return view;
}

/** What one project's steps before the pages give: plain data, so that it crosses from a worker. */
export interface ProjectStep {
  slug: string;
  indicators: Indicators;
  secrets: Secrets;
  view: ReportView;
  /** Its progress lines, in order. */
  lines: string[];
}

/** The data step and the page model of one project, its output written into `dir`. */
export async function projectStep(root: string, slug: string, dir: string, now: Date, draft: boolean): Promise<ProjectStep> {
  const started = performance.now();
  const lines: string[] = [];
  const { indicators, csvs } = await writeProjectData(root, slug, dir, now);
  const view = await projectView(root, slug, dir, indicators, csvs, draft, (line) => lines.push(line));
  lines.push(`${slug}: ${indicators.figures.length} figures, ${indicators.goals.length} goals, ${indicators.checks.length} checks, ${csvs.length} CSV files, ${Object.keys(view.charts).length} charts (${Math.round(performance.now() - started)} ms)`);
  return { slug, indicators, secrets: secretsOf.get(indicators) ?? { ids: [], freeText: [] }, view, lines };
}
