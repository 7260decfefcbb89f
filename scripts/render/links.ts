// Which links a report may hold: https:, http:, mailto: and anchors in the page (#id). Any other
// scheme (ms-msdt:, search-ms:, javascript:, file:, data: …) could launch a program from the page or
// from the PDF's /URI action; markdown-it renders such a link as its text, and the PDF print checks
// the finished page and the PDF's link actions against the same rule (scripts/pdf/print.ts).
import type MarkdownItClass from 'markdown-it';
type MarkdownIt = InstanceType<typeof MarkdownItClass>;
import type { Problem } from '../problems.ts';
import { narrativeText } from '../problem-messages.ts';

export const ALLOWED_SCHEMES = ['https', 'http', 'mailto'] as const;

/**
 * Is `url` a link the report may hold? Browsers drop tab, CR and LF anywhere in a URL and
 * leading control characters and spaces, so they are dropped here before the scheme is read.
 * A URL without a scheme is allowed only as an anchor (#id): a relative path is not a link
 * narrative needs, and `//host` would leave the site.
 */
export function allowedLink(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const clean = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(clean)?.[1];
  if (scheme === undefined) return clean.startsWith('#');
  return (ALLOWED_SCHEMES as readonly string[]).includes(scheme.toLowerCase());
}

/** What a refused link is reported as (the URL itself is never quoted: it may be anything). */
export const LINK_EXPECTED = narrativeText.link;

export interface RefusedLink {
  /** 0-based line in the parsed text. */
  line: number;
  column: number;
  scheme: string;
}

/**
 * Makes `md` refuse every link that `allowedLink` refuses (it is then rendered as text) and calls
 * `onRefused` with where it was. Lines are those of the text given to `md.parse`/`md.render`.
 */
export function guardLinks(md: MarkdownIt, onRefused: (link: RefusedLink) => void = () => {}): MarkdownIt {
  let blockLine = 0;
  let inlineStart = 0;
  let inlineText = '';
  let inlinePos = 0;
  // Where validateLink is being called from: a reference definition (block) or a link (inline).
  md.block.ruler.before('reference', 'link_position', (state, startLine) => {
    blockLine = startLine;
    inlineText = '';
    return false;
  });
  md.inline.ruler.before('link', 'link_position', (state) => {
    inlinePos = state.pos;
    return false;
  });
  md.core.ruler.at('inline', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'inline') continue;
      inlineStart = token.map?.[0] ?? blockLine;
      inlineText = token.content;
      state.md.inline.parse(token.content, state.md, state.env, token.children ?? []);
    }
    inlineText = '';
  });
  md.validateLink = (url: string) => {
    if (allowedLink(url)) return true;
    const scheme = /^\s*([^:]{0,40}):/.exec(url)?.[1] ?? '';
    if (inlineText) {
      const before = inlineText.slice(0, inlinePos);
      const newline = before.lastIndexOf('\n');
      onRefused({ line: inlineStart + (before.match(/\n/g)?.length ?? 0), column: inlinePos - newline, scheme });
    } else onRefused({ line: blockLine, column: 1, scheme });
    return false;
  };
  return md;
}

/** Refused links of a markdown text as warnings naming the file and line (`firstLine` is line 1's number). */
export function linkWarnings(md: MarkdownIt, file: string, source: string, firstLine = 1): Problem[] {
  const out: Problem[] = [];
  // Every link markdown-it makes (linkify is off) needs "](", "]:" (a definition) or "<" (an autolink).
  if (!source.includes('](') && !source.includes(']:') && !source.includes('<')) return out;
  const seen = new Set<string>();
  guardLinks(md, (l) => {
    const key = `${l.line}:${l.column}`;
    if (seen.has(key)) return; // markdown-it may validate the same link twice
    seen.add(key);
    out.push({ file, line: firstLine + l.line, column: `character ${l.column}`, expected: LINK_EXPECTED });
  }).parse(source, {});
  return out;
}
