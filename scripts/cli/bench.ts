// eval-report bench [--runs 3] [--sizes 1000,1000000] [--only data,build,many,edit,stats] (npm run bench):
// the speed figures of the README, each run in a fresh process, side by side with the peers that
// are installed (alternating runs, ratios pair by pair):
//   data   the data step at each size; against DuckDB (@duckdb/node-api) computing the same core
//          indicators from the same CSVs, whose values are compared with ours
//   build  a clean build of MIA Vidare (HTML + PDF + checks + scan); against R Markdown (Rscript
//          with rmarkdown, ggplot2 and pandoc) rendering a comparable document to HTML; then the
//          per-step times of one build
//   many   every example in one build against MIA Vidare alone
//   edit   the page rebuilt after a narrative edit (warm, no PDF)
//   stats  OLS and logit fitted on 1 000 000 rows with 10 predictors
//   portfolio  clean builds (HTML + PDF) of synthetic portfolios of 20 and 200 projects
//          (generate-portfolio), where their time goes, and the rebuild with nothing changed
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiled } from '../compile.mjs';
import { writeBenchData } from '../generate/mia-vidare.ts';
import { generatePortfolio } from '../generate/portfolio.ts';
import { canMeasureCpu, comparison, countsOrphans, measure, median, onPath, pairs, type Job, type Pair } from '../bench/measure.ts';
import { rmarkdownCommand, writeRmarkdownPeer } from '../bench/rmarkdown.ts';
import { EXIT, runIfMain, UsageError, wholeNumber, type Command } from './command.ts';
import { cliText } from '../problem-messages.ts';

const GROUPS = ['data', 'build', 'many', 'edit', 'stats', 'portfolio'];

export const command: Command = {
  name: 'bench',
  summary: 'The speed figures of the README, each run in a fresh process, against the installed peers (DuckDB, R Markdown) in alternating runs with ratios pair by pair: the data step at each size, a clean build of MIA Vidare with its per-step times, every example in one build against one, the page rebuilt after a narrative edit, the statistical models, and generated portfolios of 20 and 200 projects (the portfolio group).',
  operands: '',
  arity: [0, 0],
  options: {
    runs: { type: 'string', arg: 'n', default: '3', description: 'runs (pairs, against a peer) of each benchmark' },
    sizes: { type: 'string', arg: 'list', default: '1000,1000000', description: 'participants of the synthetic data steps, comma-separated' },
    only: { type: 'string', arg: 'groups', defaultText: `all of ${GROUPS.join(',')}`, description: 'the groups to run, comma-separated' },
  },
  notes: ['Peers: `apt-get install -y r-base-core r-cran-rmarkdown r-cran-ggplot2 pandoc` (R Markdown); `npm install --no-save @duckdb/node-api@1.5.6-r.1` (DuckDB). A peer that is missing is skipped with a note.'],
  async run({ values }) {
    const runs = wholeNumber('runs', values.runs as string);
    const sizes = (values.sizes as string).split(',').map((x) => wholeNumber('sizes', x.trim()));
    const only = values.only === undefined ? GROUPS : (values.only as string).split(',').map((x) => x.trim());
    const wrong = only.filter((g) => !GROUPS.includes(g));
    if (wrong.length > 0) throw new UsageError(cliText.benchGroups(GROUPS, wrong));
    if (!canMeasureCpu()) throw new UsageError(cliText.benchLinuxOnly);
    await bench(runs, sizes, only);
    return EXIT.ok;
  },
};

const repo = join(import.meta.dirname, '..', '..');
const slug = 'mia-vidare';
const sv = (n: number) => n.toLocaleString('sv-SE');

type Entry = 'bench-run' | 'bench-rebuild' | 'duckdb-peer';
const SOURCES: Record<Entry, string> = { 'bench-run': 'cli/bench-run.ts', 'bench-rebuild': 'cli/bench-rebuild.ts', 'duckdb-peer': 'bench/duckdb-peer.ts' };
/** The compiled entry points (scripts/compile.mjs), as npm run build runs them; the sources through tsx without esbuild. */
const entries = new Map<Entry, string | undefined>();

