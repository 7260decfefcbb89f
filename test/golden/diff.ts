// Readable differences between a golden report and a fresh build: figures by id, unit, gender
// (and category), field by field; the rest of indicators.json and each HTML fragment as a
// unified-style line diff.
import type { Figure, Indicators } from '../../scripts/publish/indicators-schema.ts';
import type { GoldenReport } from './golden.ts';

const figureKey = (f: Figure): string => [f.id, f.unit, f.gender, f.category ?? ''].join('\u0000');
const describeKey = (f: Figure): string => `figure ${f.id}, unit ${f.unit}, gender ${f.gender}${f.category !== undefined ? `, category ${f.category}` : ''}`;
const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));

/** One line per figure that differs, appeared or disappeared: which field, expected vs got. */
export function figureDiffs(expected: Figure[], got: Figure[]): string[] {
  const byKey = new Map(got.map((f) => [figureKey(f), f]));
  const lines: string[] = [];
  for (const e of expected) {
    const g = byKey.get(figureKey(e));
    byKey.delete(figureKey(e));
    if (!g) {
      lines.push(`${describeKey(e)}: expected, not built`);
      continue;
    }
    const fields = [...new Set([...Object.keys(e), ...Object.keys(g)])] as (keyof Figure)[];
    const changed = fields.filter((k) => JSON.stringify(e[k]) !== JSON.stringify(g[k]));
    if (changed.length) lines.push(`${describeKey(e)}: ${changed.map((k) => `${k} expected ${show(e[k])}, got ${show(g[k])}`).join('; ')}`);
  }
  for (const g of byKey.values()) lines.push(`${describeKey(g)}: built, not expected`);
  return lines;
}

/** A unified-style diff of two texts by line (`-` expected, `+` got), with `context` lines around each change. */
export function unifiedDiff(expected: string, got: string, context = 2): string {
  const a = expected.split('\n');
  const b = got.split('\n');
  // Common prefix and suffix first: the longest-common-subsequence table is then of the changed middle only.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ops = middleOps(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf));
  const all: Op[] = [...a.slice(0, pre).map((t): Op => [' ', t]), ...ops, ...a.slice(a.length - suf).map((t): Op => [' ', t])];
  const keep = all.map((o, i) => o[0] !== ' ' || all.slice(Math.max(0, i - context), i + context + 1).some((x) => x[0] !== ' '));
  const out: string[] = [];
  let lineA = 1;
  let lineB = 1;
  all.forEach((o, i) => {
    if (keep[i] && (i === 0 || !keep[i - 1])) out.push(`@@ expected line ${lineA}, got line ${lineB} @@`);
    if (keep[i]) out.push(`${o[0]}${o[1]}`);
    if (o[0] !== '+') lineA++;
    if (o[0] !== '-') lineB++;
  });
  return out.join('\n');
}

type Op = [' ' | '-' | '+', string];

function middleOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) (ops.push([' ', a[i]!]), i++, j++);
    else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) (ops.push(['-', a[i]!]), i++);
    else (ops.push(['+', b[j]!]), j++);
  }
  return ops;
}

/** Everything that differs between the golden and the build, as readable paragraphs (empty: the same). */
export function reportDiffs(expected: GoldenReport, got: GoldenReport): string[] {
  const out: string[] = [];
  const figures = figureDiffs(expected.indicators.figures, got.indicators.figures);
  if (figures.length) out.push(`indicators.json, figures:\n  ${figures.join('\n  ')}`);
  const rest = (ind: Indicators) => JSON.stringify({ ...ind, figures: undefined }, null, 2);
  if (rest(expected.indicators) !== rest(got.indicators)) out.push(`indicators.json, report, goals, models and checks:\n${unifiedDiff(rest(expected.indicators), rest(got.indicators))}`);
  for (const name of [...new Set([...Object.keys(expected.fragments), ...Object.keys(got.fragments)])].sort()) {
    const e = expected.fragments[name];
    const g = got.fragments[name];
    if (e === g) continue;
    if (e === undefined || g === undefined) out.push(`${name}.html: ${e === undefined ? 'on the page, no golden' : 'golden, not on the page'}`);
    else out.push(`${name}.html:\n${unifiedDiff(e, g)}`);
  }
  return out;
}
