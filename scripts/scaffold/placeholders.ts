// The scaffold's writing prompts ("Skrivhjälp (ersätt den här texten): …") must not be published:
// every text `eval-report new` writes for the evaluator to replace carries the mark "(ersätt …)".
// The build refuses a report that still holds one; the preview shows it as a warning.
import { narrativeText } from '../problem-messages.ts';
import type { Problem } from '../problems.ts';

/** The mark of a text to replace, as the scaffold writes it. */
export const PLACEHOLDER = /\(ersätt\b[^)\n]*\)/giu;

/** One problem per placeholder in `text`, with its line and character. */
export function placeholderProblems(file: string, text: string, column?: string): Problem[] {
  const problems: Problem[] = [];
  text.replace(/\r\n?/g, '\n').split('\n').forEach((line, i) => {
    for (const m of line.matchAll(PLACEHOLDER))
      problems.push({
        file,
        ...(column ? { column } : { line: i + 1, column: `character ${m.index! + 1}` }),
        value: line.trim().length > 60 ? `${line.trim().slice(0, 57)}…` : line.trim(),
        expected: narrativeText.placeholder,
      });
  });
  return problems;
}
