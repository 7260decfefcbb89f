// Prints a report page to an accessible (tagged) PDF with Chromium.
//
// What Chromium 156 (Debian) puts in the tag tree, checked with pdfjs getStructTree():
// - Alt text of an inline SVG chart: the SVG's accessible name becomes the /Alt of a Figure
//   element, and the drawing (its <text> labels included) is that Figure's content.
//     <svg role="img" aria-labelledby="t d"><title id="t">…</title><desc id="d">…</desc>
//       → Figure /Alt "title desc" (the two texts joined by a space)             WORKS
//     <svg role="img" aria-label="…">                  → Figure /Alt "…"          WORKS
//     <img alt="…" src="chart.svg">                     → Figure /Alt "…"          WORKS
//     <svg role="img" aria-labelledby="t" aria-describedby="d"> → /Alt is the title only;
//       the description is lost, so put both ids in aria-labelledby.
//     <svg> with only a <title>, or aria-label without role="img" → NonStruct, NO alt.
// - A <figure> around the chart becomes an outer Figure with no /Alt holding the inner Figure
//   (with /Alt) and a Caption. PDF/UA checkers want /Alt on every Figure: `aria-label` on the
//   <figure> gives the outer one an /Alt; `role="group"` turns it into a Div instead. A chart is
//   therefore a <div role="group"> named by its caption (ARIA in HTML allows no role on a
//   <figure> with a <figcaption>, and Lighthouse's axe flags it).
// - Bookmarks come from h1–h6; where a heading wraps, Chromium drops the space at the line
//   break in the bookmark title ("…insatser2023–2025"), and a heading pushed to the top of the
//   next page is titled twice ("RubrikRubrik"). outline.ts rewrites every title from the page's
//   headings, and the information dictionary from its <title> and <meta> (author, description,
//   keywords, generator); Chromium itself writes its user-agent string as /Creator.
// - Bold text without a real bold @font-face is synthesised and written as Type 3 fonts:
//   self-host every weight the CSS uses.
// - <table>: Table/TR/TH/TD (no THead/TBody). A header row repeated by `display:
//   table-header-group` is tagged as more content of the same TH elements, not as an artifact.
// - puppeteer passes --export-tagged-pdf and --generate-pdf-document-outline itself.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { openPdf, readDestinations } from './inspect.ts';
import { lightDestinations, lightLinks } from './light.ts';
import { allowedLink } from '../render/links.ts';
import { rewriteOutline, type PdfInfo } from './outline.ts';
import { reproduciblePdf } from './reproducible.ts';
import { numberToc, tocPlaceholder } from './toc-numbers.ts';
import { pdfSyntax, pdfText, statusText } from '../problem-messages.ts';

export interface PrintOptions {
  /** file:// or http:// URL of the report page. */
  url: string;
  /** Where to write the PDF (folders are created). */
  pdfFile: string;
  /** Progress lines for a person watching the build. */
  onProgress?: (msg: string) => void;
  /** A pinned build date: written as the PDF's creation and modification dates (reproducible.ts). */
  date?: Date;
}

export interface PrintResult {
  pages: number;
  /** Wall time of the whole print, page load included. */
  ms: number;
  /** How many times the page was printed: 1, or 2 or 3 when the table of contents' numbers could not be written into the first. */
  passes: number;
  /** The page number written into each `[data-toc-page]` element, by id. */
  tocPages: Record<string, number>;
}

/** At most this many prints: the first learns the pages, the others (when needed) fill and check them. */
const MAX_PASSES = 3;

/** One print: tagged, with bookmarks. */
async function printOnce(page: Page): Promise<Uint8Array> {
  return page.pdf({
    tagged: true,
    outline: true,
    preferCSSPageSize: true, // size and margins from the page's @page rule (A4)
    printBackground: true,
    displayHeaderFooter: false, // the page's own @page margin boxes print "Sida x av y"
    timeout: 120_000,
  });
}

/** Page of each table-of-contents target, read from the PDF's named destinations. */
async function tocTargetPages(
  pdf: Uint8Array,
  ids: string[],
): Promise<{ pages: number; targets: Record<string, number> }> {
  // The light reader reads Chromium's PDFs without pdfjs (light.ts); pdfjs reads the rest.
  const light = lightDestinations(pdf);
  const doc = light ? undefined : await openPdf(pdf);
  try {
    const destinations = light?.destinations ?? (await readDestinations(doc!));
    const targets: Record<string, number> = {};
    const missing: string[] = [];
    for (const id of ids) {
      const n = destinations[id];
      if (n === undefined || n < 1) missing.push(id);
      else targets[id] = n;
    }
    if (missing.length > 0) throw new Error(pdfText.noDestination(missing));
    return { pages: light?.pages ?? doc!.numPages, targets };
  } finally {
    await doc?.destroy();
  }
}

