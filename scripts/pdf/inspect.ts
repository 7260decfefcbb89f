// Reads a printed PDF back with pdfjs-dist (legacy build, which runs on Node 20): page count,
// title, language, tagging, bookmarks, named destinations, page texts and figure alt texts.
// Used by the tests, and by the build where the light reader (light.ts) or pdftotext cannot
// (inspectPrinted). pdfjs is loaded on first use only: it costs about a second to load.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { lightInspect } from './light.ts';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<Pdfjs> | undefined;
const loadPdfjs = (): Promise<Pdfjs> => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
type PDFDocumentProxy = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

export interface OutlineEntry {
  title: string;
  /** 1-based page the bookmark points at; 0 when it points nowhere in this document. */
  page: number;
  children: OutlineEntry[];
}

export interface PdfInspection {
  pages: number;
  /** The document information dictionary's /Title (Chromium copies the page's <title>). */
  title: string | null;
  /** The catalog's /Lang (Chromium copies <html lang>). */
  lang: string | null;
  /** /MarkInfo /Marked: the PDF has a tag (structure) tree. */
  tagged: boolean;
  outline: OutlineEntry[];
  /** Named destination → 1-based page. Chromium writes one for every id that a link targets. */
  destinations: Record<string, number>;
  /** Text of each page, in content order, one line per text line; not normalised. */
  pageTexts: string[];
  /** /Alt of every Figure structure element, in document order, without duplicates. */
  figureAlts: string[];
}

/** Makes Swedish output comparable: no-break and narrow no-break spaces → space, minus → '-'. */
export function normaliseText(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007\u2009]/g, ' ').replace(/\u2212/g, '-');
}

/**
 * Opens a PDF from bytes. The bytes are copied, since pdfjs transfers (detaches) its input.
 * Call `doc.destroy()` when done.
 */
export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  return (await loadPdfjs()).getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0, // errors only: pdfjs warns about fonts it does not need for text extraction
  }).promise;
}

async function refToPage(doc: PDFDocumentProxy, ref: unknown): Promise<number> {
  if (typeof ref === 'number') return ref + 1; // some writers store a page index
  if (ref && typeof ref === 'object' && 'num' in ref) {
    return (await doc.getPageIndex(ref as { num: number; gen: number })) + 1;
  }
  return 0;
}

/** 1-based page of a destination (a name or an explicit destination array); 0 if unknown. */
export async function destinationPage(
  doc: PDFDocumentProxy,
  dest: string | unknown[] | null,
): Promise<number> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
  if (!Array.isArray(explicit) || explicit.length === 0) return 0;
  return refToPage(doc, explicit[0]);
}

/** All named destinations → 1-based page. */
export async function readDestinations(doc: PDFDocumentProxy): Promise<Record<string, number>> {
  const all = await doc.getDestinations();
  const out: Record<string, number> = {};
  for (const [name, dest] of Object.entries(all)) {
    out[name] = Array.isArray(dest) && dest.length > 0 ? await refToPage(doc, dest[0]) : 0;
  }
  return out;
}

type RawOutline = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>;

async function readOutline(doc: PDFDocumentProxy, items: RawOutline | null): Promise<OutlineEntry[]> {
  const out: OutlineEntry[] = [];
  for (const item of items ?? []) {
    out.push({
      title: item.title,
      page: await destinationPage(doc, item.dest),
      children: await readOutline(doc, item.items as RawOutline),
    });
  }
  return out;
}

/** The text of one page: items in content order, a newline where pdfjs sees a line end. */
export async function pageText(doc: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str + (item.hasEOL ? '\n' : '');
  }
  page.cleanup();
  return text;
}

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

function collectFigureAlts(node: StructNode | null | undefined, into: string[]): void {
  if (!node) return;
  if (node.role === 'Figure' && typeof node.alt === 'string' && node.alt.trim() !== '') {
    into.push(node.alt);
  }
  for (const child of node.children ?? []) collectFigureAlts(child, into);
}

/** Reads everything the tests (and a person checking a report) want to know about a PDF. */
export async function inspectPdf(file: string): Promise<PdfInspection> {
  const doc = await openPdf(await readFile(file));
  try {
    const [{ info }, markInfo, rawOutline, destinations] = await Promise.all([
      doc.getMetadata(),
      doc.getMarkInfo(),
      doc.getOutline(),
      readDestinations(doc),
    ]);
    // pdfjs puts the catalog's /Lang into the info object as `Language`.
    const meta = info as { Title?: unknown; Language?: unknown };
    const pageTexts: string[] = [];
    const figureAlts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      pageTexts.push(await pageText(doc, n));
      const page = await doc.getPage(n);
      const alts: string[] = [];
      collectFigureAlts((await page.getStructTree()) as StructNode | null, alts);
      for (const alt of alts) if (!figureAlts.includes(alt)) figureAlts.push(alt);
    }
    return {
      pages: doc.numPages,
      title: typeof meta.Title === 'string' && meta.Title !== '' ? meta.Title : null,
      lang: typeof meta.Language === 'string' && meta.Language !== '' ? meta.Language : null,
      tagged: markInfo?.Marked === true,
      outline: await readOutline(doc, rawOutline),
      destinations,
      pageTexts,
      figureAlts,
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * What the build reads back from a PDF it printed: as inspectPdf, but from the light reader and
 * poppler's pdftotext (a C program, a tenth of pdfjs's CPU) when the file is as Chromium writes
 * it and pdftotext is installed (npm run build installs poppler-utils with Chromium); else pdfjs.
 * The bookmarks are the top level only, with no children (the checks want bookmarks, not their tree).
 */
export async function inspectPrinted(file: string): Promise<PdfInspection> {
  const light = lightInspect(await readFile(file));
  const texts = light ? await pdftotextPages(file) : undefined;
  if (!light || !texts || texts.length !== light.pages) return inspectPdf(file);
  const { pages, title, lang, tagged, destinations, figureAlts } = light;
  return { pages, title, lang, tagged, destinations, figureAlts, outline: light.outline.map((o) => ({ ...o, children: [] })), pageTexts: texts };
}

/** The text of each page by pdftotext (pages end with a form feed); undefined when it is not installed or fails. */
async function pdftotextPages(file: string): Promise<string[] | undefined> {
  try {
    const { stdout } = await promisify(execFile)('pdftotext', ['-q', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
    return stdout.split('\f').slice(0, -1);
  } catch {
    return undefined;
  }
}