/** One of our entry points with its arguments, as a job in a fresh Node process. */
function ours(label: string, entry: Entry, args: string[]): Job {
  const url = entries.get(entry);
  return { label, command: process.execPath, args: [...(url ? [fileURLToPath(url)] : ['--import', 'tsx', join(repo, 'scripts', SOURCES[entry])]), ...args], cwd: repo };
}

/** `eval-report <args>` in a fresh process, as npm run build starts it. */
const cli = (label: string, args: string[]): Job => ({ label, command: process.execPath, args: [join(repo, 'bin', 'eval-report.mjs'), ...args], cwd: repo });

async function project(size: number): Promise<string> {
  const root = join(repo, '.bench', `mia-vidare-${size}`);
  const marker = join(root, '.complete');
  if (!existsSync(marker)) {
    console.log(`Generating ${sv(size)} synthetic participants in ${root} …`);
    mkdirSync(join(root, 'content', slug), { recursive: true });
    cpSync(join(repo, 'content', slug, 'report.yaml'), join(root, 'content', slug, 'report.yaml'));
    await writeBenchData(join(root, 'data', slug), size);
    writeFileSync(marker, '');
  }
  return root;
}

/** Whether @duckdb/node-api can be loaded here. */
async function hasDuckdb(): Promise<boolean> {
  try {
    const name: string = '@duckdb/node-api';
    await import(name);
    return true;
  } catch {
    return false;
  }
}

interface DataRun { readMs: number; computeMs: number; totalMs: number; rows?: number; maxRssMb: number; values: Record<string, number> }
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as DataRun;

/** How many of DuckDB's values equal ours (those we publish: a suppressed one has none), and the first few that do not. */
function sameValues(o: DataRun, d: DataRun): string {
  const keys = Object.keys(d.values).filter((k) => o.values[k] !== undefined && o.values[k] !== null);
  const differ = keys.filter((k) => Math.abs(o.values[k]! - d.values[k]!) > 1e-6 * Math.max(1, Math.abs(d.values[k]!)));
  const shown = differ.slice(0, 5).map((k) => `${k}: ours ${o.values[k] ?? 'none'}, DuckDB ${d.values[k]}`).join('; ');
  const suppressed = Object.keys(d.values).length - keys.length;
  return `${keys.length - differ.length} of ${keys.length} core figures equal DuckDB's${suppressed > 0 ? ` (${suppressed} more suppressed in ours)` : ''}${differ.length > 0 ? ` (differ: ${shown}${differ.length > 5 ? ' …' : ''})` : ''}`;
}

async function benchData(runs: number, sizes: number[], duckdb: boolean, results: string[]): Promise<void> {
  if (!duckdb) results.push('DuckDB: not installed (npm install --no-save @duckdb/node-api@1.5.6-r.1, as the README says), so the data step is measured alone');
  for (const size of sizes) {
    const root = await project(size);
    const job = ours(`data step, ${sv(size)} participants`, 'bench-run', [root, slug]);
    console.log(`${job.label}${duckdb ? ', against DuckDB' : ''}:`);
    const peer: Job = { ...ours('DuckDB', 'duckdb-peer', [join(root, 'data', slug)]), label: 'DuckDB' };
    const ps: Pair[] = duckdb ? pairs(runs, job, peer, console.log) : Array.from({ length: runs }, () => ((m) => ({ ours: m, peer: m }))(measure(job)));
    const o = ps.map((p) => lastJson(p.ours.stdout));
    const rows = o[0]!.rows ?? 0;
    const total = median(o.map((r) => r.totalMs));
    results.push(
      `${job.label} (${sv(rows)} rows in all): median ${(total / 1000).toFixed(2)} s in the process (read+validate+map ${(median(o.map((r) => r.readMs)) / 1000).toFixed(2)} s, compute ${(median(o.map((r) => r.computeMs)) / 1000).toFixed(2)} s), ` +
        `${sv(Math.round(rows / (total / 1000)))} rows/s, peak RSS ${Math.round(median(o.map((r) => r.maxRssMb)))} MB, ${runs} runs`,
    );
    if (!duckdb) continue;
    const d = ps.map((p) => lastJson(p.peer.stdout));
    results.push(`  ${comparison(`against DuckDB, ${sv(size)} participants, whole process`, 'DuckDB', ps)}; peak RSS ours ${Math.round(median(o.map((r) => r.maxRssMb)))} MB, DuckDB ${Math.round(median(d.map((r) => r.maxRssMb)))} MB; ${sameValues(o[0]!, d[0]!)}`);
  }
}

