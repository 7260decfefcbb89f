// One shape for every input problem, so the CLI can print them grouped by file and a failed
// build can say everything that is wrong at once.
import { maskIdentityNumbersIn } from './privacy/personnummer.ts';

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
  constructor(problems: Problem[]) {
    // A personal identity number anywhere in a message (a stray one in any column) is masked.
    const masked = problems.map(maskProblem);
    super(formatProblems(masked));
    this.problems = masked;
    this.name = 'InputError';
  }
}

function maskProblem(p: Problem): Problem {
  const value = p.value === undefined ? undefined : maskIdentityNumbersIn(p.value);
  const expected = maskIdentityNumbersIn(p.expected);
  return value === p.value && expected === p.expected ? p : { ...p, ...(value !== undefined ? { value } : {}), expected };
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

/** Groups problems by file, at most MAX_PROBLEMS_PER_FILE each, with a count of the rest. */
export function formatProblems(problems: Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) {
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
  return out.join('\n');
}

/** Each problem once: the same one found by two checks (a missing file, a key loaded twice) is shown once. */
export function uniqueProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.column, p.value, p.expected]);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
