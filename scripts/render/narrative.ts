// Narrative markdown → HTML parts, with every number cited from computed figures.
//   {{ fig("exit.employed", "HBS") }}   inline: a figure, formatted in the report's language
//                                        (all arguments: id, unit, gender, part, category)
//   {{ goal("goal.women", "HBS") }}      inline: a goal's status in words
//   {% chart "exit_by_unit" %}           alone on a line: a chart; {% model "id" %} a regression table; likewise {% goals %},
//                                        {% questions %}, {% methods %}, {% theory_of_change %}
// The citations are parsed by their own grammar (citations.ts): no template engine ever sees
// narrative. Raw HTML in markdown is off, and links other than https:, http:, mailto: and #anchors
// are rendered as text (links.ts): narrative can never inject markup, script or a program launch.
import MarkdownIt from 'markdown-it';
import type { Problem } from '../problems.ts';
import { slugify } from '../slug.ts';
import { blockTag, isBlockLine, parseCitations, type GrammarProblem, type Piece } from './citations.ts';
import { guardLinks, linkWarnings } from './links.ts';
import { narrativeText, renderError } from '../problem-messages.ts';

export const COMPONENTS = ['goals', 'questions', 'methods', 'theory_of_change'] as const;
export type ComponentName = (typeof COMPONENTS)[number];

export type Part = { kind: 'html'; html: string } | { kind: 'chart'; id: string } | { kind: 'model'; id: string } | { kind: 'table'; id: string } | { kind: 'component'; name: ComponentName };

export interface Heading {
  id: string;
  text: string;
  /** 2 for a section title (the report title is the only h1), 3 and deeper for subsections. */
  level: number;
}

export interface RenderedNarrative {
  title: string;
  headings: Heading[];
  parts: Part[];
}

/** What narrative can call; each throws an Error with a helpful message on an unknown id. */
export interface Citations {
  fig(id: string, unit?: string, gender?: string, part?: string, category?: string): string;
  goal(id: string, unit?: string): string;
}

const grammarProblem = (file: string, p: GrammarProblem): Problem => ({ file, line: p.line, column: `character ${p.column}`, value: p.value, expected: p.expected });

/**
 * Literal text with every call replaced by its result. A call that throws (an unknown id) is a
 * problem at its line and column; `problems` collects them.
 */
function fillCitations(pieces: Piece[], citations: Citations, onError: (call: Exclude<Piece, string>, message: string) => void): string {
  return pieces
    .map((p) => {
      if (typeof p === 'string') return p;
      try {
        return p.name === 'fig' ? citations.fig(...(p.args as [string, ...string[]])) : citations.goal(...(p.args as [string, string?]));
      } catch (err) {
        onError(p, (err as Error).message);
        return '';
      }
    })
    .join('');
}

/** markdown-it as narrative uses it: no raw HTML, no linkify, only allowed links. */
const narrativeMarkdown = (): InstanceType<typeof MarkdownIt> => guardLinks(new MarkdownIt({ html: false, linkify: false, typographer: false }));

function markdown(idPrefix: string, headings: Heading[], used: Set<string>): InstanceType<typeof MarkdownIt> {
  const md = narrativeMarkdown();
  // Shift headings one level down (# → h2) and give each a unique id for the table of contents.
  md.core.ruler.push('heading_ids', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type !== 'heading_open' && t.type !== 'heading_close') continue;
      const level = Math.min(6, Number(t.tag.slice(1)) + 1);
      t.tag = `h${level}`;
      if (t.type === 'heading_open') {
        const text = tokens[i + 1]!.content;
        let id = `${idPrefix}${slugify(text)}` || `${idPrefix}avsnitt`;
        for (let n = 2; used.has(id); n++) id = `${idPrefix}${slugify(text)}-${n}`;
        used.add(id);
        t.attrSet('id', id);
        headings.push({ id, text, level });
      }
    }
  });
  return md;
}

/** Links of a narrative file that are rendered as text (not https:, http:, mailto: or #anchor), as warnings. */
export function narrativeWarnings(file: string, source: string): Problem[] {
  return linkWarnings(narrativeMarkdown(), file, source.replace(/\r\n?/g, '\n'));
}

/**
 * Renders one narrative file. `file` names it in messages; `usedIds` keeps heading ids unique
 * across the whole report. Returns the problems found (unknown figures, charts, syntax).
 */
export function renderNarrative(file: string, source: string, citations: Citations, charts: Set<string>, usedIds: Set<string>, idPrefix = '', models: Set<string> = new Set(), tables: Set<string> = new Set()): RenderedNarrative | { problems: Problem[] } {
  const headings: Heading[] = [];
  const md = markdown(idPrefix, headings, usedIds);
  const problems: Problem[] = [];
  const parts: Part[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let chunk: string[] = [];
  let chunkStart = 1;

  const flush = () => {
    const text = chunk.join('\n');
    chunk = [];
    if (text.trim() === '') return;
    const parsed = parseCitations(text, chunkStart);
    problems.push(...parsed.problems.map((p) => grammarProblem(file, p)));
    const filled = fillCitations(parsed.pieces, citations, (call, message) => problems.push({ file, line: call.line, column: `character ${call.column}`, expected: message }));
    if (parsed.problems.length === 0) parts.push({ kind: 'html', html: md.render(filled) });
  };

  const known: Record<'chart' | 'model' | 'table', [Set<string>, string]> = {
    chart: [charts, 'charts of the configuration'],
    model: [models, 'models of the configuration'],
    table: [tables, 'figure_tables of the configuration'],
  };
  lines.forEach((line, i) => {
    if (!isBlockLine(line)) {
      if (chunk.length === 0) chunkStart = i + 1;
      chunk.push(line);
      return;
    }
    flush();
    const b = blockTag(line, i + 1);
    if ('expected' in b) {
      problems.push(grammarProblem(file, b));
      return;
    }
    if (b.name === 'chart' || b.name === 'model' || b.name === 'table') {
      const [ids, where] = known[b.name];
      if (!ids.has(b.arg!)) problems.push({ file, line: i + 1, column: b.name, value: b.arg!, expected: narrativeText.blockId(b.name, where, ids) });
      else parts.push({ kind: b.name, id: b.arg! });
    } else {
      parts.push({ kind: 'component', name: b.name });
    }
  });
  flush();
  if (problems.length > 0) return { problems };
  const first = headings[0];
  if (!first || first.level !== 2) return { problems: [{ file, line: 1, expected: narrativeText.startsWithHeading }] };
  return { title: first.text, headings, parts };
}

/**
 * Inline markdown (evaluation answers, labels), with citations but no block elements. Throws an
 * Error whose message says what is wrong and where (line and character within the text).
 */
export function renderInline(source: string, citations: Citations): string {
  const parsed = parseCitations(source);
  const at = narrativeText.atInText;
  const errors = parsed.problems.map((p) => p.expected + at(p.line, p.column));
  const filled = fillCitations(parsed.pieces, citations, (call, message) => errors.push(message + at(call.line, call.column)));
  if (errors.length > 0) throw new Error(renderError.narrativeProblems(errors));
  return guardLinks(new MarkdownIt({ html: false })).renderInline(filled);
}
