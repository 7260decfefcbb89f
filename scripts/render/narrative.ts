// Narrative markdown → HTML parts, with every number cited from computed figures.
//   {{ fig("exit.employed", "HBS") }}   inline: a figure, formatted in the report's language
//                                        (all arguments: id, unit, gender, part, category)
//   {{ goal("goal.women", "HBS") }}      inline: a goal's status in words
//   {% chart "exit_by_unit" %}           alone on a line: a chart; {% model "id" %} a regression table; likewise {% goals %},
//                                        {% questions %}, {% methods %}, {% theory_of_change %}
// Raw HTML in markdown is off: narrative can never inject markup or script.
import MarkdownIt from 'markdown-it';
import nunjucks from 'nunjucks';
import type { Problem } from '../problems.ts';
import { slugify } from '../slug.ts';

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

const BLOCK = /^\s*\{%\s*(chart|model|table|goals|questions|methods|theory_of_change)\s*(?:"([^"]*)")?\s*%\}\s*$/;


/**
 * Nunjucks for the {{ fig() }} and {{ goal() }} calls only. No autoescape: markdown-it (with raw
 * HTML off) escapes the result.
 */
function citationEnvironment(citations: Citations): nunjucks.Environment {
  const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });
  env.addGlobal('fig', citations.fig);
  env.addGlobal('goal', citations.goal);
  return env;
}

function markdown(idPrefix: string, headings: Heading[], used: Set<string>): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
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

/**
 * Renders one narrative file. `file` names it in messages; `usedIds` keeps heading ids unique
 * across the whole report. Throws the problems found (unknown figures, charts, syntax).
 */
export function renderNarrative(file: string, source: string, citations: Citations, charts: Set<string>, usedIds: Set<string>, idPrefix = '', models: Set<string> = new Set(), tables: Set<string> = new Set()): RenderedNarrative | { problems: Problem[] } {
  const env = citationEnvironment(citations);
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
    try {
      const html = md.render(env.renderString(text, {}));
      parts.push({ kind: 'html', html });
    } catch (err) {
      const m = /\[Line (\d+), Column (\d+)\]\s*(?:\w*Error:\s*)?([\s\S]*)$/.exec((err as Error).message);
      problems.push({
        file,
        line: m ? chunkStart + Number(m[1]) : chunkStart,
        expected: m ? m[3]!.trim() : (err as Error).message,
      });
    }
  };

  lines.forEach((line, i) => {
    const b = BLOCK.exec(line);
    if (!b) {
      if (chunk.length === 0) chunkStart = i + 1;
      chunk.push(line);
      return;
    }
    flush();
    if (b[1] === 'chart') {
      if (!b[2] || !charts.has(b[2])) problems.push({ file, line: i + 1, column: 'chart', value: b[2] ?? '', expected: `the id of a chart in charts of the configuration (${[...charts].join(', ') || 'none defined'})` });
      else parts.push({ kind: 'chart', id: b[2] });
    } else if (b[1] === 'model') {
      if (!b[2] || !models.has(b[2])) problems.push({ file, line: i + 1, column: 'model', value: b[2] ?? '', expected: `the id of a model in models of the configuration (${[...models].join(', ') || 'none defined'})` });
      else parts.push({ kind: 'model', id: b[2] });
    } else if (b[1] === 'table') {
      if (!b[2] || !tables.has(b[2])) problems.push({ file, line: i + 1, column: 'table', value: b[2] ?? '', expected: `the id of a table in figure_tables of the configuration (${[...tables].join(', ') || 'none defined'})` });
      else parts.push({ kind: 'table', id: b[2] });
    } else {
      parts.push({ kind: 'component', name: b[1] as ComponentName });
    }
  });
  flush();
  if (problems.length > 0) return { problems };
  const first = headings[0];
  if (!first || first.level !== 2) return { problems: [{ file, line: 1, expected: 'the file to start with a "# Heading": the section title shown in the table of contents' }] };
  return { title: first.text, headings, parts };
}

/** Inline markdown (evaluation answers, labels), with citations but no block elements. */
export function renderInline(source: string, citations: Citations): string {
  return new MarkdownIt({ html: false }).renderInline(citationEnvironment(citations).renderString(source, {}));
}
