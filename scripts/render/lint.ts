// The narrative lint: numbers typed by hand that should have been cited. Results come from the
// data through {{ fig(...) }}; what an evaluator may type is a definition, written in digits as
// Swedish practice has it: ages and years ("under 25 år", "2020"), lengths of time ("6 månader"),
// thresholds ("minst 60 procent"). Refused:
//  - a number that equals a computed figure as the report prints it ("22 %", "109"): the message
//    names the fig(...) call that prints it;
//  - a percentage, a decimal or a count of people that is not a definition: it looks like a result.
import type { Figure } from '../publish/indicators-schema.ts';
import { formatFigure } from '../format.ts';
import type { Language } from '../messages.ts';
import type { Problem } from '../problems.ts';
import { narrativeText } from '../problem-messages.ts';

/** Printed text of a figure (normalised) → the fig(...) calls that print it. */
export type PrintedFigures = ReadonlyMap<string, string[]>;

const normalise = (s: string) => s.replace(/[\u00a0\u202f ]+/g, ' ').replace(/\u2212/g, '-').replace(/\s*procent\b/, ' %').replace(/\s+%/, ' %').trim();

/** The call that prints part `part` of `f`, with only the arguments that differ from the defaults. */
function figCall(f: Figure, part: string): string {
  const args = [f.id, f.unit, f.gender, part, f.category ?? ''];
  while (args.length > 1 && args.at(-1) === ['', 'total', 'all', 'value', ''][args.length - 1]) args.pop();
  return `{{ fig(${args.map((a) => JSON.stringify(a)).join(', ')}) }}`;
}

/** Every computed figure's value, numerator and denominator as the report prints them. */
export function printedFigures(figures: Figure[], lang: Language): PrintedFigures {
  const out = new Map<string, string[]>();
  for (const f of figures) {
    if (f.suppressed || f.value === null) continue;
    for (const part of ['value', 'numerator', 'denominator'] as const) {
      if (part !== 'value' && f[part === 'denominator' && f.kind === 'mean' ? 'n' : part] == null) continue;
      const text = normalise(formatFigure(f, lang, part));
      const calls = out.get(text) ?? out.set(text, []).get(text)!;
      if (calls.length < 3) calls.push(figCall(f, part));
    }
  }
  return out;
}

/** A number as typed: digits with spaces for thousands, a decimal part, maybe "%" or "procent(enheter)". */
const NUMBER = /[-\u2212]?\d[\d\u00a0\u202f ]*(?:[.,]\d+)?(?:\s*(?:%|procentenheter\b|procent\b))?/g;
/** Words before a number that make it a definition: a threshold, a bound, a range. */
const BOUND = 'under|över|minst|högst|mer än|mindre än|fler än|färre än|mellan|från|upp till|inom|efter|före|senast|varje|per|spannet|intervallet|gränsen|konfidensintervall på|at least|at most|more than|less than|fewer than|over|between|from|within|after|before|every|range|confidence interval of';
const THRESHOLD = new RegExp(`(?:(?:^|[\\s(])(?:${BOUND})|(?:${BOUND})\\s+\\d+\\s+(?:och|till|eller|and|to|or))\\s+$`, 'i');
/** Units after a number that make it a length of time or an age. */
const TIME = /^\s*(?:år|års|åring|åringar|månad|månader|månaders|vecka|veckor|veckors|dag|dagar|dagars|years?|months?|weeks?|days?)\b/i;
/** Words before a number that make it a result however it is followed. */
const AVERAGE = /(?:genomsnitt|snitt|median|average|mean)\S*\s+(?:om\s+|på\s+|of\s+)?$/i;
/** Nouns after a number that make it a count of people, a result. */
const PEOPLE = /^\s*(?:personer|deltagare|deltagarna|kvinnor|män|ungdomar|respondenter|svarande|personen|persons?|people|participants?|women|men|respondents?)\b/i;

/**
 * Problems with numbers typed into `source` (one per number). Text inside {{ … }} and {% … %} is
 * skipped; so are ordered-list markers and digits inside words ("ESF2020", "Fas3").
 */
export function lintNarrative(file: string, source: string, printed: PrintedFigures): Problem[] {
  const problems: Problem[] = [];
  source.replace(/\r\n?/g, '\n').split('\n').forEach((raw, i) => {
    const line = raw.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|^\s*\d+[.)](?=\s)/g, (m) => ' '.repeat(m.length));
    for (const m of line.matchAll(NUMBER)) {
      const text = m[0].trim();
      const at = m.index!;
      if (at > 0 && /[\p{L}\p{N}_-]/u.test(line[at - 1]!)) continue;
      if (/^(19|20)\d\d$/.test(text)) continue;
      const before = line.slice(Math.max(0, at - 40), at);
      const after = line.slice(at + m[0].length);
      const problem = (expected: string) => problems.push({ file, line: i + 1, column: `character ${at + 1}`, value: text, expected });
      if (THRESHOLD.test(before)) continue;
      const integer = /^[-\u2212]?\d[\d\u00a0\u202f ]*$/.test(text);
      // "6 månader" defines a length of time; "i genomsnitt 4 månader" reports one.
      if (integer && TIME.test(after) && !AVERAGE.test(before)) continue;
      const people = PEOPLE.test(after);
      const calls = printed.get(normalise(text));
      // A small whole number ("de 3 verkstäderna") is a result only when it counts people.
      if (calls && (!integer || people || Math.abs(Number(text.replace(/\D/g, ''))) >= 10)) {
        problem(narrativeText.typedFigure(text, calls));
        continue;
      }
      if (!integer || people || AVERAGE.test(before) || /\d[\d\u00a0\u202f ]{3,}/.test(text)) {
        problem(narrativeText.typedNumber);
      }
    }
  });
  return problems;
}
