// eval-report bench [--runs 3] [--sizes 1000,1000000] [--only data,build,edit,stats] (npm run bench): the speed figures the issues name, as medians of several runs in fresh processes.
//   data step, 1 000 000 participants (+ ~2 000 000 activity rows): target < 10 s and < 2 GB RSS
//   data step, 1 000 participants: target well under 1 s
//   full clean build of MIA Vidare, HTML + PDF, Node start included: target < 6 s
//   the page rebuilt after a narrative edit (warm, no PDF): target < 1 s
//   OLS and logit fitted on 1 000 000 rows with 10 predictors: target < 5 s together
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeBenchData } from '../generate/mia-vidare.ts';
import { EXIT, runIfMain, UsageError, wholeNumber, type Command } from './command.ts';

const GROUPS = ['data', 'build', 'edit', 'stats'];

export const command: Command = {
  name: 'bench',
  summary: 'The speed figures of the README, as medians of several runs in fresh processes: the data step at each size, a full clean build of MIA Vidare, the page rebuilt after a narrative edit, the statistical models.',
  operands: '',
  arity: [0, 0],
  options: {
    runs: { type: 'string', arg: 'n', default: '3', description: 'runs of each benchmark' },
    sizes: { type: 'string', arg: 'list', default: '1000,1000000', description: 'participants of the synthetic data steps, comma-separated' },
    only: { type: 'string', arg: 'groups', defaultText: 'all of data,build,edit,stats', description: 'the groups to run, comma-separated' },
  },
  async run({ values }) {
    const runs = wholeNumber('runs', values.runs as string);
    const sizes = (values.sizes as string).split(',').map((x) => wholeNumber('sizes', x.trim()));
    const only = values.only === undefined ? GROUPS : (values.only as string).split(',').map((x) => x.trim());
    const wrong = only.filter((g) => !GROUPS.includes(g));
    if (wrong.length > 0) throw new UsageError(`--only takes ${GROUPS.join(', ')}, not ${wrong.join(', ')}`);
    await bench(runs, sizes, only);
    return EXIT.ok;
  },
};

const repo = join(import.meta.dirname, '..', '..');
const slug = 'mia-vidare';

interface Run { readMs: number; computeMs: number; totalMs: number; rows: number; figures: number; maxRssMb: number }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function project(size: number): Promise<string> {
  const root = join(repo, '.bench', `mia-vidare-${size}`);
  const marker = join(root, '.complete');
  if (!existsSync(marker)) {
    console.log(`Generating ${size.toLocaleString('sv-SE')} synthetic participants in ${root} …`);
    mkdirSync(join(root, 'content', slug), { recursive: true });
    cpSync(join(repo, 'content', slug, 'report.yaml'), join(root, 'content', slug, 'report.yaml'));
    await writeBenchData(join(root, 'data', slug), size);
    writeFileSync(marker, '');
  }
  return root;
}

async function bench(runs: number, sizes: number[], only: string[]): Promise<void> {
  const results: string[] = [];
  const want = (name: string) => only.includes(name);
  for (const size of want('data') ? sizes : []) {
    const root = await project(size);
    const rs: Run[] = [];
    for (let i = 1; i <= runs; i++) {
      process.stdout.write(`  data step, ${size.toLocaleString('sv-SE')} participants: run ${i}/${runs} … `);
      const out = execFileSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'cli', 'bench-run.ts'), root, slug], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const r = JSON.parse(out.trim().split('\n').at(-1)!) as Run;
      console.log(`${(r.totalMs / 1000).toFixed(2)} s, ${Math.round(r.maxRssMb)} MB`);
      rs.push(r);
    }
    const total = median(rs.map((r) => r.totalMs));
    const rows = rs[0]!.rows;
    results.push(
      `data step, ${size.toLocaleString('sv-SE')} participants (${rows.toLocaleString('sv-SE')} rows in all): ` +
        `median ${(total / 1000).toFixed(2)} s (read+validate+map ${(median(rs.map((r) => r.readMs)) / 1000).toFixed(2)} s, compute ${(median(rs.map((r) => r.computeMs)) / 1000).toFixed(2)} s), ` +
        `${Math.round(rows / (total / 1000)).toLocaleString('sv-SE')} rows/s, peak RSS ${Math.round(median(rs.map((r) => r.maxRssMb)))} MB, ${runs} runs`,
    );
  }
  if (want('build')) {
    const times: number[] = [];
    const out = join(repo, '.bench', 'site');
    for (let i = 1; i <= runs; i++) {
      process.stdout.write(`  full clean build of ${slug} (HTML + PDF): run ${i}/${runs} … `);
      rmSync(out, { recursive: true, force: true });
      const t0 = performance.now();
      execFileSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'cli', 'build.ts'), '--quiet', '--out', out, slug], { cwd: repo, stdio: 'inherit' });
      times.push(performance.now() - t0);
      console.log(`${(times.at(-1)! / 1000).toFixed(2)} s`);
    }
    results.push(`full clean build of ${slug}, HTML + PDF, Node start included: median ${(median(times) / 1000).toFixed(2)} s, ${runs} runs`);
  }
  if (want('edit')) {
    process.stdout.write(`  page rebuilt after a narrative edit (${slug}, warm, no PDF): ${runs} edits … `);
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'cli', 'bench-rebuild.ts'), repo, slug, String(runs)], { cwd: repo, encoding: 'utf8' });
    const { rebuildMs } = JSON.parse(out.trim().split('\n').at(-1)!) as { rebuildMs: number[] };
    console.log(rebuildMs.map((ms) => `${Math.round(ms)} ms`).join(', '));
    results.push(`page rebuilt after a narrative edit (${slug}, warm, no PDF): median ${Math.round(median(rebuildMs))} ms, ${runs} edits`);
  }
  if (want('stats')) {
    const fits: { olsMs: number; logitMs: number }[] = [];
    for (let i = 1; i <= runs; i++) {
      process.stdout.write(`  OLS + logit, 1 000 000 rows × 10 predictors: run ${i}/${runs} … `);
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', "import('../scripts/stats/index.ts').then((m) => console.log(JSON.stringify(m.benchFit())))"], { cwd: repo, encoding: 'utf8' });
      fits.push(JSON.parse(out.trim().split('\n').at(-1)!) as { olsMs: number; logitMs: number });
      console.log(`OLS ${Math.round(fits.at(-1)!.olsMs)} ms, logit ${Math.round(fits.at(-1)!.logitMs)} ms`);
    }
    const ols = median(fits.map((f) => f.olsMs));
    const logit = median(fits.map((f) => f.logitMs));
    results.push(`OLS + logit, 1 000 000 rows × 10 predictors: median ${((ols + logit) / 1000).toFixed(2)} s (OLS ${Math.round(ols)} ms, logit ${Math.round(logit)} ms), ${runs} runs`);
  }
  console.log('\nBenchmark results');
  for (const line of results) console.log(`  ${line}`);
}

runIfMain(import.meta.url, command);
