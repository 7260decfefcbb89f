// The citation grammar of narrative and of the texts of report.yaml: data, never code. No
// template engine ever sees these texts (Nunjucks is not a sandbox: `{{ range.constructor(…)() }}`
// runs JavaScript). What the grammar accepts, and nothing else:
//
//   inline    {{ fig("id", "unit", "gender", "part", "category") }}   1–5 string literals
//             {{ goal("id", "unit") }}                                 1–2 string literals
//   block     {% chart "id" %}  {% model "id" %}  {% table "id" %}      alone on a line
//             {% goals %}  {% questions %}  {% methods %}  {% theory_of_change %}
//
// A string literal is "…" or '…' on one line; \" \' and \\ are its only escapes. Any other text
// between {{ }}, {% %} or {# #} is a problem naming the line and the column: no variables, filters,
// operators, property access, set, include, import, raw or comments.
import { narrativeText } from '../problem-messages.ts';


export const INLINE_CALLS = { fig: 5, goal: 2 } as const;
export type CallName = keyof typeof INLINE_CALLS;

/** Block tags and how many string arguments each takes. */
export const BLOCK_TAGS = { chart: 1, model: 1, table: 1, goals: 0, questions: 0, methods: 0, theory_of_change: 0 } as const;
export type BlockName = keyof typeof BLOCK_TAGS;

export interface Call {
  name: CallName;
  args: string[];
  /** 1-based line and column of the opening `{{`. */
  line: number;
  column: number;
}

export interface GrammarProblem {
  line: number;
  column: number;
  /** The offending tag as written (callers cap and mask it before printing). */
  value: string;
  expected: string;
}

/** Text and calls in order: a string is literal text. */
export type Piece = string | Call;

const INLINE_FORM = narrativeText.inlineForm;
const BLOCK_FORM = narrativeText.blockForm;
const CLOSER = { '{': '}}', '%': '%}', '#': '#}' } as const;

const has = <T extends object>(o: T, k: string): k is Extract<keyof T, string> => Object.prototype.hasOwnProperty.call(o, k);

/** Line and column (1-based) of every offset of `text`, counted from `firstLine`. */
function positions(text: string, firstLine: number): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: firstLine + lo, column: offset - starts[lo]! + 1 };
  };
}

class Syntax extends Error {
  /** `at`: the offset where the text stops following the grammar. */
  constructor(readonly at: number, readonly expected: string) {
    super(expected);
  }
}

/** Reads one string literal at `i` (which holds the quote); returns its value and the offset after it. */
function stringLiteral(text: string, i: number): [string, number] {
  const quote = text[i]!;
  let out = '';
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === quote) return [out, j + 1];
    if (c === '\n' || c === '\r') break;
    if (c === '\\') {
      const next = text[j + 1];
      if (next !== '"' && next !== "'" && next !== '\\') throw new Syntax(j, narrativeText.noEscape);
      out += next;
      j++;
    } else out += c;
  }
  throw new Syntax(i, narrativeText.closingQuote);
}

const skipSpace = (text: string, i: number): number => {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
};

/** Parses the inside of `{{ … }}` starting after the braces; returns the call and the offset after `}}`. */
function inlineCall(text: string, open: number): { name: CallName; args: string[]; end: number } {
  let i = skipSpace(text, open + 2);
  const name = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 64))?.[0] ?? '';
  if (!has(INLINE_CALLS, name)) throw new Syntax(i, INLINE_FORM);
  i = skipSpace(text, i + name.length);
  if (text[i] !== '(') throw new Syntax(i, narrativeText.openParen(name, INLINE_FORM));
  i = skipSpace(text, i + 1);
  const args: string[] = [];
  while (text[i] !== ')') {
    if (text[i] !== '"' && text[i] !== "'") throw new Syntax(i, narrativeText.quotedArgument(INLINE_FORM));
    const [value, after] = stringLiteral(text, i);
    args.push(value);
    i = skipSpace(text, after);
    if (text[i] === ',') {
      i = skipSpace(text, i + 1);
      if (text[i] === ')') throw new Syntax(i, narrativeText.argumentAfterComma);
    } else if (text[i] !== ')') throw new Syntax(i, narrativeText.commaOrParen(name));
  }
  const max = INLINE_CALLS[name];
  if (args.length < 1 || args.length > max) throw new Syntax(open, narrativeText.argumentCount(name, max, args.length));
  i = skipSpace(text, i + 1);
  if (!text.startsWith('}}', i)) throw new Syntax(i, narrativeText.closeAfterCall(name));
  return { name, args, end: i + 2 };
}

