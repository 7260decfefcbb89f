// The last check of a build, over the temporary output before it replaces the site: no file
// (HTML, JSON, CSV, SVG, the PDF's text) may hold a participant or respondent id of any project,
// a personal identity or coordination number with a valid check digit, or a free-text survey
// answer. A finding names the output file and, where it can be found, the input it came from.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { findIdentityNumbers, maskIdentityNumber } from './personnummer.ts';
import { normaliseText, openPdf, pageText } from '../pdf/inspect.ts';
import type { Problem } from '../problems.ts';
import type { Secrets } from './secrets.ts';
import { privacyText } from '../problem-messages.ts';
import { Needles } from './needles.ts';

export interface ScanProject {
  slug: string;
  secrets: Secrets;
  /** The project's content folder (narrative and report.yaml), to say where a leak came from. */
  contentDir: string;
  /** How to show paths in messages: relative to this folder. */
  root: string;
}

const TEXT = new Set(['.html', '.htm', '.json', '.csv', '.svg', '.txt', '.xml', '.js', '.css', '.md']);

/**
 * Only ids distinctive enough to be looked for: 6 characters or more, or 3 or more with both a
 * letter and a digit. Ids like "1" or "17" would match every page number and count.
 */
export const distinctiveId = (id: string) => id.length >= 6 || (id.length >= 3 && /\p{L}/u.test(id) && /\p{N}/u.test(id));
/** Free-text answers shorter than this ("Nej", "Bra") are ordinary words, not a leak. */
export const MIN_FREE_TEXT = 12;

const squashNormalised = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const squash = (s: string) => squashNormalised(normaliseText(s));
export const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? m;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

async function textOf(file: string, known: string | undefined): Promise<string | null> {
  const ext = extname(file).toLowerCase();
  if (known !== undefined) return known;
  if (ext === '.pdf') {
    const doc = await openPdf(readFileSync(file));
    try {
      const pages: string[] = [];
      for (let p = 1; p <= doc.numPages; p++) pages.push(await pageText(doc, p));
      return pages.join('\n');
    } finally {
      await doc.destroy();
    }
  }
  if (!TEXT.has(ext)) return null;
  // A page is read as its reader reads it: character references decoded (an id written as
  // P&#48;1 is P01 on the page); text outside them is the same in both.
  const raw = readFileSync(file, 'utf8');
  return ext === '.html' || ext === '.htm' || ext === '.svg' || ext === '.xml' ? decodeEntities(raw) : raw;
}

/** Where in the project's content a string is written (narrative, report.yaml), if anywhere. */
function sourceOf(needle: string, p: ScanProject): string | undefined {
  if (!existsSync(p.contentDir)) return undefined;
  for (const file of walk(p.contentDir)) {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    const i = lines.findIndex((l) => l.includes(needle));
    if (i >= 0) return `${relative(p.root, file) || file} line ${i + 1}`;
  }
  return undefined;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** 1 for an ASCII letter or digit, 2 for a joiner (_ and -), 0 otherwise. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : c === 0x5f || c === 0x2d ? 2 : 0));

/** The class (as ASCII_CLASS) of the character at `i`, a surrogate pair read as one code point, and its length in code units. */
function charAt(text: string, i: number): [cls: number, width: number] {
  const code = text.charCodeAt(i);
  if (code < 128) return [ASCII_CLASS[code]!, 1];
  const point = text.codePointAt(i)!;
  const width = point > 0xffff ? 2 : 1;
  return [LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? 1 : 0, width];
}

/**
 * Each whole token of `text` whose length lies within [min, max]: a run of letters, digits and the
 * joiners ids are written with (_ and -), without joiners at its ends, as
 * /[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?/gu matches. Only tokens of an id's length are
 * cut out of the text (a page's chart paths hold millions of short numbers).
 */
export function* tokensOfLength(text: string, min: number, max: number): Generator<string> {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let [cls, width] = charAt(text, i);
    if (cls !== 1) {
      i += width;
      continue;
    }
    const start = i;
    let end = i + width; // one past the last letter or digit of the run
    for (i += width; i < n; i += width) {
      [cls, width] = charAt(text, i);
      if (cls === 0) break;
      if (cls === 1) end = i + width;
    }
    if (end - start >= min && end - start <= max) yield text.slice(start, end);
    i = end;
  }
}

/**
 * The secrets of every project made searchable once (ids by token, free-text answers by a
 * rolling hash), so that the files can be scanned in any order and any number of calls: each
 * project's folder as soon as its PDF is checked, the pages across projects at the end.
 */
export class SiteScan {
  readonly #projects: ScanProject[];
  readonly #ids = new Map<string, ScanProject>();
  /** The shortest and the longest id looked for. */
  readonly #idLengths: [number, number];
  readonly #answers: Needles<ScanProject['secrets']['freeText'][number] & { project: ScanProject }>;

  constructor(projects: ScanProject[]) {
    this.#projects = projects;
    for (const p of projects) for (const id of p.secrets.ids) if (distinctiveId(id)) this.#ids.set(id, p);
    const lengths = [...this.#ids.keys()].map((id) => id.length);
    this.#idLengths = lengths.reduce<[number, number]>(([lo, hi], l) => [Math.min(lo, l), Math.max(hi, l)], [Infinity, 0]);
    this.#answers = new Needles(projects.flatMap((p) => p.secrets.freeText.map((a) => ({ text: squash(a.text), value: { ...a, project: p } }))), MIN_FREE_TEXT);
  }

  /**
   * Every leak in the files under `dir` (a folder of `outDir`, or `outDir` itself), named
   * relative to `outDir`. `pdfTexts` holds text already extracted from PDFs (by that name, pages
   * joined by newlines), read here otherwise; top-level folders in `skip` are left out.
   */
  async folder(outDir: string, dir: string, pdfTexts: ReadonlyMap<string, string> = new Map(), skip: ReadonlySet<string> = new Set()): Promise<Problem[]> {
    const problems: Problem[] = [];
    for (const file of walk(dir)) {
      const shown = relative(outDir, file);
      if (skip.has(shown.split(/[\\/]/)[0]!)) continue;
      const text = await textOf(file, pdfTexts.get(shown));
      if (text !== null) problems.push(...this.#leaks(shown, normaliseText(text)));
    }
    return problems;
  }

  #leaks(shown: string, normalised: string): Problem[] {
    const problems: Problem[] = [];
    const where = privacyText.comesFrom;
    for (const n of findIdentityNumbers(normalised)) {
      const source = this.#projects.map((p) => sourceOf(n.match, p)).find(Boolean);
      problems.push({ file: shown, value: maskIdentityNumber(n.match), expected: privacyText.identityNumberPublished(where(source)) });
    }
    const seen = new Set<string>();
    for (const token of tokensOfLength(normalised, this.#idLengths[0], this.#idLengths[1])) {
      const p = this.#ids.get(token);
      if (!p || seen.has(token)) continue;
      seen.add(token);
      problems.push({ file: shown, value: `${token.slice(0, 1)}…`, expected: privacyText.idPublished(p.slug, where(sourceOf(token, p))) });
    }
    for (const a of this.#answers.foundIn(squashNormalised(normalised)))
      problems.push({ file: shown, expected: privacyText.freeTextPublished(a.line, `data/${a.project.slug}/${a.file}`, a.column, where(sourceOf(a.text, a.project))) });
    return problems;
  }
}
