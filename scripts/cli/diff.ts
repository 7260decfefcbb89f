// npm run diff -- <old indicators.json> <new indicators.json>: the changes between two versions of
// a report, as the appendix "Ändringar sedan föregående version" lists them (scripts/publish/diff-indicators.ts).
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { diffIndicators, readIndicators, type Comparable, type IndicatorsDiff } from '../publish/diff-indicators.ts';
import { InputError } from '../problems.ts';
import { formatChange } from '../render/previous-version.ts';
import { maskStdio } from '../privacy/mask.ts';

/** The diff as a plain-text table, values formatted in the new version's language. */
export function formatDiff(diff: IndicatorsDiff, after: Comparable): string {
  const lang = after.report.language;
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  const rows = diff.figures.map((c) => [c.change, c.id, c.unit, c.gender, c.category ?? '', ...formatChange(c.old, c.new, lang).map(plain)]);
  const out: string[] = [];
  const n = (k: string) => diff.figures.filter((f) => f.change === k).length;
  out.push(`${n('changed')} changed, ${n('added')} added, ${n('removed')} removed figures; ${diff.goals.length} goal result(s) changed.`);
  if (rows.length > 0) {
    const head = ['change', 'figure', 'unit', 'gender', 'category', 'old', 'new'];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((x, i) => (i >= 5 ? x.padStart(w[i]!) : x.padEnd(w[i]!))).join('  ').trimEnd();
    out.push('', line(head), line(w.map((x) => '-'.repeat(x))), ...rows.map(line));
  }
  if (diff.goals.length > 0) {
    const met = (x: boolean | null | undefined) => (x === undefined ? 'not judged' : x === null ? 'suppressed' : x ? 'met' : 'not met');
    out.push('', 'goals:', ...diff.goals.map((g) => `  ${g.id} (${g.unit}): ${met(g.old)} → ${met(g.new)}`));
  }
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  maskStdio(); // every printed line masked (scripts/privacy/mask.ts)
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 2) {
    console.error('Usage: npm run diff -- <old indicators.json> <new indicators.json>');
    process.exit(1);
  }
  try {
    // Both files are read before failing, so that every problem of both is reported at once.
    const problems: InputError['problems'] = [];
    const [before, after] = positionals.map((f) => {
      try {
        return readIndicators(f);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        problems.push(...err.problems);
        return null;
      }
    });
    if (problems.length > 0) throw new InputError(problems);
    console.log(formatDiff(diffIndicators(before!, after!), after!));
  } catch (err) {
    if (err instanceof InputError) {
      console.error(`Cannot compare the two files:\n${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
