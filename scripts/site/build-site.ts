// The whole build: for every project load → validate → compute → JSON and CSV → charts →
// pages (Eleventy) → PDF (Chromium). Everything is written into a temporary folder beside the
// output, which replaces the output only when every step of every project succeeded, so a
// failed build never destroys the last good site.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, relative, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { renderChart } from '../render/charts/index.ts';
import { loadConfig } from '../config/load.ts';
import { FONT_FILES } from '../fonts.ts';
import { buildProjectData } from './data-step.ts';
import type { EsfRow } from '../engine/esf.ts';
import { hasNoData } from '../engine/no-data.ts';
import { previousVersionChanges } from '../render/previous-version.ts';
import type { Indicators } from '../publish/indicators-schema.ts';
import { configPath } from '../read/project.ts';
import { t } from '../messages.ts';
import { lintNarrative, printedFigures } from '../render/lint.ts';
import { launchBrowser } from '../pdf/chromium.ts';
import { printPdf } from '../pdf/print.ts';
import { inspectPdf } from '../pdf/inspect.ts';
import { accessibilityViolations, pdfProblems } from './verify-site.ts';
import { InputError, type Problem } from '../problems.ts';
import { buildReportView, type ReportView } from '../render/report-view.ts';
import { scanSite, type ScanProject } from '../privacy/scan-site.ts';
import { secretsOf } from '../privacy/secrets.ts';
import { serveStatic } from './serve-static.ts';
import { siteData } from '../render/eleventy.ts';
import { esfCsv, ESF_FILE, writeOutputs } from '../publish/write-outputs.ts';
import { listProjects } from './projects.ts';

const REPO = resolve(import.meta.dirname, '..', '..');

export interface BuildOptions {
  /** Folder holding content/ and data/. */
  root: string;
  /** Output folder, replaced only when every project built. */
  outDir: string;
  /** Projects to build; default every folder of content/ with a report.yaml. */
  slugs?: string[];
  /** Build date written into the reports (pin it for reproducible output). */
  now?: Date;
  log?: (line: string) => void;
  /** Print the PDF (default). Without it, a preview of the pages only, as after a narrative edit. */
  pdf?: boolean;
}

export { listProjects } from './projects.ts';

/**
 * Indicators of earlier builds in this process, per project, with the SHA-256 of the
 * configuration: a rebuild after a narrative edit skips the data step. The input files' hashes
 * are those the loader recorded in report.inputs, so a first build reads each file only once.
 */
const dataCache = new Map<string, { configSha: string; indicators: Indicators; esf: EsfRow[] }>();

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The cached indicators if the configuration and every input file are as they were. */
function cachedIndicators(key: string, configSha: string, dataDirectory: string): { indicators: Indicators; esf: EsfRow[] } | undefined {
  const hit = dataCache.get(key);
  if (!hit || hit.configSha !== configSha) return undefined;
  const same = hit.indicators.report.inputs.every((i) => existsSync(join(dataDirectory, i.file)) && sha256(join(dataDirectory, i.file)) === i.sha256);
  return same ? hit : undefined;
}

/** The data step of one project into `dir`: indicators.json and the figure CSVs. */
export async function writeProjectData(root: string, slug: string, dir: string, now: Date): Promise<{ indicators: Indicators; csvs: string[] }> {
  const key = join(root, slug);
  const configSha = sha256(configPath({ root, slug }));
  const cached = cachedIndicators(key, configSha, join(root, 'data', slug));
  const data = cached ? { ...cached, indicators: { ...cached.indicators, report: { ...cached.indicators.report, built_at: now.toISOString() } } } : await buildProjectData({ root, slug }, now);
  // The secrets (ids, free text) the output is scanned for travel with the indicators object.
  if (cached) secretsOf.set(data.indicators, secretsOf.get(cached.indicators)!);
  else dataCache.set(key, { configSha, ...data });
  const { indicators } = data;
  const csvs = writeOutputs(dir, indicators);
  writeFileSync(join(dir, ESF_FILE), esfCsv(data.esf, indicators.report.language));
  return { indicators, csvs };
}

