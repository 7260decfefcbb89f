// The table of contents numbered in the one print, instead of printing twice.
// The page is printed with a placeholder of three digits in each `[data-toc-page]` element; the
// print's named destinations give each target's page; then the placeholders' glyphs are
// replaced by the page numbers' glyphs in the content streams, right-aligned on the
// placeholder's right edge, as an incremental update (every other object stays as Chromium
// wrote it, the tag tree included: the digits stay in their marked content).
// This holds only when the numbers take the same space as their placeholders (print.ts checks
// that in the page first) and the PDF is drawn as Chromium (Skia) draws it: one BT … ET block
// per run, right after the start of its marked content (BDC), `1 0 0 -1 x y Tm`, `<glyphs> Tj`
// strings with `w 0 Td` between them, Identity-H fonts with a ToUnicode map. Anything else is an
// Error whose message says why, and the caller prints a second time with the numbers filled in.
// Placeholder i is the digits 3i, 3i+1, 3i+2 (mod 10): four entries show all ten digits, so the
// glyph of every digit (tabular figures where the CSS asks for them) is learnt from the print.
import { deflateSync, inflateSync } from 'node:zlib';
import { appendObjects } from './incremental.ts';
import { LightPdf, isRef, nameOf, type PdfValue } from './light.ts';
import { pdfSyntax } from '../problem-messages.ts';

/** The placeholder printed in the `index`th `[data-toc-page]` element. */
export function tocPlaceholder(index: number): string {
  return [0, 1, 2].map((k) => String((3 * index + k) % 10)).join('');
}

/** One BT … ET block of a content stream that draws a single run of glyphs. */
interface Run {
  /** Where the block's body (after "BT", before "ET") is in the decoded stream. */
  from: number;
  to: number;
  font: string;
  size: string;
  x: number;
  y: string;
  glyphs: string[];
  /** The sum of the Td offsets between the run's strings. */
  moved: number;
  /** The glyphs of the last string (drawn with their own widths after the last Td). */
  last: string[];
}

interface Font {
  toUnicode: Map<string, string>;
  widths: Map<number, number>;
  defaultWidth: number;
}

const BLOCK = /BDC\s+BT\s([\s\S]*?)\sET(?=\s|$)/g;
const BODY = /^\s*\/(\S+)\s+(\d+(?:\.\d+)?)\s+Tf\s+1 0 0 -1 (-?[\d.]+) (-?[\d.]+) Tm\s+<((?:[0-9A-F]{4})+)> Tj((?:\s+-?[\d.]+ 0 Td <(?:[0-9A-F]{4})+> Tj)*)\s*$/;
const NEXT = /(-?[\d.]+) 0 Td <([0-9A-F]+)> Tj/g;
const glyphsOf = (hex: string): string[] => hex.match(/.{4}/g) ?? [];

/** The marked runs of a decoded content stream, in drawing order. */
function runsOf(stream: string): Run[] {
  const out: Run[] = [];
  for (const m of stream.matchAll(BLOCK)) {
    const body = BODY.exec(m[1]!);
    if (!body) continue;
    const from = m.index + m[0].indexOf(m[1]!);
    const next = [...body[6]!.matchAll(NEXT)];
    const strings = [body[5]!, ...next.map((r) => r[2]!)];
    const moved = next.reduce((sum, r) => sum + Number(r[1]), 0);
    out.push({ from, to: from + m[1]!.length, font: body[1]!, size: body[2]!, x: Number(body[3]), y: body[4]!, glyphs: strings.flatMap(glyphsOf), moved, last: glyphsOf(strings.at(-1)!) });
  }
  return out;
}

/** A number as a content stream writes it: at most five decimals, never an exponent. */
const num = (v: number): string => String(Math.round(v * 1e5) / 1e5);

