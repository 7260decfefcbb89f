// The texts of report.yaml that are rendered as markdown with citations (the answers of
// evaluation_questions), checked against the citation grammar and the link rule with the line
// each is on in report.yaml. They are data like the narrative: no template engine sees them.
import MarkdownIt from 'markdown-it';
import { LineCounter, parseDocument, isScalar, isSeq, isMap } from 'yaml';
import type { Problem } from '../problems.ts';
import { inlineProblems } from '../render/citations.ts';
import { linkWarnings } from '../render/links.ts';

export interface TextChecks {
  /** Anything but text and citations between {{ }}, {% %} or {# #}: errors. */
  problems: Problem[];
  /** Links that will be shown as text: warnings. */
  warnings: Problem[];
}

/** Checks every markdown text of the configuration `text` (file name `file` for messages). */
export function configTextChecks(text: string, file: string): TextChecks {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const out: TextChecks = { problems: [], warnings: [] };
  const questions = doc.get('evaluation_questions', true);
  if (!isSeq(questions)) return out;
  questions.items.forEach((q, i) => {
    if (!isMap(q)) return;
    const answer = q.get('answer', true);
    if (!isScalar(answer) || typeof answer.value !== 'string' || !answer.range) return;
    // A block scalar (| or >) starts on the line after its indicator.
    const start = counter.linePos(answer.range[0]).line + (answer.type === 'BLOCK_LITERAL' || answer.type === 'BLOCK_FOLDED' ? 1 : 0);
    const column = `evaluation_questions[${i}].answer`;
    for (const p of inlineProblems(answer.value, start)) out.problems.push({ file, line: p.line, column, value: p.value, expected: `${p.expected} (at character ${p.column} of the answer's text)` });
    for (const w of linkWarnings(new MarkdownIt({ html: false }), file, answer.value, start)) out.warnings.push({ ...w, column });
  });
  return out;
}
