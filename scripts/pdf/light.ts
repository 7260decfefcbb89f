// A small reader of the PDFs Chromium prints, for what the build reads back after each print:
// the pages, named destinations (the table of contents' page numbers), the document's title,
// language, tagging, bookmarks, the figures' alternative texts and the link actions. It reads
// the cross-reference table and the uncompressed objects Chromium (Skia) writes, with no
// rendering, no fonts and no content streams, in milliseconds where pdfjs takes about a second
// to load. Anything it does not expect (an xref stream, an object stream, a broken offset)
// gives undefined, and the caller reads the file with pdfjs instead (inspect.ts).
import { pdfSyntax } from '../problem-messages.ts';

/** A PDF value: objects as JS (dicts by key without the slash), references as { ref }. */
export type PdfValue = null | boolean | number | string | { name: string } | { ref: number } | PdfValue[] | { dict: Record<string, PdfValue> };

const latin1 = new TextDecoder('latin1');
/** Byte classes, by character code: 1 white space, 2 delimiter. Read with char codes, not one-character strings (the struct tree is thousands of values). */
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;
/** Whether `s[i]` is white space (false past the end: NaN indexes nothing). */
const isWs = (s: string, i: number) => CLASS[s.charCodeAt(i)] === 1;

/** Parses one value of `s` at `i`; returns it and the index after it. */
function parseValue(s: string, i: number): [PdfValue, number] {
  while (isWs(s, i) || s[i] === '%') i = s[i] === '%' ? s.indexOf('\n', i) + 1 || s.length : i + 1;
  const c = s[i];
  if (c === '/') {
    let j = i + 1;
    while (j < s.length && CLASS[s.charCodeAt(j)] === 0) j++;
    const name = s.slice(i + 1, j);
    return [{ name: name.includes('#') ? name.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : name }, j];
  }
  if (c === '<' && s[i + 1] === '<') {
    const dict: Record<string, PdfValue> = {};
    i += 2;
    for (;;) {
      while (isWs(s, i)) i++;
      if (s[i] === '>' && s[i + 1] === '>') return [{ dict }, i + 2];
      const [key, k] = parseValue(s, i);
      if (key === null || typeof key !== 'object' || !('name' in key)) throw new Error(pdfSyntax.keyNotName);
      const [v, j] = parseValue(s, k);
      dict[key.name] = v;
      i = j;
    }
  }
  if (c === '<') {
    const j = s.indexOf('>', i);
    const hex = s.slice(i + 1, j).replace(/\s/g, '');
    return [textString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')), j + 1];
  }
  if (c === '(') return literalString(s, i);
  if (c === '[') {
    const arr: PdfValue[] = [];
    i++;
    for (;;) {
      while (isWs(s, i)) i++;
      if (s[i] === ']') return [arr, i + 1];
      const [v, j] = parseValue(s, i);
      arr.push(v);
      i = j;
    }
  }
  SCALAR.lastIndex = i;
  const m = SCALAR.exec(s);
  if (!m) throw new Error(pdfSyntax.unexpectedToken(i));
  if (m[3] !== undefined) return [m[3] === 'null' ? null : m[3] === 'true', i + m[0].length];
  return [m[2] !== undefined ? { ref: Number(m[1]) } : Number(m[1]), i + m[0].length];
}

/** A number, a reference (`12 0 R`) or true/false/null, matched where the last index is (sticky: no copy of the text). */
const SCALAR = /([+-]?(?:\d+\.?\d*|\.\d+))(?:\s+(\d+)\s+R(?![A-Za-z]))?|(true|false|null)/y;
/** An object's header, `12 0 obj`, where the last index is. */
const OBJECT_HEAD = /(\d+) \d+ obj/y;

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

function literalString(s: string, i: number): [string, number] {
  let depth = 1;
  let out = '';
  for (i++; i < s.length && depth > 0; i++) {
    const c = s[i]!;
    if (c === '\\') {
      const n = s[++i]!;
      const oct = /^[0-7]{1,3}/.exec(s.slice(i, i + 3));
      if (oct) (out += String.fromCharCode(parseInt(oct[0], 8) & 0xff), (i += oct[0].length - 1));
      else if (n === '\r' || n === '\n') i += n === '\r' && s[i + 1] === '\n' ? 1 : 0; // a line continuation
      else out += ESCAPES[n] ?? n;
    } else if (c === '(') (depth++, (out += c));
    else if (c === ')') (--depth > 0 ? (out += c) : undefined);
    else out += c;
  }
  return [textString(Buffer.from(out, 'latin1')), i];
}

/** A PDF text string: UTF-16BE after a byte order mark, else (near enough) Latin-1. */
function textString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('latin1');
}

export const isDict = (v: PdfValue | undefined): v is { dict: Record<string, PdfValue> } => v !== null && typeof v === 'object' && 'dict' in v;
export const isRef = (v: PdfValue | undefined): v is { ref: number } => v !== null && typeof v === 'object' && 'ref' in v;
export const nameOf = (v: PdfValue | undefined) => (v !== null && typeof v === 'object' && 'name' in v ? v.name : undefined);