/**
 * Splits `text` into literal text and citation calls. Every `{{ }}`, `{% %}` and `{# #}` that is
 * not a call of the grammar is a problem (block tags are found line by line with `blockTag`).
 */
export function parseCitations(text: string, firstLine = 1): { pieces: Piece[]; problems: GrammarProblem[] } {
  const at = positions(text, firstLine);
  const pieces: Piece[] = [];
  const problems: GrammarProblem[] = [];
  let from = 0;
  for (let open = findOpen(text, 0); open !== -1; open = findOpen(text, from)) {
    if (open > from) pieces.push(text.slice(from, open));
    const kind = text[open + 1] as keyof typeof CLOSER;
    const close = text.indexOf(CLOSER[kind], open + 2);
    const end = close === -1 ? text.length : close + 2;
    // Reported where the tag opens: the place a writer looks for.
    const problem = (expected: string) => problems.push({ ...at(open), value: text.slice(open, end), expected });
    if (kind === '{') {
      try {
        const call = inlineCall(text, open);
        pieces.push({ name: call.name, args: call.args, ...at(open) });
        from = call.end;
        continue;
      } catch (err) {
        if (!(err instanceof Syntax)) throw err;
        problem(close === -1 ? narrativeText.unclosed('}}', '{{', INLINE_FORM) : err.expected);
      }
    } else if (kind === '%') problem(close === -1 ? narrativeText.unclosed('%}', '{%', BLOCK_FORM) : BLOCK_FORM);
    else problem(narrativeText.noTemplateComment);
    from = end;
  }
  if (from < text.length) pieces.push(text.slice(from));
  return { pieces, problems };
}

function findOpen(text: string, from: number): number {
  for (let i = text.indexOf('{', from); i !== -1; i = text.indexOf('{', i + 1)) {
    const next = text[i + 1];
    if (next === '{' || next === '%' || next === '#') return i;
  }
  return -1;
}

/** Does this line hold a block tag (or try to)? Such a line must be exactly one block tag. */
export const isBlockLine = (line: string): boolean => line.trimStart().startsWith('{%');

/** The block tag on `line` (see isBlockLine), or the problem with it. */
export function blockTag(line: string, lineNumber: number): { name: BlockName; arg?: string } | GrammarProblem {
  const m = /^(\s*)\{%\s*([A-Za-z_]\w*)\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)')?\s*%\}\s*$/.exec(line);
  const column = line.length - line.trimStart().length + 1;
  const problem = (expected: string): GrammarProblem => ({ line: lineNumber, column, value: line.trim(), expected });
  if (!m) return problem(BLOCK_FORM);
  const name = m[2]!;
  if (!has(BLOCK_TAGS, name)) return problem(BLOCK_FORM);
  const arg = m[3] ?? m[4];
  const wants = BLOCK_TAGS[name];
  if (wants === 1 && arg === undefined) return problem(narrativeText.blockWithId(name));
  if (wants === 0 && arg !== undefined) return problem(narrativeText.blockWithoutArgument(name));
  return arg === undefined ? { name } : { name, arg };
}

/** Every problem of a text that allows inline citations only (the texts of report.yaml). */
export function inlineProblems(text: string, firstLine = 1): GrammarProblem[] {
  return parseCitations(text, firstLine).problems;
}
