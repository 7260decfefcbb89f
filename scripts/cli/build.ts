// CLI: npm run build [-- --root <dir>] [-- --out <dir>] [-- --quiet] [slug …]
import { parseArgs } from 'node:util';
import { buildSite } from '../site/build-site.ts';
import { InputError } from '../problems.ts';
import { maskStdio } from '../privacy/mask.ts';

maskStdio(); // every printed line masked (scripts/privacy/mask.ts)

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    root: { type: 'string', default: '.' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const log = values.quiet ? () => {} : (line: string) => console.log(line);
const started = performance.now();
try {
  const outDir = values.out ?? `${values.root}/_site`;
  const { slugs } = await buildSite({ root: values.root!, outDir, slugs: positionals, log, now: buildDate() });
  log(`Built ${slugs.length} report(s) into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (err) {
  if (err instanceof InputError) {
    console.error(`Build failed: the input has ${err.problems.length} problem(s). The previous site was left untouched.\n\n${err.message}`);
    process.exit(1);
  }
  // Anything else is not the input's fault: one clear line, the trace only on request.
  if (process.env.EVAL_REPORT_DEBUG) throw err;
  console.error(`Build failed: ${err instanceof Error ? err.message : String(err)}\nThe previous site was left untouched. Set EVAL_REPORT_DEBUG=1 to see where it failed.`);
  process.exit(2);
}

/** SOURCE_DATE_EPOCH (seconds) pins the build date for reproducible output. */
function buildDate(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch ? new Date(Number(epoch) * 1000) : new Date();
}