/** Charts and narrative of one project → its page model; writes each chart's CSV. */
async function projectView(root: string, slug: string, dir: string, indicators: Indicators, csvs: string[]): Promise<ReportView> {
  const config = loadConfig(configPath({ root, slug }));
  const contentDir = join(root, 'content', slug);
  const contentShown = relative(root, contentDir) || contentDir;
  // Results typed by hand into narrative are refused before anything is rendered.
  const printed = printedFigures(indicators.figures, indicators.report.language);
  const lint: Problem[] = config.sections.flatMap((s) => {
    const file = join(contentDir, s.file);
    return existsSync(file) ? lintNarrative(`${contentShown}/${s.file}`, readFileSync(file, 'utf8'), printed) : [];
  });
  if (lint.length > 0) throw new InputError(lint);
  const lang = indicators.report.language;
  // Without data the narrative and charts cannot cite anything: the page shows a notice instead.
  const empty = hasNoData(indicators);
  const shown = empty ? { ...config, sections: [], charts: [], evaluation_questions: [] } : config;
  const units = [...indicators.report.units.filter((u) => u.reported).map((u) => u.name), 'total'];
  const ctx = { language: lang, units, unitLevel: indicators.report.unit_level, unitLabel: (u: string) => (u === 'total' ? t(lang, 'unit.total') : u), minCount: indicators.report.disclosure.min_count };
  const charts = [];
  for (const chart of shown.charts) {
    const c = await renderChart(chart, indicators.figures, indicators.goals, ctx);
    writeFileSync(join(dir, 'data', `chart-${c.id}.csv`), c.csv);
    charts.push(c);
  }
  const notice = empty ? t(lang, 'nodata.notice', { data: `data/${slug}/`, slug }) : null;
  const changes = previousVersionChanges(root, slug, config, indicators);
  return buildReportView({ config: shown, indicators, contentDir, contentShown, charts, csvFiles: csvs, notice, changes });
}

/** Renders every page with Eleventy into `outDir`. */
async function renderPages(views: ReportView[], outDir: string): Promise<void> {
  // Eleventy resolves its folders (and .eleventy.js's dir.input) against the working directory:
  // run it from the repository, so that a build started anywhere (--root elsewhere) finds them.
  const cwd = process.cwd();
  process.chdir(REPO);
  try {
    await runEleventy(views, outDir);
  } finally {
    process.chdir(cwd);
  }
  mkdirSync(join(outDir, 'assets', 'fonts'), { recursive: true });
  for (const [name, source] of Object.entries(FONT_FILES)) copyFileSync(source, join(outDir, 'assets', 'fonts', name));
}

async function runEleventy(views: ReportView[], outDir: string): Promise<void> {
  const rel = (p: string) => relative(process.cwd(), p) || '.';
  const eleventy = new Eleventy(rel(join(REPO, 'templates')), rel(outDir), {
    quietMode: true,
    configPath: rel(join(REPO, '.eleventy.js')),
    config(cfg: { addGlobalData(name: string, value: unknown): void }) {
      cfg.addGlobalData('reports', views);
      cfg.addGlobalData('site', siteData(views));
    },
  });
  eleventy.disableLogger(); // our own progress line reports the pages
  await eleventy.write();
}

/**
 * Prints every report page to <slug>/<slug>.pdf, over a local HTTP server, and checks the pages
 * (axe-core) and the PDFs read back (verify-site.ts); returns what those checks found, and the
 * PDFs' text by output path, which the personal-data scan then need not extract again.
 */
