// eval-report diff <old indicators.json> <new indicators.json> (npm run diff): the changes between two versions of
// a report, as the appendix "Ändringar sedan föregående version" lists them (scripts/publish/diff-indicators.ts).
import { diffIndicators, readIndicators, type Comparable, type IndicatorsDiff } from '../publish/diff-indicators.ts';
import { InputError } from '../problems.ts';
import { formatChange } from '../render/previous-version.ts';
import { EXIT, runIfMain, type Command } from './command.ts';
import { statusText } from '../problem-messages.ts';

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

export const command: Command = {
  name: 'diff',
  summary: 'Lists every figure whose value changed between two versions of a report (indicators.json files), added or removed, and the goals whose assessment changed.',
  operands: '<old indicators.json> <new indicators.json>',
  arity: [2, 2],
  options: {},
  async run({ positionals }) {
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
    if (problems.length > 0) {
      console.error(statusText.cannotCompare(new InputError(problems).message));
      return EXIT.input;
    }
    console.log(formatDiff(diffIndicators(before!, after!), after!));
    return EXIT.ok;
  },
};

runIfMain(import.meta.url, command);
