// The whole build: for every project load → validate → compute → JSON and CSV → charts →
// pages (Eleventy) → PDF (Chromium). Everything is written into a temporary folder beside the
// output, which replaces the output only when every step of every project succeeded, so a
// failed build never destroys the last good site.
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dataThreads, runDataSteps } from './data-pool.ts';
import { PORTFOLIO_CSV, PORTFOLIO_JSON, portfolioCsv, portfolioJson } from '../portfolio/portfolio-data.ts';
import { pagesToCheck } from '../portfolio/site-pages.ts';
import { progress as startProgress, type Phase } from './progress.ts';
import { CACHE_FILE, projectKey, readManifest, toolKey, type CacheManifest } from './build-cache.ts';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import Eleventy from '@11ty/eleventy';
import { FONT_FILES } from '../fonts.ts';
import type { Indicators } from '../publish/indicators-schema.ts';
import { launchBrowser } from '../pdf/chromium.ts';
import type { Browser } from 'puppeteer-core';
import { printPdf } from '../pdf/print.ts';
import { inspectPrinted } from '../pdf/inspect.ts';
import { AxeTabs, pdfProblems } from './verify-site.ts';
import { InputError, type Problem } from '../problems.ts';
import type { ReportView } from '../render/report-view.ts';
import { SiteScan, type ScanProject } from '../privacy/scan-site.ts';
import { secretsOf } from '../privacy/secrets.ts';
import { serveStatic } from './serve-static.ts';
import { registerSite, siteData, type EleventyConfig } from '../render/eleventy.ts';
import { assertProjectNames, listProjects } from './projects.ts';
import { ownedPrefix, removeStaleFolders } from '../stale-folders.ts';
import { siteText, statusText } from '../problem-messages.ts';

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
  /** A preview (serve): the scaffold's writing prompts are logged as warnings instead of refused. */
  draft?: boolean;
  /** The progress line (projects done, time left), each time a project finishes a step. */
  progress?: (line: string) => void;
}

export { listProjects } from './projects.ts';

export { writeProjectData } from './project-step.ts';

/**
 * Renders every page with Eleventy into `outDir`: the reports of `views`, and the pages across the
 * projects (index, filters, sorted lists, search, comparisons) from `listed`. Returns the pages
 * across the projects that the checks after print give to axe-core.
 */
export async function renderPages(views: ReportView[], listed: Indicators[], outDir: string): Promise<string[]> {
  // Eleventy resolves its folders (and .eleventy.js's dir.input) against the working directory:
  // run it from the repository, so that a build started anywhere (--root elsewhere) finds them.
  const cwd = process.cwd();
  const site = siteData(listed);
  process.chdir(REPO);
  try {
    await runEleventy(views, site, outDir);
  } finally {
    process.chdir(cwd);
  }
  // The portfolio's downloads, from the published indicators of every project listed.
  writeFileSync(join(outDir, PORTFOLIO_JSON), portfolioJson(listed));
  writeFileSync(join(outDir, PORTFOLIO_CSV), portfolioCsv(listed));
  mkdirSync(join(outDir, 'assets', 'fonts'), { recursive: true });
  for (const [name, source] of Object.entries(FONT_FILES)) copyFileSync(source, join(outDir, 'assets', 'fonts', name));
  return pagesToCheck(site.portfolio);
}

async function runEleventy(views: ReportView[], site: ReturnType<typeof siteData>, outDir: string): Promise<void> {
  const rel = (p: string) => relative(process.cwd(), p) || '.';
  const eleventy = new Eleventy(rel(join(REPO, 'templates')), rel(outDir), {
    quietMode: true,
    configPath: rel(join(REPO, '.eleventy.js')),
    config(cfg: EleventyConfig) {
      registerSite(cfg); // here, not in .eleventy.js: the compiled build imports no TypeScript
      cfg.addGlobalData('reports', views);
      cfg.addGlobalData('site', site);
    },
  });
  eleventy.disableLogger(); // our own progress line reports the pages
  await eleventy.write();
}

/**
 * The personal-data scan of one build, in two steps: each printed project's folder as soon as
 * its PDF is checked (during the printing of the others), then every other file at the end (the
 * pages across projects, and every project when nothing was printed). Its time is summed.
 */
