// eval-report build [--root <dir>] [--out <dir>] [--quiet] [slug …]: builds the reports (site and
// PDF) into <root>/_site, atomically; projects not named keep their earlier output.
import { InputError } from '../problems.ts';
import { commandLine, EnvironmentError, EXIT, projectSlugs, QUIET, ROOT, paint, runIfMain, type Command } from './command.ts';

export const command: Command = {
  name: 'build',
  summary: 'Builds the reports: the web pages, the PDF, indicators.json and the CSV files, every project or the ones named. A failed build prints every problem and leaves the previous site as it was; projects not named keep their output.',
  operands: '[slug …]',
  arity: [0, Infinity],
  options: {
    root: ROOT,
    out: { type: 'string', arg: 'dir', defaultText: '<root>/_site', description: 'output folder, replaced only when every project built' },
    quiet: QUIET,
  },
  notes: ['Environment: SOURCE_DATE_EPOCH pins the build date; CHROMIUM_PATH chooses the browser that prints the PDF.'],
  async run({ values, positionals }) {
    const root = values.root as string;
    const quiet = values.quiet === true;
    const slugs = projectSlugs(root, positionals);
    const log = quiet ? () => {} : (line: string) => console.log(line);
    const started = performance.now();
    const outDir = (values.out as string | undefined) ?? `${root}/_site`;
    // Loaded here, not above: --help and a usage mistake answer without loading Eleventy.
    const { buildSite } = await import('../site/build-site.ts');
    try {
      await buildSite({ root, outDir, slugs, log, now: buildDate() });
    } catch (err) {
      if (err instanceof InputError) {
        console.error(`${paint('red', 'Build failed', process.stderr)}: the input has ${err.problems.length} problem(s). The previous site was left untouched.\n\n${err.message}\n\n${commandLine('check', positionals, root)} lists them without building.`);
        return EXIT.input;
      }
      if (/Chromium|browser/i.test((err as Error).message)) throw new EnvironmentError(`${(err as Error).message}\nThe previous site was left untouched.`);
      throw err;
    }
    log(`Built ${slugs.length} report(s) into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return EXIT.ok;
  },
};

/** SOURCE_DATE_EPOCH (seconds) pins the build date for reproducible output. */
function buildDate(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch ? new Date(Number(epoch) * 1000) : new Date();
}

runIfMain(import.meta.url, command);