export class LightPdf {
  private readonly text: string;
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfValue>();
  readonly trailer: Record<string, PdfValue>;

  /** Throws when the file is not one with classic cross-reference tables (an incremental update's /Prev chain followed). */
  constructor(bytes: Uint8Array) {
    this.text = latin1.decode(bytes);
    let start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.text.slice(-64))?.[1]);
    let newest: Record<string, PdfValue> | undefined;
    for (let sections = 0; Number.isFinite(start) && sections < 64; sections++) {
      const trailer = this.readSection(start);
      newest ??= trailer;
      start = typeof trailer.Prev === 'number' ? trailer.Prev : NaN;
    }
    if (!newest) throw new Error(pdfSyntax.noXrefTable);
    this.trailer = newest;
  }

  /** One cross-reference section at `start`; entries already known (from a newer section) win. */
  private readSection(start: number): Record<string, PdfValue> {
    if (!this.text.startsWith('xref', start)) throw new Error(pdfSyntax.noXrefTable);
    let i = start + 4;
    const line = /\s*(\d+) (\d+)\s*\n/y;
    for (;;) {
      line.lastIndex = i;
      const sub = line.exec(this.text);
      if (!sub) break;
      const [first, count] = [Number(sub[1]), Number(sub[2])];
      i = line.lastIndex;
      for (let k = 0; k < count; k++, i += 20) if (this.text[i + 17] === 'n' && !this.offsets.has(first + k)) this.offsets.set(first + k, Number(this.text.slice(i, i + 10)));
    }
    const [trailer] = parseValue(this.text, this.text.indexOf('trailer', i) + 7);
    if (!isDict(trailer)) throw new Error(pdfSyntax.noTrailer);
    return trailer.dict;
  }

  /** Object `n` (its value; for a stream, its dictionary). */
  object(n: number): PdfValue {
    if (this.cache.has(n)) return this.cache.get(n)!;
    const at = this.offsets.get(n);
    if (at === undefined) throw new Error(pdfSyntax.objectMisplaced(n));
    OBJECT_HEAD.lastIndex = at;
    const head = OBJECT_HEAD.exec(this.text);
    if (!head || Number(head[1]) !== n) throw new Error(pdfSyntax.objectMisplaced(n));
    const [v] = parseValue(this.text, at + head[0].length);
    this.cache.set(n, v);
    return v;
  }

  /** Stream object `n`: its dictionary and its data as stored (still encoded). */
  stream(n: number): { dict: Record<string, PdfValue>; data: Uint8Array } {
    const dict = this.dict({ ref: n });
    const at = this.offsets.get(n)!;
    const keyword = /stream\r?\n/y;
    keyword.lastIndex = this.text.indexOf('stream', at);
    const length = this.get(dict.Length);
    if (!keyword.exec(this.text) || typeof length !== 'number') throw new Error(pdfSyntax.notAStream(n));
    const start = keyword.lastIndex;
    return { dict, data: Buffer.from(this.text.slice(start, start + length), 'latin1') };
  }

  /** A value with references followed. */
  get(v: PdfValue | undefined): PdfValue | undefined {
    for (let hops = 0; isRef(v) && hops < 32; hops++) v = this.object(v.ref);
    return v;
  }

  dict(v: PdfValue | undefined): Record<string, PdfValue> {
    const d = this.get(v);
    if (!isDict(d)) throw new Error(pdfSyntax.dictionaryExpected);
    return d.dict;
  }

  get catalog(): Record<string, PdfValue> {
    return this.dict(this.trailer.Root);
  }

  /** Object numbers of the pages, in order. */
  pageRefs(): number[] {
    const out: number[] = [];
    const walk = (v: PdfValue, depth: number): void => {
      if (!isRef(v) || depth > 32) throw new Error(pdfSyntax.pageNodeNotRef);
      const node = this.dict(v);
      if (nameOf(node.Type) === 'Page') return void out.push(v.ref);
      const kids = this.get(node.Kids);
      if (!Array.isArray(kids)) throw new Error(pdfSyntax.pageNodeWithoutKids);
      for (const k of kids) walk(k, depth + 1);
    };
    walk(this.catalog.Pages!, 0);
    return out;
  }
}

/** The page (1-based) of an explicit destination, or 0. */
function destPage(pdf: LightPdf, pages: Map<number, number>, dest: PdfValue | undefined): number {
  let d = pdf.get(dest);
  if (isDict(d)) d = pdf.get(d.dict.D);
  return Array.isArray(d) && isRef(d[0]) ? (pages.get(d[0].ref) ?? 0) : 0;
}

export interface LightInspection {
  pages: number;
  title: string | null;
  lang: string | null;
  tagged: boolean;
  /** Top-level bookmarks with their pages (children not read). */
  outline: Array<{ title: string; page: number }>;
  destinations: Record<string, number>;
  figureAlts: string[];
  /** Link actions' URIs, by page. */
  uris: Array<{ page: number; uri: string }>;
}