class ScanStep {
  readonly #scan: SiteScan;
  readonly #done = new Set<string>();
  ms = 0;
  constructor(private readonly outDir: string, projects: ScanProject[]) {
    this.#scan = new SiteScan(projects);
  }
  async project(slug: string, pdfText: string): Promise<Problem[]> {
    return this.#timed(async () => {
      this.#done.add(slug);
      return this.#scan.folder(this.outDir, join(this.outDir, slug), new Map([[join(slug, `${slug}.pdf`), pdfText]]));
    });
  }
  /** Every file not scanned yet, but the folders of projects kept from the last good site (scanned when they were built). */
  async rest(kept: string[]): Promise<Problem[]> {
    return this.#timed(() => this.#scan.folder(this.outDir, this.outDir, new Map(), new Set([...kept, ...this.#done])));
  }
  async #timed(work: () => Promise<Problem[]>): Promise<Problem[]> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.ms += performance.now() - started;
    }
  }
}

/**
 * Prints every report page to <slug>/<slug>.pdf, over a local HTTP server, and checks the pages
 * (axe-core) and the PDFs read back (verify-site.ts); then scans the project's folder for
 * personal data (`scan`, with the PDF's text already read back) while the other tabs print.
 * Returns what the checks found, and the leaks.
 */
async function printReports(outDir: string, slugs: string[], log: (line: string) => void, reports: Map<string, Indicators['report']>, chromium: EarlyBrowser, onPrinted: () => void, pinned: Date | undefined, sitePages: string[], scan: ScanStep): Promise<{ problems: Problem[]; leaks: Problem[] }> {
  const leaks: Problem[] = [];
  if (slugs.length === 0) return { problems: [], leaks };
  const server = await serveStatic(outDir);
  try {
    const waited = performance.now();
    const browser = await chromium.browser; // a browser that did not start fails here, and the server is closed
    log(statusText.chromiumStarted(performance.now() - waited));
    // Several reports at once, in tabs of the one Chromium, as many as there are processors:
    // one report's page loads and layout overlap another's read-back and checks.
    const axe = new AxeTabs(browser);
    try {
      const found = await inParallel(slugs, availableParallelism(), async (slug) => {
        const { problems, pdfText } = await printAndCheck(browser, axe, server.url, outDir, slug, reports.get(slug)!, log, pinned);
        leaks.push(...(await scan.project(slug, pdfText)));
        onPrinted();
        return problems;
      });
      const problems = found.flat();
      problems.push(...(await checkSitePages(axe, server.url, sitePages)));
      return { problems, leaks };
    } finally {
      await axe.close();
    }
  } finally {
    await server.close();
  }
}

/** axe-core (WCAG 2.1 A and AA) on the pages across the projects (the index, lists, comparisons), two at a time. */
export async function checkSitePages(axe: AxeTabs, serverUrl: string, pages: string[]): Promise<Problem[]> {
  const found = await inParallel(pages, 2, async (page) => (await axe.violations(`${serverUrl}${page}`)).map((v) => ({ file: page, value: v, expected: siteText.noAxeViolation })));
  return found.flat();
}