/** A link as the errors show it: its scheme only, never the whole URI. */
const schemeOf = (uri: string): string => /^[^:]{0,40}:/.exec(uri)?.[0] ?? pdfText.linkWithoutScheme;

/**
 * Link actions of the PDF that the report's link rule refuses (scripts/render/links.ts): each
 * /URI could launch a program from a PDF reader. Their schemes only, never the whole URI.
 */
export async function refusedLinkActions(pdf: Uint8Array): Promise<string[]> {
  const uris = lightLinks(pdf);
  if (uris) return uris.filter((u) => !allowedLink(u.uri)).map((u) => pdfText.refusedAction(u.page, schemeOf(u.uri)));
  const doc = await openPdf(pdf);
  try {
    const refused: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const annotations = (await (await doc.getPage(n)).getAnnotations()) as Array<{ subtype?: string; url?: string; unsafeUrl?: string }>;
      for (const a of annotations) {
        const uri = a.unsafeUrl ?? a.url;
        if (a.subtype === 'Link' && uri !== undefined && !allowedLink(uri)) refused.push(pdfText.refusedAction(n, schemeOf(uri)));
      }
    }
    return refused;
  } finally {
    await doc.destroy();
  }
}

function sameNumbers(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Prints the page at `url` to `pdfFile`: A4 from the page's CSS, tagged, with bookmarks.
 * A table of contents gets its page numbers from the print: `<a href="#id">` links in `nav.toc`
 * and, for each, a `<span data-toc-page="id">` that shows the page the print put `#id` on
 * (printNumbered).
 */
export async function printPdf(browser: Browser, options: PrintOptions): Promise<PrintResult> {
  const { url, pdfFile } = options;
  const progress = options.onProgress ?? (() => {});
  const started = performance.now();
  const page = await browser.newPage();
  const failed = failedRequests(page);
  try {
    await loadForPrint(page, url, failed);
    await refuseLinks(page, url);
    const ids = await tocIds(page, url);
    const printed = await printNumbered(page, url, ids, progress);
    const pdf = await finishedPdf(page, url, printed.pdf, options.date);
    await mkdir(dirname(pdfFile), { recursive: true });
    await writeFile(pdfFile, pdf);
    const ms = Math.round(performance.now() - started);
    progress(statusText.printedTo(printed.pages, printed.passes, ms, pdfFile));
    return { pages: printed.pages, ms, passes: printed.passes, tocPages: printed.tocPages };
  } finally {
    await page.close();
  }
}

/** The resources of `page` that failed to load (the favicon aside), collected as the page loads. */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on('requestfailed', (req) => {
    if (!req.url().endsWith('/favicon.ico')) failed.push(pdfText.requestFailed(req.url(), req.failure()?.errorText));
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !res.url().endsWith('/favicon.ico')) failed.push(pdfText.responseStatus(res.url(), res.status()));
  });
  return failed;
}

/** Loads `url` for print; throws when the page, a font or another of its resources did not load. */
async function loadForPrint(page: Page, url: string, failed: string[]): Promise<void> {
  await page.emulateMediaType('print');
  const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  if (response && !response.ok() && response.status() !== 0) throw new Error(pdfText.httpStatus(url, response.status()));
  const brokenFonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((f) => f.status === 'error')
      .map((f) => `${f.family} ${f.weight} ${f.style}`);
  });
  if (brokenFonts.length > 0) throw new Error(pdfText.fontsFailed(url, brokenFonts));
  if (failed.length > 0) throw new Error(pdfText.resourcesFailed(url, failed));
}

/** Throws when a link of the page, as Chromium resolved it, would become a /URI action the link rule refuses. */
async function refuseLinks(page: Page, url: string): Promise<void> {
  // A link into the page itself (#id, whatever the page's own scheme) becomes a jump, not a /URI.
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]')].map((a) => ({ href: a.href, inPage: a.href.split('#')[0] === location.href.split('#')[0] && a.href.includes('#') })),
  );
  const refused = hrefs.filter((h) => !h.inPage && !allowedLink(h.href)).map((h) => schemeOf(h.href));
  if (refused.length > 0) throw new Error(pdfText.refusedLinks(url, refused));
}

/** The ids to number: every [data-toc-page] span's; throws unless each names an element with a link to it. */
async function tocIds(page: Page, url: string): Promise<string[]> {
  const ids = await page.evaluate(() => {
    const spans = [...document.querySelectorAll<HTMLElement>('[data-toc-page]')];
    return spans.map((s) => s.dataset.tocPage ?? '');
  });
  const lacking = await page.evaluate((all: string[]) => {
    const out: Array<{ id: string; lacks: 'id' | 'element' | 'link' }> = [];
    for (const id of all) {
      if (id === '') out.push({ id, lacks: 'id' });
      else if (!document.getElementById(id)) out.push({ id, lacks: 'element' });
      else if (!document.querySelector(`a[href="#${CSS.escape(id)}"]`)) out.push({ id, lacks: 'link' });
    }
    return out;
  }, ids);
  const problems = lacking.map(({ id, lacks }) => (lacks === 'id' ? pdfText.tocWithoutId : lacks === 'element' ? pdfText.tocNoElement(id) : pdfText.tocNoLink(id)));
  if (problems.length > 0) throw new Error(pdfText.tocProblems(url, problems));
  return ids;
}

