// eval-report build [--root <dir>] [--out <dir>] [--quiet] [--shard i/n] [slug …]: builds the reports (site and
// PDF) into <root>/_site, atomically; projects not named keep their earlier output.
import { InputError } from '../problems.ts';
import { cliText, statusText } from '../problem-messages.ts';
import { commandLine, EnvironmentError, EXIT, projectSlugs, QUIET, ROOT, paint, runIfMain, UsageError, type Command } from './command.ts';

export const command: Command = {
  name: 'build',
  summary: 'Builds the reports: the web pages, the PDF, indicators.json and the CSV files, every project or the ones named. A failed build prints every problem and leaves the previous site as it was; projects not named keep their output.',
  operands: '[slug …]',
  arity: [0, Infinity],
  options: {
    root: ROOT,
    out: { type: 'string', arg: 'dir', defaultText: '<root>/_site', description: 'output folder, replaced only when every project built' },
    quiet: QUIET,
    shard: { type: 'string', arg: 'i/n', description: 'build only part i of n of the projects (every n-th in name order, from the i-th); join the parts with `eval-report assemble`' },
  },
  notes: ['Environment: SOURCE_DATE_EPOCH pins the build date; CHROMIUM_PATH chooses the browser that prints the PDF.'],
  async run({ values, positionals }) {
    const root = values.root as string;
    const quiet = values.quiet === true;
    const slugs = shardOf(projectSlugs(root, positionals), values.shard as string | undefined);
    const log = quiet ? () => {} : (line: string) => console.log(line);
    const bar = quiet ? undefined : progressLine();
    const started = performance.now();
    const outDir = (values.out as string | undefined) ?? `${root}/_site`;
    // Loaded here, not above: --help and a usage mistake answer without loading Eleventy.
    const { buildSite } = await import('../site/build-site.ts');
    try {
      await buildSite({ root, outDir, slugs, log, now: buildDate(), progress: bar?.show });
      bar?.end();
    } catch (err) {
      bar?.end();
      if (err instanceof InputError) {
        console.error(statusText.buildFailed(paint('red', statusText.buildFailedHead, process.stderr), err.problems.length, err.message, commandLine('check', positionals, root)));
        return EXIT.input;
      }
      if (/Chromium|browser/i.test((err as Error).message)) throw new EnvironmentError(cliText.browserFailed((err as Error).message), { cause: err });
      throw err;
    }
    log(statusText.built(slugs.length, outDir, performance.now() - started));
    return EXIT.ok;
  },
};

/** SOURCE_DATE_EPOCH (seconds) pins the build date for reproducible output; unpinned, the build takes the clock's. */
function buildDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch ? new Date(Number(epoch) * 1000) : undefined;
}

/** `--shard i/n`: the projects at positions i-1, i-1+n, i-1+2n … of the sorted list (the same on every machine). */
export function shardOf(slugs: string[], shard: string | undefined): string[] {
  if (shard === undefined) return slugs;
  const m = /^(\d+)\/(\d+)$/.exec(shard);
  const [i, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || n < 1 || i < 1 || i > n) throw new UsageError(cliText.shardSyntax(shard));
  const part = [...slugs].sort().filter((_, k) => k % n === i - 1);
  if (part.length === 0) throw new UsageError(cliText.shardEmpty(shard, slugs.length));
  return part;
}

/**
 * The progress line: rewritten in place on a terminal (standard error), else printed at every
 * tenth of the way, so that a CI log shows it without a line per project.
 */
function progressLine(): { show: (line: string) => void; end: () => void } {
  const tty = process.stderr.isTTY === true;
  let shown = -1;
  let open = false;
  return {
    show(line) {
      if (tty) {
        process.stderr.write(`\r\x1b[2K${line}`);
        open = true;
        return;
      }
      const tenth = Math.floor(Number(/(\d+) %/.exec(line)?.[1] ?? 0) / 10);
      if (tenth > shown) {
        shown = tenth;
        console.error(line);
      }
    },
    end() {
      if (open) process.stderr.write('\n');
      open = false;
    },
  };
}

runIfMain(import.meta.url, command);