/** One report: its PDF printed while axe-core checks its page, then the PDF read back and checked. */
async function printAndCheck(browser: Browser, axe: AxeTabs, serverUrl: string, outDir: string, slug: string, report: Indicators['report'], log: (line: string) => void, pinned: Date | undefined): Promise<{ problems: Problem[]; pdfText: string }> {
  const problems: Problem[] = [];
  const url = `${serverUrl}${encodeURIComponent(slug)}/index.html`;
  // axe-core checks the page in a second tab while the first prints it: neither needs the other.
  const [r, violations] = await Promise.all([
    printPdf(browser, { url, pdfFile: join(outDir, slug, `${slug}.pdf`), onProgress: (msg) => log(statusText.ofProject(slug, msg)), date: pinned }),
    axe.violations(url),
  ]);
  log(statusText.pdfPrinted(slug, r.pages, r.passes, r.ms));
  const checked = performance.now();
  const page = `${slug}/index.html`;
  for (const v of violations) problems.push({ file: page, value: v, expected: siteText.noAxeViolation });
  // Charts on the page: each an <svg role="img"> with its own title and description.
  const charts = new Set([...readFileSync(join(outDir, page), 'utf8').matchAll(/<svg[^>]*class="chart"[^>]*aria-labelledby="([^"]+)"/g)].map((m) => m[1])).size;
  const pdf = await inspectPrinted(join(outDir, slug, `${slug}.pdf`));
  problems.push(...pdfProblems(`${slug}/${slug}.pdf`, pdf, report, charts));
  log(statusText.pdfChecked(slug, performance.now() - checked));
  return { problems, pdfText: pdf.pageTexts.join('\n') };
}

/** `work` on every item, at most `limit` at a time; the results in the items' order. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/** A Chromium started before the data step, so that its start overlaps the computing. */
interface EarlyBrowser { browser: Promise<Browser>; close: () => Promise<void> }

function startChromium(log: (line: string) => void): EarlyBrowser {
  log(statusText.startingChromium);
  const browser = launchBrowser();
  browser.catch(() => {}); // a failed start is reported where the PDF needs it, after the input's problems
  let closed: Promise<void> | undefined;
  return { browser, close: () => (closed ??= browser.then((b) => b.close(), () => {})) };
}

/** Which projects a build makes again, and the keys it records (build-cache.ts). */
interface CachePlan {
  /** Whether the keys are used and written: not for a preview (draft, or no PDF). */
  cacheable: boolean;
  /** The manifest of the last good site, if it has one. */
  before: CacheManifest | undefined;
  keys: Map<string, string>;
  /** The projects to build: those whose key the last good site did not record (with their output). */
  rebuilt: string[];
}

/** Incremental (build-cache.ts): a project whose key the last good site recorded is kept as it is. */
function cachePlan(root: string, outDir: string, slugs: string[], opts: BuildOptions): CachePlan {
  const pdf = opts.pdf !== false;
  const cacheable = pdf && opts.draft !== true;
  const tool = cacheable ? toolKey() : '';
  const keyOf = (slug: string) => projectKey(root, slug, tool, { now: opts.now, pdf });
  const before = cacheable ? readManifest(outDir) : undefined;
  const keys = new Map(cacheable ? slugs.map((s) => [s, keyOf(s)] as const) : []);
  const upToDate = (s: string) => before?.projects[s] !== undefined && before.projects[s] === keys.get(s) && existsSync(join(outDir, s, 'indicators.json'));
  return { cacheable, before, keys, rebuilt: slugs.filter((s) => !upToDate(s)) };
}

/** The progress line's ticks: a project finished a phase, and the line is shown again. */
function progressTicks(projects: number, phases: Phase[], show: ((line: string) => void) | undefined): (phase: Phase) => void {
  const bar = startProgress(projects, phases);
  return (phase) => {
    bar.done(phase);
    show?.(bar.line());
  };
}

/**
 * The build, step by step: the projects to make again (the others are kept) → their data steps
 * (data-pool.ts, while Chromium starts) → every page → the PDFs printed and checked → the
 * personal-data scan → the new site swapped in for the old.
 */
export async function buildSite(opts: BuildOptions): Promise<{ slugs: string[]; rebuilt: string[] }> {
  const log = opts.log ?? (() => {});
  const root = resolve(opts.root);
  const outDir = resolve(opts.outDir);
  const slugs = opts.slugs?.length ? opts.slugs : listProjects(root);
  const now = opts.now ?? new Date();
  const pdf = opts.pdf !== false;
  // The temporary folder sits beside the output so that the final rename stays on one disk. It
  // carries this process's id: folders of builds that were killed are removed here.
  removeStaleFolders(dirname(outDir), `${basename(outDir)}.tmp-`);
  removeStaleFolders(dirname(outDir), `${basename(outDir)}.old-`);
  assertProjectNames(slugs);
  const cache = cachePlan(root, outDir, slugs, opts);
  const { rebuilt } = cache;
  if (rebuilt.length < slugs.length) log(statusText.unchanged(slugs.length - rebuilt.length, slugs.length, CACHE_FILE));
  mkdirSync(dirname(outDir), { recursive: true }); // --out may name a folder whose parent does not exist yet
  const tmp = mkdtempSync(join(dirname(outDir), ownedPrefix(`${basename(outDir)}.tmp-`)));
  const chromium = pdf && rebuilt.length > 0 ? startChromium(log) : undefined;
  const tick = progressTicks(rebuilt.length, chromium ? ['data', 'print'] : ['data'], opts.progress);
  try {
    const dataStarted = performance.now();
    const steps = await runDataSteps(rebuilt, { root, now, draft: opts.draft === true, dirOf: (slug) => join(tmp, slug), log, onDone: () => tick('data') });
    if (steps.length > 1) log(statusText.dataSteps(steps.length, dataThreads(steps.length), performance.now() - dataStarted));
    const views: ReportView[] = steps.map((s) => s.view);
    const reports: Array<[string, Indicators]> = steps.map((s) => [s.slug, s.indicators]);
    const scan = new ScanStep(tmp, steps.map((s) => ({ slug: s.slug, secrets: s.secrets, contentDir: join(root, 'content', s.slug), root })));
    const kept = keepOtherProjects(root, outDir, tmp, rebuilt);
    const started = performance.now();
    const sitePages = await renderPages(views, [...reports.map(([, r]) => r), ...kept], tmp);
    log(statusText.pagesWritten(performance.now() - started));
    const printStarted = performance.now();
    const printed = chromium ? await printReports(tmp, rebuilt, log, new Map(reports.map(([s, i]) => [s, i.report])), chromium, () => tick('print'), opts.now, sitePages, scan) : { problems: [], leaks: [] };
    await chromium?.close();
    if (chromium && rebuilt.length > 1) log(statusText.pdfsPrinted(rebuilt.length, availableParallelism(), performance.now() - printStarted));
    // Last: nothing personal in anything about to be published (ids, identity numbers, free text).
    const leaks = [...printed.leaks, ...(await scan.rest(kept.map((k) => k.report.slug)))];
    if (leaks.length + printed.problems.length > 0) throw new InputError([...leaks, ...printed.problems].map((p) => ({ ...p, file: `${basename(outDir)}/${p.file}` })));
    log(statusText.scanClean(scan.ms));
    if (cache.cacheable) writeManifest(tmp, cache.before, cache.keys, kept.map((k) => k.report.slug));
    readableByAll(tmp);
    swapInto(tmp, outDir);
  } catch (err) {
    await chromium?.close();
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return { slugs, rebuilt };
}

/** The keys of the new site: those of the projects built now, and the earlier ones of the projects kept. */
export function writeManifest(tmp: string, before: CacheManifest | undefined, keys: Map<string, string>, kept: string[]): void {
  const projects: Record<string, string> = {};
  for (const slug of kept) if (before?.projects[slug] !== undefined && !keys.has(slug)) projects[slug] = before.projects[slug]!;
  for (const [slug, key] of keys) projects[slug] = key;
  const sorted = Object.fromEntries(Object.entries(projects).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(join(tmp, CACHE_FILE), `${JSON.stringify({ format: 1, projects: sorted } satisfies CacheManifest, null, 2)}\n`);
}

/**
 * Building some projects keeps the others: the output folder of every other project of the root
 * that an earlier build left in `outDir` is carried into the new site, and listed on its index.
 */
function keepOtherProjects(root: string, outDir: string, tmp: string, building: string[]): Indicators[] {
  if (!existsSync(outDir)) return [];
  const kept: Indicators[] = [];
  for (const slug of listProjects(root)) {
    const json = join(outDir, slug, 'indicators.json');
    if (building.includes(slug) || !existsSync(json)) continue;
    cpSync(join(outDir, slug), join(tmp, slug), { recursive: true, preserveTimestamps: true });
    kept.push(JSON.parse(readFileSync(json, 'utf8')) as Indicators);
  }
  return kept;
}

/** A web server must read the site: folders 0755 (mkdtemp makes 0700), files 0644, whatever the umask. */
export function readableByAll(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) readableByAll(path);
    else chmodSync(path, 0o644);
  }
}

export function swapInto(tmp: string, outDir: string): void {
  const old = `${ownedPrefix(`${outDir}.old-`)}swap`;
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