/** A font's ToUnicode map (bfchar and bfrange of single code points) and its glyph widths. */
function readFont(pdf: LightPdf, ref: PdfValue): Font {
  const font = pdf.dict(ref);
  const toUnicode = new Map<string, string>();
  if (isRef(font.ToUnicode)) {
    const cmap = decoded(pdf, font.ToUnicode.ref);
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const [, code, uni] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) toUnicode.set(code!.toUpperCase(), Buffer.from(uni!, 'hex').swap16().toString('utf16le'));
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, lo, hi, uni] of block[1]!.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>/g))
        for (let c = parseInt(lo!, 16), u = parseInt(uni!, 16); c <= parseInt(hi!, 16); c++, u++) toUnicode.set(c.toString(16).toUpperCase().padStart(4, '0'), String.fromCharCode(u));
  }
  const cid = pdf.dict((pdf.get(font.DescendantFonts) as PdfValue[] | undefined)?.[0]);
  const widths = new Map<number, number>();
  const w = pdf.get(cid.W);
  for (let i = 0; Array.isArray(w) && i < w.length; ) {
    const first = Number(pdf.get(w[i]));
    const next = pdf.get(w[i + 1]);
    if (Array.isArray(next)) {
      next.forEach((v, k) => widths.set(first + k, Number(pdf.get(v))));
      i += 2;
    } else {
      const width = Number(pdf.get(w[i + 2]));
      for (let c = first; c <= Number(next); c++) widths.set(c, width);
      i += 3;
    }
  }
  return { toUnicode, widths, defaultWidth: typeof cid.DW === 'number' ? cid.DW : 1000 };
}

/** Stream `n` decoded (FlateDecode or none). */
function decoded(pdf: LightPdf, n: number): string {
  const { dict, data } = pdf.stream(n);
  const filter = nameOf(pdf.get(dict.Filter));
  if (dict.Filter !== undefined && filter !== 'FlateDecode') throw new Error(pdfSyntax.streamFilter(n, String(filter)));
  return Buffer.from(filter ? inflateSync(data) : data).toString('latin1');
}

/** A placeholder as printed: its run, the content stream and the font it is in. */
interface Placeholder {
  run: Run;
  stream: number;
  fontRef: number;
  font: Font;
}

/**
 * The placeholders' runs, in order: the marked runs of exactly three digits, page by page until
 * the last is found. Throws on a run of three digits that is not the next placeholder, or when
 * some are not found.
 */
function findPlaceholders(pdf: LightPdf, placeholders: string[]): { found: Placeholder[]; streams: Map<number, string> } {
  const found: Placeholder[] = [];
  const streams = new Map<number, string>();
  const fonts = new Map<number, Font>();
  const pages = pdf.pageRefs();
  for (let p = 0; p < pages.length && found.length < placeholders.length; p++) {
    const page = pdf.dict({ ref: pages[p]! });
    if (!isRef(page.Contents)) continue;
    const stream = page.Contents.ref;
    const text = decoded(pdf, stream);
    const resources = pdf.dict(page.Resources);
    const fontRefs = resources.Font !== undefined ? pdf.dict(resources.Font) : {};
    for (const run of runsOf(text)) {
      if (found.length === placeholders.length) break;
      const ref = fontRefs[run.font];
      if (run.glyphs.length !== 3 || !isRef(ref)) continue;
      const font = fonts.get(ref.ref) ?? readFont(pdf, ref);
      fonts.set(ref.ref, font);
      const shown = run.glyphs.map((g) => font.toUnicode.get(g) ?? '?').join('');
      if (!/^\d{3}$/.test(shown)) continue;
      if (shown !== placeholders[found.length]) throw new Error(pdfSyntax.tocStrayRun(p + 1, shown));
      found.push({ run, stream, fontRef: ref.ref, font });
      streams.set(stream, text);
    }
  }
  if (found.length < placeholders.length) throw new Error(pdfSyntax.tocRuns(found.length, placeholders.length));
  return { found, streams };
}