/** `read` on the PDF as Chromium prints it; undefined for anything else (then use pdfjs). */
function readLight<T>(bytes: Uint8Array, read: (pdf: LightPdf) => T): T | undefined {
  try {
    return read(new LightPdf(bytes));
  } catch {
    return undefined;
  }
}

/** Reads a PDF as Chromium prints it; undefined for anything else (then use pdfjs). */
export function lightInspect(bytes: Uint8Array): LightInspection | undefined {
  return readLight(bytes, inspect);
}

/**
 * Only the pages and the named destinations, and only the link actions: what is read back between
 * prints, without walking the structure tree (most of a whole reading). Undefined as lightInspect.
 */
export const lightDestinations = (bytes: Uint8Array): Pick<LightInspection, 'pages' | 'destinations'> | undefined =>
  readLight(bytes, (pdf) => {
    const refs = pdf.pageRefs();
    return { pages: refs.length, destinations: destinationsOf(pdf, pageNumbers(refs)) };
  });
export const lightLinks = (bytes: Uint8Array): LightInspection['uris'] | undefined => readLight(bytes, (pdf) => linkUris(pdf, pdf.pageRefs()));

const pageNumbers = (refs: number[]) => new Map(refs.map((r, i) => [r, i + 1]));

function destinationsOf(pdf: LightPdf, pages: Map<number, number>): Record<string, number> {
  const cat = pdf.catalog;
  if (cat.Names !== undefined && pdf.dict(cat.Names).Dests !== undefined) throw new Error(pdfSyntax.destinationNameTree);
  const destinations: Record<string, number> = {};
  if (cat.Dests !== undefined) for (const [name, d] of Object.entries(pdf.dict(cat.Dests))) destinations[name] = destPage(pdf, pages, d);
  return destinations;
}

function inspect(pdf: LightPdf): LightInspection {
  const refs = pdf.pageRefs();
  const pages = pageNumbers(refs);
  const cat = pdf.catalog;
  const destinations = destinationsOf(pdf, pages);
  const info = pdf.trailer.Info !== undefined ? pdf.dict(pdf.trailer.Info) : {};
  const str = (v: PdfValue | undefined) => (typeof v === 'string' && v !== '' ? v : null);
  const outline: LightInspection['outline'] = [];
  const root = cat.Outlines !== undefined ? pdf.dict(cat.Outlines) : {};
  for (let item = root.First, n = 0; item !== undefined && n < 10_000; n++) {
    const d = pdf.dict(item);
    outline.push({ title: String(pdf.get(d.Title) ?? ''), page: destPage(pdf, pages, d.Dest ?? (d.A !== undefined ? pdf.dict(d.A).D : undefined)) });
    item = d.Next;
  }
  const markInfo = cat.MarkInfo !== undefined ? pdf.dict(cat.MarkInfo) : {};
  return {
    pages: refs.length,
    title: str(pdf.get(info.Title)),
    lang: str(pdf.get(cat.Lang)),
    tagged: pdf.get(markInfo.Marked) === true,
    outline,
    destinations,
    figureAlts: cat.StructTreeRoot !== undefined ? figureAlts(pdf, pdf.dict(cat.StructTreeRoot).K) : [],
    uris: linkUris(pdf, refs),
  };
}

/** /Alt of every Figure element of the structure tree, in document order, without duplicates. */
function figureAlts(pdf: LightPdf, kids: PdfValue | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  const walk = (v: PdfValue | undefined, depth: number): void => {
    if (depth > 256) throw new Error(pdfSyntax.structureTooDeep);
    if (isRef(v)) {
      if (seen.has(v.ref)) return;
      seen.add(v.ref);
    }
    const node = pdf.get(v);
    if (Array.isArray(node)) return node.forEach((k) => walk(k, depth + 1));
    if (!isDict(node)) return; // a marked-content id
    const d = node.dict;
    const alt = pdf.get(d.Alt);
    if (nameOf(d.S) === 'Figure' && typeof alt === 'string' && alt.trim() !== '' && !out.includes(alt)) out.push(alt);
    if (nameOf(d.Type) === 'StructElem' || d.S !== undefined) walk(d.K, depth + 1);
  };
  walk(kids, 0);
  return out;
}

function linkUris(pdf: LightPdf, refs: number[]): LightInspection['uris'] {
  const out: LightInspection['uris'] = [];
  refs.forEach((r, i) => {
    const annots = pdf.get(pdf.dict({ ref: r }).Annots);
    for (const a of Array.isArray(annots) ? annots : []) {
      const d = pdf.dict(a);
      const action = d.A !== undefined ? pdf.dict(d.A) : {};
      const uri = pdf.get(action.URI);
      if (nameOf(d.Subtype) === 'Link' && typeof uri === 'string') out.push({ page: i + 1, uri });
    }
  });
  return out;
}