/** The build's own progress lines of one clean build: the per-step times. */
function buildSteps(out: string): string[] {
  rmSync(out, { recursive: true, force: true });
  const { stdout } = measure(cli('one build', ['build', '--out', out, slug]));
  return stdout.trim().split('\n').filter((l) => /\(\d+ ms\)|\d+ ms|in [\d.]+ s/.test(l)).map((l) => `  ${l.replace(/ → .*$/, '')}`);
}

function benchBuild(runs: number, results: string[]): void {
  const out = join(repo, '.bench', 'site');
  const job = cli(`clean build of ${slug} (HTML + PDF + checks + scan)`, ['build', '--quiet', '--out', out, slug]);
  const clean = () => rmSync(out, { recursive: true, force: true });
  const hasR = onPath('Rscript') && onPath('pandoc') && execFileSync('Rscript', ['-e', 'cat(all(c("rmarkdown", "ggplot2") %in% rownames(installed.packages())))'], { encoding: 'utf8' }).trim() === 'TRUE';
  console.log(`${job.label}${hasR ? ', against R Markdown (HTML only, 12 ggplots, the same narrative)' : ''}:`);
  if (hasR) {
    const chapters = ['sammanfattning.md', 'syfte.md', 'metod.md', 'genomforande.md', 'resultat.md', 'enkat.md', 'bedomning.md', 'forandringsteori.md'];
    const rmd = writeRmarkdownPeer(join(repo, 'content', slug), join(repo, 'data', slug), chapters, join(repo, '.bench', 'rmarkdown'));
    const [command, args] = rmarkdownCommand(rmd);
    const ps = pairs(runs, job, { label: 'R Markdown', command, args, cwd: repo }, console.log, clean);
    results.push(comparison(job.label, 'R Markdown → HTML', ps));
  } else {
    results.push('R Markdown: not installed (apt-get install -y r-base-core r-cran-rmarkdown r-cran-ggplot2 pandoc), so the build is measured alone');
    const ms = Array.from({ length: runs }, () => (clean(), measure(job)));
    results.push(`${job.label}: median ${(median(ms.map((m) => m.cpuMs)) / 1000).toFixed(2)} CPU-s, ${(median(ms.map((m) => m.wallMs)) / 1000).toFixed(2)} s wall, ${runs} runs`);
  }
  results.push(`per-step times of one clean build of ${slug} (its progress lines):`, ...buildSteps(out));
}

function benchMany(runs: number, results: string[]): void {
  const out = join(repo, '.bench', 'site-many');
  const all = cli('every example in one build', ['build', '--quiet', '--out', out]);
  const one = cli(`${slug} alone`, ['build', '--quiet', '--out', out, slug]);
  console.log(`${all.label}, against ${one.label}:`);
  const ps = pairs(runs, all, one, console.log, () => rmSync(out, { recursive: true, force: true }));
  results.push(comparison(all.label, `${slug} alone`, ps));
}

function benchEdit(runs: number, results: string[]): void {
  process.stdout.write(`page rebuilt after a narrative edit (${slug}, warm, no PDF): ${runs} edits … `);
  const { stdout } = measure(ours('edit', 'bench-rebuild', [repo, slug, String(runs)]));
  const { rebuildMs } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { rebuildMs: number[] };
  console.log(rebuildMs.map((ms) => `${Math.round(ms)} ms`).join(', '));
  results.push(`page rebuilt after a narrative edit (${slug}, warm, no PDF): median ${Math.round(median(rebuildMs))} ms, ${runs} edits`);
}