/** Each font's glyph for each digit, as the placeholders drew them. */
function digitGlyphs(found: Placeholder[], placeholders: string[]): Map<number, Map<string, string>> {
  const byFont = new Map<number, Map<string, string>>();
  found.forEach((f, i) => {
    const glyphs = byFont.get(f.fontRef) ?? new Map<string, string>();
    byFont.set(f.fontRef, glyphs);
    [...placeholders[i]!].forEach((digit, k) => {
      const seen = glyphs.get(digit);
      if (seen !== undefined && seen !== f.run.glyphs[k]) throw new Error(pdfSyntax.tocDigitTwice(digit));
      glyphs.set(digit, f.run.glyphs[k]!);
    });
  });
  return byFont;
}

/**
 * The body of a placeholder's BT … ET block drawing `n` instead, on the same right edge: one
 * string of glyphs, each advancing by its own width (what Chromium draws for tabular figures).
 */
function numberedBody(p: Placeholder, digitGlyph: Map<string, string>, n: number): string {
  const { run, font } = p;
  const width = (g: string) => ((font.widths.get(parseInt(g, 16)) ?? font.defaultWidth) * Number(run.size)) / 1000;
  const sum = (gs: string[]) => gs.reduce((a, g) => a + width(g), 0);
  const right = run.x + run.moved + sum(run.last);
  const glyphs = [...String(n)].map((digit) => {
    const g = digitGlyph.get(digit);
    if (g === undefined) throw new Error(pdfSyntax.tocDigitMissing(digit));
    return g;
  });
  return `/${run.font} ${run.size} Tf\n1 0 0 -1 ${num(right - sum(glyphs))} ${run.y} Tm\n<${glyphs.join('')}> Tj`;
}

/**
 * `pdf`, printed with `placeholders` (tocPlaceholder) in its table of contents, with each
 * placeholder replaced by its number in `numbers`. Throws (saying why) when the PDF is not
 * drawn as expected; then print again with the numbers filled in.
 */
export function numberToc(bytes: Uint8Array, placeholders: string[], numbers: number[]): Uint8Array {
  const pdf = new LightPdf(bytes);
  const { found, streams } = findPlaceholders(pdf, placeholders);
  const glyphs = digitGlyphs(found, placeholders);
  const edits = new Map<number, Array<{ from: number; to: number; body: string }>>();
  found.forEach((p, i) => {
    const list = edits.get(p.stream) ?? [];
    edits.set(p.stream, list);
    list.push({ from: p.run.from, to: p.run.to, body: numberedBody(p, glyphs.get(p.fontRef)!, numbers[i]!) });
  });
  const changed = new Map<number, string>();
  for (const [stream, list] of edits) {
    let text = streams.get(stream)!;
    for (const e of list.sort((a, b) => b.from - a.from)) text = text.slice(0, e.from) + e.body + text.slice(e.to);
    changed.set(stream, text);
  }
  return appendStreams(bytes, pdf, changed);
}

/** `bytes` with an incremental update that replaces each content stream in `changed` (decoded text). */
function appendStreams(bytes: Uint8Array, pdf: LightPdf, changed: Map<number, string>): Uint8Array {
  const { Size, Root, Info, ...others } = pdf.trailer;
  delete others.Prev;
  if (Object.keys(others).length > 0 || typeof Size !== 'number' || !isRef(Root) || (Info !== undefined && !isRef(Info))) throw new Error(pdfSyntax.tocTrailer);
  const objects = [...changed].map(([num, text]) => {
    if (Object.keys(pdf.stream(num).dict).some((k) => k !== 'Filter' && k !== 'Length')) throw new Error(pdfSyntax.tocStreamDict(num));
    const data = deflateSync(Buffer.from(text, 'latin1'));
    return { num, body: Buffer.concat([Buffer.from(`<</Filter /FlateDecode\n/Length ${data.length}>> stream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]) };
  });
  return appendObjects(bytes, objects, { size: Size, root: Root.ref, ...(isRef(Info) ? { info: Info.ref } : {}) });
}