interface Numbered {
  pdf: Uint8Array;
  pages: number;
  passes: number;
  tocPages: Record<string, number>;
}

/**
 * The page printed with its table of contents holding the pages its targets are printed on. The
 * first print has placeholders where the numbers go (toc-numbers.ts); when the numbers take the
 * same space in the page, they are written over the placeholders in that print. Otherwise (or
 * when the PDF is not drawn as expected) the page is printed again with the numbers filled in,
 * that print checked, and once more if they moved. Without a table of contents, one print.
 */
async function printNumbered(page: Page, url: string, ids: string[], progress: (msg: string) => void): Promise<Numbered> {
  const placeholders = ids.map((_, i) => tocPlaceholder(i));
  await fillTocPages(page, placeholders);
  const first = await printPass(page, ids, 1, progress);
  if (ids.length === 0) return { ...first, passes: 1, tocPages: {} };
  const numbers = ids.map((id) => first.targets[id]!);
  // The numbers written over the placeholders only where each takes its placeholder's space.
  if (await fillTocPages(page, numbers.map(String))) {
    const t0 = performance.now();
    try {
      const pdf = numberToc(first.pdf, placeholders, numbers);
      progress(statusText.tocInPlace(performance.now() - t0));
      return { pdf, pages: first.pages, passes: 1, tocPages: first.targets };
    } catch (e) {
      progress(statusText.tocNotInPlace((e as Error).message));
    }
  } else progress(statusText.tocNotInPlace(pdfSyntax.tocLayout));
  let written = first.targets;
  for (let passes = 2; ; passes++) {
    const again = await printPass(page, ids, passes, progress);
    if (sameNumbers(again.targets, written)) return { pdf: again.pdf, pages: again.pages, passes, tocPages: written };
    if (passes >= MAX_PASSES) {
      const moved = ids.filter((id) => again.targets[id] !== written[id]).map((id) => pdfText.tocMoved(id, written[id]!, again.targets[id]!));
      throw new Error(pdfText.tocMoving(passes, url, moved));
    }
    progress(statusText.tocMoved);
    written = again.targets;
    await fillTocPages(page, ids.map((id) => String(written[id])));
  }
}

/** One tagged print and the pages of the table of contents' targets in it. */
async function printPass(page: Page, ids: string[], pass: number, progress: (msg: string) => void): Promise<{ pdf: Uint8Array; pages: number; targets: Record<string, number> }> {
  progress(statusText.printingPass(pass));
  const t0 = performance.now();
  const pdf = await printOnce(page);
  const t1 = performance.now();
  const { pages, targets } = await tocTargetPages(pdf, ids);
  progress(statusText.passPrinted(pass, pages, t1 - t0, performance.now() - t1));
  return { pdf, pages, targets };
}

/**
 * Writes `texts` (one each, in document order) into the `[data-toc-page]` elements; whether every
 * element kept its size (when the numbers replace the placeholders, whether they can be written
 * into the print made with the placeholders).
 */
async function fillTocPages(page: Page, texts: string[]): Promise<boolean> {
  return page.evaluate((texts: string[]) => {
    const spans = [...document.querySelectorAll<HTMLElement>('[data-toc-page]')];
    const before = spans.map((el) => el.getBoundingClientRect());
    spans.forEach((el, i) => (el.textContent = texts[i] ?? ''));
    return spans.every((el, i) => {
      const r = el.getBoundingClientRect();
      return Math.abs(r.width - before[i]!.width) < 0.01 && Math.abs(r.height - before[i]!.height) < 0.01;
    });
  }, texts);
}

/**
 * The final print checked for refused link actions, then with the page's headings as its
 * bookmarks' titles, its metadata as the document information, and the build date pinned.
 */
async function finishedPdf(page: Page, url: string, pdf: Uint8Array, date: Date | undefined): Promise<Uint8Array> {
  const refusedActions = await refusedLinkActions(pdf);
  if (refusedActions.length > 0) throw new Error(pdfText.refusedActions(url, refusedActions));
  // The page's headings as printed (what Chromium bookmarks) and its metadata.
  // (No named functions inside: tsx would wrap them in a __name helper the page lacks.)
  const { headings, info } = await page.evaluate(() => ({
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => h.getClientRects().length > 0).map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()),
    info: Object.fromEntries([['Title', ''], ['Author', 'author'], ['Subject', 'description'], ['Keywords', 'keywords'], ['Creator', 'generator']].map(([key, name]) => [key, name ? (document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '') : document.title])) as Record<keyof PdfInfo, string>,
  }));
  return reproduciblePdf(rewriteOutline(pdf, headings, info), date);
}