function benchStats(runs: number, results: string[]): void {
  const fits: { olsMs: number; logitMs: number }[] = [];
  for (let i = 1; i <= runs; i++) {
    process.stdout.write(`OLS + logit, 1 000 000 rows × 10 predictors: run ${i}/${runs} … `);
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', "import('../scripts/stats/index.ts').then((m) => console.log(JSON.stringify(m.benchFit())))"], { cwd: repo, encoding: 'utf8' });
    fits.push(JSON.parse(out.trim().split('\n').at(-1)!) as { olsMs: number; logitMs: number });
    console.log(`OLS ${Math.round(fits.at(-1)!.olsMs)} ms, logit ${Math.round(fits.at(-1)!.logitMs)} ms`);
  }
  const ols = median(fits.map((f) => f.olsMs));
  const logit = median(fits.map((f) => f.logitMs));
  results.push(`OLS + logit, 1 000 000 rows × 10 predictors: median ${((ols + logit) / 1000).toFixed(2)} s (OLS ${Math.round(ols)} ms, logit ${Math.round(logit)} ms), ${runs} runs`);
}

/** A synthetic portfolio of `count` projects in .bench/ (generated once; never in the repository). */
async function portfolio(count: number): Promise<string> {
  const root = join(repo, '.bench', `portfolio-${count}`);
  const marker = join(root, '.complete');
  if (!existsSync(marker)) {
    rmSync(root, { recursive: true, force: true });
    console.log(`Generating a portfolio of ${count} synthetic projects in ${root} …`);
    await generatePortfolio(root, count);
    writeFileSync(marker, '');
  }
  return root;
}

/** The build's phase lines (data steps, pages, PDFs, scan) and its total. */
const phaseLines = (stdout: string) => stdout.trim().split('\n').filter((l) => /^(Data steps|Pages written|PDFs printed|Personal-data scan|Built)/.test(l)).map((l) => `    ${l}`);

/**
 * Clean builds of 20 and 200 projects: the 20 `runs` times, the 200 once (it takes minutes),
 * with its progress lines for where the time goes; then the 200 again with nothing changed.
 */
async function benchPortfolio(runs: number, results: string[]): Promise<void> {
  for (const [count, times] of [[20, runs], [200, 1]] as const) {
    const root = await portfolio(count);
    const out = join(repo, '.bench', `portfolio-${count}-site`);
    const job = cli(`clean build of ${count} projects (HTML + PDF + checks + scan)`, ['build', '--root', root, '--out', out]);
    const ms = Array.from({ length: times }, (_, i) => {
      rmSync(out, { recursive: true, force: true });
      process.stdout.write(`${job.label}: run ${i + 1}/${times} … `);
      const m = measure(job);
      console.log(`${(m.wallMs / 1000).toFixed(1)} s`);
      return m;
    });
    results.push(`${job.label}: median ${(median(ms.map((m) => m.wallMs)) / 1000).toFixed(1)} s wall, ${(median(ms.map((m) => m.cpuMs)) / 1000).toFixed(1)} CPU-s, ${times} run(s); one run's phases:`, ...phaseLines(ms[0]!.stdout));
    if (count !== 200) continue;
    const again = measure({ ...job, label: 'rebuild, nothing changed' });
    results.push(`rebuild of the ${count} projects with nothing changed (build-cache.json): ${(again.wallMs / 1000).toFixed(1)} s wall, ${(again.cpuMs / 1000).toFixed(1)} CPU-s`);
  }
}

async function bench(runs: number, sizes: number[], only: string[]): Promise<void> {
  const results: string[] = [];
  const want = (name: string) => only.includes(name);
  for (const e of Object.keys(SOURCES) as Entry[]) entries.set(e, await compiled(e));
  if (entries.get('bench-run') === undefined) results.push('esbuild is not installed: our commands ran as TypeScript through tsx, slower than npm run build runs them');
  if (!countsOrphans()) results.push("perl is not on the PATH, or this architecture's prctl is unknown or refused here: the CPU of processes a job leaves behind, such as Chromium's renderers, is not counted, and a build's CPU reads low");
  if (want('data')) await benchData(runs, sizes, await hasDuckdb(), results);
  if (want('build')) benchBuild(runs, results);
  if (want('many')) benchMany(runs, results);
  if (want('edit')) benchEdit(runs, results);
  if (want('stats')) benchStats(runs, results);
  if (want('portfolio')) await benchPortfolio(runs, results);
  console.log(`\nBenchmark results (CPU: user + system time of the whole process tree${countsOrphans() ? ", Chromium's processes included" : ''})`);
  for (const line of results) console.log(`  ${line}`);
}

runIfMain(import.meta.url, command);