async function printReports(outDir: string, slugs: string[], log: (line: string) => void, reports: Map<string, Indicators['report']>): Promise<{ problems: Problem[]; pdfTexts: Map<string, string> }> {
  const problems: Problem[] = [];
  const pdfTexts = new Map<string, string>();
  if (slugs.length === 0) return { problems, pdfTexts };
  const server = await serveStatic(outDir);
  const started = performance.now();
  log('Starting Chromium for the PDF …');
  const browser = await launchBrowser();
  log(`Chromium started (${Math.round(performance.now() - started)} ms).`);
  try {
    for (const slug of slugs) {
      const url = `${server.url}${encodeURIComponent(slug)}/index.html`;
      // axe-core checks the page in a second tab while the first prints it: neither needs the other.
      const [r, violations] = await Promise.all([
        printPdf(browser, { url, pdfFile: join(outDir, slug, `${slug}.pdf`), onProgress: (msg) => log(`${slug}: ${msg}`) }),
        accessibilityViolations(browser, url),
      ]);
      log(`${slug}: ${slug}.pdf, ${r.pages} pages, ${r.passes} passes (${Math.round(r.ms)} ms)`);
      const checked = performance.now();
      const page = `${slug}/index.html`;
      for (const v of violations) problems.push({ file: page, value: v, expected: 'no WCAG 2.1 A or AA violation (axe-core)' });
      // Charts on the page: each an <svg role="img"> with its own title and description.
      const charts = new Set([...readFileSync(join(outDir, page), 'utf8').matchAll(/<svg[^>]*class="chart"[^>]*aria-labelledby="([^"]+)"/g)].map((m) => m[1])).size;
      const pdf = await inspectPdf(join(outDir, slug, `${slug}.pdf`));
      pdfTexts.set(join(slug, `${slug}.pdf`), pdf.pageTexts.join('\n'));
      problems.push(...pdfProblems(`${slug}/${slug}.pdf`, pdf, reports.get(slug)!, charts));
      log(`${slug}: accessibility and PDF checks (${Math.round(performance.now() - checked)} ms)`);
    }
    for (const v of await accessibilityViolations(browser, `${server.url}index.html`)) problems.push({ file: 'index.html', value: v, expected: 'no WCAG 2.1 A or AA violation (axe-core)' });
  } finally {
    await browser.close();
    await server.close();
  }
  return { problems, pdfTexts };
}

export async function buildSite(opts: BuildOptions): Promise<{ slugs: string[] }> {
  const log = opts.log ?? (() => {});
  const root = resolve(opts.root);
  const outDir = resolve(opts.outDir);
  const slugs = opts.slugs?.length ? opts.slugs : listProjects(root);
  const now = opts.now ?? new Date();
  // The temporary folder sits beside the output so that the final rename stays on one disk.
  const tmp = mkdtempSync(join(dirname(outDir), `${basename(outDir)}.tmp-`));
  try {
    const views: ReportView[] = [];
    const scan: ScanProject[] = [];
    const reports: Array<[string, Indicators['report']]> = [];
    for (const slug of slugs) {
      const started = performance.now();
      const dir = join(tmp, slug);
      const { indicators, csvs } = await writeProjectData(root, slug, dir, now);
      reports.push([slug, indicators.report]);
      scan.push({ slug, secrets: secretsOf.get(indicators) ?? { ids: [], freeText: [] }, contentDir: join(root, 'content', slug), root });
      views.push(await projectView(root, slug, dir, indicators, csvs));
      log(`${slug}: ${indicators.figures.length} figures, ${indicators.goals.length} goals, ${indicators.checks.length} checks, ${csvs.length} CSV files, ${Object.keys(views.at(-1)!.charts).length} charts (${Math.round(performance.now() - started)} ms)`);
    }
    const started = performance.now();
    await renderPages(views, tmp);
    log(`Pages written (${Math.round(performance.now() - started)} ms).`);
    const { problems: checks, pdfTexts } = opts.pdf !== false ? await printReports(tmp, slugs, log, new Map(reports)) : { problems: [], pdfTexts: new Map<string, string>() };
    // Last: nothing personal in anything about to be published (ids, identity numbers, free text).
    const scanned = performance.now();
    const leaks = await scanSite(tmp, scan, pdfTexts);
    if (leaks.length + checks.length > 0) throw new InputError([...leaks, ...checks].map((p) => ({ ...p, file: `${basename(outDir)}/${p.file}` })));
    log(`Personal-data scan: clean (${Math.round(performance.now() - scanned)} ms).`);
    swapInto(tmp, outDir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return { slugs };
}

function swapInto(tmp: string, outDir: string): void {
  const old = `${outDir}.old-${process.pid}`;
  const hadOld = existsSync(outDir);
  if (hadOld) renameSync(outDir, old);
  try {
    renameSync(tmp, outDir);
  } catch (err) {
    if (hadOld) renameSync(old, outDir); // put the last good site back
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}
