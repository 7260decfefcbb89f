// The texts of report.yaml that are rendered as markdown with citations (the answers of
// evaluation_questions), checked against the citation grammar and the link rule with the line
// each is on in report.yaml. They are data like the narrative: no template engine sees them.
import MarkdownIt from 'markdown-it';
import { LineCounter, parseDocument, isScalar } from 'yaml';
import type { Config } from '../config/load.ts';
import type { Problem } from '../problems.ts';
import { inlineProblems } from '../render/citations.ts';
import { linkWarnings } from '../render/links.ts';
import { readText } from '../problem-messages.ts';

export interface TextChecks {
  /** Anything but text and citations between {{ }}, {% %} or {# #}: errors. */
  problems: Problem[];
  /** Links that will be shown as text: warnings. */
  warnings: Problem[];
}

/**
 * Checks every markdown text of `config`. Only when one has something to report is the YAML
 * `text()` parsed again, for the line the text starts on (a rebuild pays nothing otherwise).
 */
export function configTextChecks(config: Config, text: () => string, file: string): TextChecks {
  const out: TextChecks = { problems: [], warnings: [] };
  let lines: ((i: number) => number) | undefined;
  const startLine = (i: number): number => {
    if (!lines) {
      const counter = new LineCounter();
      const doc = parseDocument(text(), { lineCounter: counter });
      lines = (n) => {
        const node = doc.getIn(['evaluation_questions', n, 'answer'], true);
        if (!isScalar(node) || !node.range) return 1;
        // A block scalar (| or >) starts on the line after its indicator.
        return counter.linePos(node.range[0]).line + (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 1 : 0);
      };
    }
    return lines(i);
  };
  config.evaluation_questions.forEach((q, i) => {
    const column = `evaluation_questions[${i}].answer`;
    const problems = inlineProblems(q.answer);
    const warnings = linkWarnings(new MarkdownIt({ html: false }), file, q.answer);
    if (problems.length + warnings.length === 0) return;
    const offset = startLine(i) - 1;
    for (const p of problems) out.problems.push({ file, line: offset + p.line, column, value: p.value, expected: readText.textAt(p.expected, p.column) });
    for (const w of warnings) out.warnings.push({ ...w, line: offset + (w.line ?? 1), column });
  });
  return out;
}
