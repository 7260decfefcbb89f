// The PDF's bookmarks and document information, set from the page rather than left to Chromium.
// Chromium makes a bookmark per heading but takes its title from the painted lines: a heading
// pushed to the top of the next page comes out twice ("RubrikRubrik"), and a wrapped one loses the
// space at the line break. Its destinations (page and position) and structure links (/SE) are
// right, so only the titles are rewritten, from the page's own headings in document order, and the
// information dictionary gets Title, Author, Subject, Keywords and Creator (this tool).
// Both are an incremental update appended to the file (incremental.ts): every object, the tag tree
// included, stays as Chromium wrote it.
import { appendObjects } from './incremental.ts';
import { pdfSyntax, pdfText } from '../problem-messages.ts';

/** The document information dictionary's entries we set. */
export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords: string;
  Creator: string;
}

/** A PDF text string: UTF-16BE with a byte-order mark, in hex (any character, no escaping). */
export function pdfTextString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

interface PdfObject {
  num: number;
  body: string;
}

/** Object `num`'s dictionary text (the last definition in the file wins, as in a reader). */
function objectBody(pdf: string, num: number): string {
  const re = new RegExp(`(?:^|\\s)${num} 0 obj\\s*([\\s\\S]*?)\\s*endobj`, 'g');
  let last: string | undefined;
  for (const m of pdf.matchAll(re)) last = m[1];
  if (last === undefined) throw new Error(pdfSyntax.objectNotFound(num));
  return last;
}

const ref = (body: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(body);
  return m ? Number(m[1]) : null;
};

/** The bookmark objects in reading order (depth first), from the catalog's /Outlines. */
function outlineItems(pdf: string, root: number): PdfObject[] {
  const outlines = ref(objectBody(pdf, root), 'Outlines');
  if (outlines === null) return [];
  const items: PdfObject[] = [];
  const walk = (first: number | null) => {
    for (let n = first; n !== null; ) {
      const body = objectBody(pdf, n);
      items.push({ num: n, body });
      walk(ref(body, 'First'));
      n = ref(body, 'Next');
    }
  };
  walk(ref(objectBody(pdf, outlines), 'First'));
  return items;
}

/** A dictionary with `key` set to `value` (replacing a string or hex-string value, or added). */
function setEntry(dict: string, key: string, value: string): string {
  const re = new RegExp(`/${key}\\s*(?:\\((?:\\\\[\\s\\S]|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`);
  if (re.test(dict)) return dict.replace(re, () => `/${key} ${value}`);
  return dict.replace(/^<<\s*/, `<</${key} ${value}\n`);
}

/**
 * `pdf` with each bookmark titled by `headings` (one per bookmark, in order) and the information
 * dictionary set to `info`. Throws when the bookmarks and the headings do not pair up.
 */
export function rewriteOutline(pdf: Uint8Array, headings: string[], info: PdfInfo): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  // The newest trailer: the file may have had an incremental update already (toc-numbers.ts).
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+\d+\s+%%EOF\s*$/.exec(text.slice(text.lastIndexOf('trailer')))?.[1];
  if (trailer === undefined) throw new Error(pdfSyntax.noStartxref);
  const root = ref(trailer, 'Root');
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  if (root === null || !Number.isFinite(size)) throw new Error(pdfSyntax.noRootOrSize);
  const items = outlineItems(text, root);
  if (items.length !== headings.length) throw new Error(pdfText.bookmarksForHeadings(items.length, headings.length));
  const changed: PdfObject[] = items.map((it, i) => ({ num: it.num, body: setEntry(it.body, 'Title', pdfTextString(headings[i]!)) }));
  const infoNum = ref(trailer, 'Info');
  let infoBody = infoNum === null ? '<<>>' : objectBody(text, infoNum);
  for (const [k, v] of Object.entries(info)) infoBody = setEntry(infoBody, k, pdfTextString(v));
  const infoObj = infoNum ?? size;
  changed.push({ num: infoObj, body: infoBody });

  return appendObjects(pdf, changed.map((o) => ({ num: o.num, body: Buffer.from(o.body, 'latin1') })), { size: Math.max(size, infoObj + 1), root, info: infoObj });
}
