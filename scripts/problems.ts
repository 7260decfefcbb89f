// One shape for every input problem, so the CLI can print them grouped by file and a failed
// build can say everything that is wrong at once.
import { maskText, quoteInput, splitNumberParts, QUOTE_MAX } from './privacy/mask.ts';
import { internalText } from './problem-messages.ts';

export interface Problem {
  file: string;
  /** 1-based line in the file (the header is line 1, or 2 after a `sep=` line). */
  line?: number;
  /** Column header as written in the file, or a configuration key path. */
  column?: string;
  value?: string;
  /** What was expected instead, in plain words. */
  expected: string;
}

/** Most problems shown per file; the rest are counted. */
export const MAX_PROBLEMS_PER_FILE = 20;

/** Thrown when input is wrong; carries every problem found, not just the first. */
export class InputError extends Error {
  readonly problems: Problem[];
  /** `options.cause`: the error this one reports (a failed read, a parse error), kept for whoever debugs it. */
  constructor(problems: Problem[], options?: ErrorOptions) {
    const masked = maskProblems(problems);
    super(formatProblems(masked), options);
    this.problems = masked;
    this.name = 'InputError';
  }
}

/**
 * Thrown when an invariant of the tool itself fails: something only a bug in eval-report can
 * cause (the engine emitting conflicting figures, a generator missing its published figures),
 * never wrong input. The catalogue words the message; `detail` is for the developer.
 */
export class InternalError extends Error {
  readonly detail: string;
  constructor(detail: string, options?: ErrorOptions) {
    super(internalText.bug(detail), options);
    this.detail = detail;
    this.name = 'InternalError';
  }
}

/** Throws an InternalError with `detail` unless `condition` holds. */
export function invariant(condition: unknown, detail: string): asserts condition {
  if (!condition) throw new InternalError(detail);
}

/** Longest "expected" text printed (it may hold configuration values). */
const EXPECTED_MAX = 4 * QUOTE_MAX;

/**
 * Problems as they may be printed: every field masked (maskText), values cut to QUOTE_MAX
 * characters and what was expected to EXPECTED_MAX, and the parts of an identity number that
 * several problems of one line quote separately masked together.
 */
export function maskProblems(problems: Problem[]): Problem[] {
  const split = new Set<Problem>();
  const byLine = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.value === undefined || p.line === undefined) continue;
    const key = `${p.file}\u0000${p.line}`;
    byLine.set(key, [...(byLine.get(key) ?? []), p]);
  }
  for (const group of byLine.values()) {
    if (group.length < 2) continue;
    const at = (p: Problem) => Number(/^character (\d+)$/.exec(p.column ?? '')?.[1] ?? 0);
    const ordered = [...group].sort((a, b) => at(a) - at(b));
    for (const i of splitNumberParts(ordered.map((p) => p.value!))) split.add(ordered[i]!);
  }
  return problems.map((p) => {
    const out: Problem = { ...p, file: maskText(p.file), expected: quoteInput(p.expected, EXPECTED_MAX) };
    if (p.column !== undefined) out.column = quoteInput(p.column);
    if (p.value !== undefined) out.value = split.has(p) ? p.value.replace(/\d/g, '•') : quoteInput(p.value);
    return out;
  });
}

/** Collects problems while reading; `fail()` throws them all together. */
export class ProblemList {
  readonly items: Problem[] = [];
  add(problem: Problem): void {
    this.items.push(problem);
  }
  get size(): number {
    return this.items.length;
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new InputError(this.items);
  }
}

function describe(p: Problem): string {
  const where = [p.line !== undefined ? `line ${p.line}` : '', p.column !== undefined ? `column "${p.column}"` : '']
    .filter(Boolean)
    .join(', ');
  const value = p.value !== undefined ? `value ${JSON.stringify(p.value)}: ` : '';
  return `  ${where ? where + ': ' : ''}${value}expected ${p.expected}`;
}

/** Groups problems by file, at most MAX_PROBLEMS_PER_FILE each, with a count of the rest; masked. */
export function formatProblems(problems: Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of maskProblems(problems)) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(`${file}: ${list.length} problem${list.length === 1 ? '' : 's'}`);
    for (const p of list.slice(0, MAX_PROBLEMS_PER_FILE)) out.push(describe(p));
    if (list.length > MAX_PROBLEMS_PER_FILE) out.push(`  … and ${list.length - MAX_PROBLEMS_PER_FILE} more`);
  }
  return maskText(out.join('\n'));
}

/** Each problem once: the same one found by two checks (a missing file, a key loaded twice) is shown once. */
export function uniqueProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.column, p.value, p.expected]);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
