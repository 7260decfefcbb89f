// The PDF as a person (and a screen reader) gets it: prints the fixture report with the
// system Chromium and reads the PDF back with pdfjs-dist and poppler's pdfinfo / pdftoppm.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { findChromium, launchBrowser } from '../../scripts/pdf/chromium.ts';
import { printPdf, type PrintResult } from '../../scripts/pdf/print.ts';
import { inspectPdf, inspectPrinted, normaliseText, type OutlineEntry, type PdfInspection } from '../../scripts/pdf/inspect.ts';
import { lightDestinations, lightInspect, lightLinks } from '../../scripts/pdf/light.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test', 'fixtures', 'pdf');
const out = join(root, '.scratch', 'pdf');
const reportHtml = readFileSync(join(fixtures, 'report.html'), 'utf8');
const pdfFile = join(out, 'report.pdf');

/** Text without tags and entities the fixture uses, whitespace collapsed. */
function plain(html: string): string {
  return normaliseText(html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ')).replace(/\s+/g, ' ').trim();
}
const noSpace = (s: string): string => normaliseText(s).replace(/\s+/g, '');

/** The fixture's h1/h2 headings with their ids, in order. */
const headings = [...reportHtml.matchAll(/<h([12]) id="([^"]+)">([\s\S]*?)<\/h\1>/g)].map((m) => ({
  level: Number(m[1]),
  id: m[2]!,
  text: plain(m[3]!),
}));
/** The table of contents: [id, title]. */
const tocEntries = [...reportHtml.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => ({
  id: m[1]!,
  title: plain(m[2]!),
}));

const tableHeader = 'Kommun Antal deltagare Andel i arbete eller studier Skillnad mot jämförelsegrupp';
const tableRows = [...reportHtml.matchAll(/<tr><th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]!);
/** A line that is the table row of a municipality: its name, then numbers. */
const isTableRow = (name: string) => (line: string) =>
  line.startsWith(`${name} `) && /^[\d ,%-]+$/.test(line.slice(name.length));

/** Lines of each page, normalised, whitespace collapsed. */
function pageLines(pdf: PdfInspection): string[][] {
  return pdf.pageTexts.map((t) =>
    normaliseText(t)
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter((l) => l !== ''),
  );
}

/** 1-based pages on which some line satisfies `match`. */
function pagesWhere(lines: string[][], match: (line: string) => boolean): number[] {
  return lines.flatMap((ls, i) => (ls.some(match) ? [i + 1] : []));
}

function flatten(entries: OutlineEntry[]): OutlineEntry[] {
  return entries.flatMap((e) => [e, ...flatten(e.children)]);
}

function pdfinfoPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  assert.ok(m, `pdfinfo printed no page count:\n${info}`);
  return Number(m[1]);
}

describe('findChromium', () => {
  test('CHROMIUM_PATH comes first, then PUPPETEER_EXECUTABLE_PATH', () => {
    // Any executable file will do to test the order: node itself.
    assert.equal(findChromium({ CHROMIUM_PATH: process.execPath }, []), process.execPath);
    assert.equal(
      findChromium({ CHROMIUM_PATH: process.execPath, PUPPETEER_EXECUTABLE_PATH: '/nope' }, []),
      process.execPath,
    );
    assert.equal(findChromium({ PUPPETEER_EXECUTABLE_PATH: process.execPath }, []), process.execPath);
    assert.equal(findChromium({}, ['/nope/chromium', process.execPath]), process.execPath);
  });

  test('a bad CHROMIUM_PATH is an error that says how to install one', () => {
    assert.throws(
      () => findChromium({ CHROMIUM_PATH: '/nope/chromium' }, [process.execPath]),
      (err: Error) =>
        err.message.includes('CHROMIUM_PATH is set to "/nope/chromium"') &&
        err.message.includes('apt-get install -y chromium') &&
        err.message.includes('CHROMIUM_PATH=/path/to/chromium'),
    );
  });

  test('no browser anywhere: the error names the places looked at and how to install one', () => {
    assert.throws(
      () => findChromium({}, ['/nope/chromium']),
      (err: Error) =>
        /No Chromium found/.test(err.message) &&
        err.message.includes('/nope/chromium') &&
        err.message.includes('apt-get install -y chromium'),
    );
  });
});

describe('printed report PDF', () => {
  let browser: Browser;
  let profileDir = '';
  let printed: PrintResult;
  let pdf: PdfInspection;
  let lines: string[][];
  /** Pages from the table's first row to its last. */
  let tablePages: number[];
  const progress: string[] = [];

  before(async () => {
    mkdirSync(out, { recursive: true });
    rmSync(pdfFile, { force: true });
    browser = await launchBrowser();
    profileDir = browser.process()?.spawnargs.find((a) => a.startsWith('--user-data-dir='))?.slice(16) ?? '';
    printed = await printPdf(browser, {
      url: pathToFileURL(join(fixtures, 'report.html')).href,
      pdfFile,
      onProgress: (msg) => progress.push(msg),
    });
    pdf = await inspectPdf(pdfFile);
    lines = pageLines(pdf);
    const first = pagesWhere(lines, isTableRow(tableRows[0]!))[0] ?? 0;
    const last = pagesWhere(lines, isTableRow(tableRows.at(-1)!)).at(-1) ?? 0;
    tablePages = first > 0 ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [];
  });

  after(async () => {
    await browser?.close();
    // launchBrowser's temporary profile is gone once the browser is closed.
    assert.ok(profileDir.includes('eval-report-chromium-'), profileDir);
    assert.equal(existsSync(profileDir), false, `${profileDir} left behind`);
  });

  test('reports progress and numbers the table of contents in its one print', () => {
    assert.ok(progress.includes('printing pass 1…'), progress.join('\n'));
    assert.ok(progress.some((m) => m.startsWith('table of contents numbered in place')), progress.join('\n'));
    assert.ok(progress.some((m) => m.startsWith(`${printed.pages} pages`)), progress.join('\n'));
    assert.equal(printed.passes, 1);
    assert.ok(printed.ms > 0);
  });

  test('page count agrees between printPdf, pdfjs and pdfinfo, and is 6–8 A4 pages', () => {
    assert.equal(pdf.pages, printed.pages);
    assert.equal(pdfinfoPages(pdfFile), pdf.pages);
    assert.ok(pdf.pages >= 6 && pdf.pages <= 8, `${pdf.pages} pages`);
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    assert.match(info, /^Page size:.*\(A4\)/m);
  });

  test('the build’s read-back (light reader and pdftotext) finds what pdfjs finds', async () => {
    const light = lightInspect(readFileSync(pdfFile));
    assert.ok(light, 'the light reader reads a PDF Chromium printed');
    const fast = await inspectPrinted(pdfFile);
    for (const r of [light, fast]) {
      assert.equal(r.pages, pdf.pages);
      assert.deepEqual([r.title, r.lang, r.tagged], [pdf.title, pdf.lang, pdf.tagged]);
      assert.deepEqual(r.destinations, pdf.destinations);
      assert.deepEqual(r.figureAlts, pdf.figureAlts);
      assert.deepEqual(r.outline.map((o) => [o.title, o.page]), pdf.outline.map((o) => [o.title, o.page]));
    }
    // pdftotext and pdfjs order and break lines differently; every page has the same words.
    const words = (t: string) => normaliseText(t).split(/\s+/).filter(Boolean).sort();
    assert.deepEqual(fast.pageTexts.map(words), pdf.pageTexts.map(words));
    // The readings between prints (pages and destinations; link actions) agree with the whole one.
    assert.deepEqual(lightDestinations(readFileSync(pdfFile)), { pages: light.pages, destinations: light.destinations });
    assert.deepEqual(lightLinks(readFileSync(pdfFile)), light.uris);
    const other = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');
    for (const read of [lightInspect, lightDestinations, lightLinks]) assert.equal(read(other), undefined, 'anything else is left to pdfjs');
    // An incremental update (a second xref section with /Prev) that replaces the title: the newest object wins.
    const bytes = readFileSync(pdfFile);
    const text = bytes.toString('latin1');
    const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
    const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(prev))![1]!;
    const info = Number(/\/Info (\d+) 0 R/.exec(trailer)![1]);
    const obj = `${info} 0 obj\n<</Title (Updated)>>\nendobj\n`;
    const xref = bytes.length + obj.length;
    const update = `${obj}xref\n${info} 1\n${String(bytes.length).padStart(10, '0')} 00000 n \ntrailer\n<<${trailer.replace(/\/Prev \d+/, '')}/Prev ${prev}>>\nstartxref\n${xref}\n%%EOF\n`;
    const updated = lightInspect(Buffer.concat([bytes, Buffer.from(update, 'latin1')]));
    assert.deepEqual([updated?.title, updated?.pages, updated?.destinations], ['Updated', pdf.pages, pdf.destinations]);
  });

  test('is tagged, in Swedish, with the title of the page', () => {
    assert.equal(pdf.tagged, true);
    assert.equal(pdf.lang, 'sv');
    const title = plain(/<title>([^<]+)<\/title>/.exec(reportHtml)![1]!);
    assert.equal(normaliseText(pdf.title ?? ''), title);
  });

  test('has a bookmark for every h1/h2, pointing at the heading’s page', () => {
    const outline = flatten(pdf.outline);
    assert.ok(headings.length >= 6);
    for (const h of headings) {
      // Chromium drops the space where a heading wraps onto a new line in the bookmark title
      // ("…insatser2023–2025"), so titles are compared without whitespace.
      const entry = outline.find((e) => noSpace(e.title) === noSpace(h.text));
      assert.ok(entry, `no bookmark for ${h.text}: ${outline.map((e) => e.title).join(' | ')}`);
      if (pdf.destinations[h.id] !== undefined) assert.equal(entry.page, pdf.destinations[h.id], h.text);
    }
    // h1 at the top, the h2 sections under it.
    assert.equal(pdf.outline.length, 1);
    assert.ok(pdf.outline[0]!.children.length >= 5);
  });

  test('every table-of-contents number is the page its heading is on', () => {
    assert.equal(tocEntries.length, 5);
    const tocPage = 1;
    for (const { id, title } of tocEntries) {
      const written = printed.tocPages[id];
      // The number printed on the contents page, after the entry's title.
      const tocLine = lines[tocPage - 1]!.find((l) => l.startsWith(title + ' '));
      assert.ok(tocLine, `no contents line for ${title} on page ${tocPage}`);
      const shown = Number(tocLine.slice(title.length).trim());
      // The page of the heading: by its named destination, and by where its text is a line.
      const byDestination = pdf.destinations[id];
      const byText = pagesWhere(lines, (l) => l === title).filter((p) => p !== tocPage);
      assert.deepEqual(byText.length, 1, `${title} is a line on pages ${byText.join(', ')}`);
      assert.equal(shown, byDestination, `${title}: contents says ${shown}, destination ${byDestination}`);
      assert.equal(shown, byText[0], `${title}: contents says ${shown}, heading is on ${byText[0]}`);
      assert.equal(written, shown);
    }
    // The sections are spread out, so the test means something.
    assert.ok(new Set(Object.values(printed.tocPages)).size >= 4, JSON.stringify(printed.tocPages));
  });

  test('every page says "Sida k av N"', () => {
    const n = pdf.pages;
    lines.forEach((ls, i) => {
      const numbers = ls.join('\n').match(/Sida \d+ av \d+/g) ?? [];
      assert.deepEqual(numbers, [`Sida ${i + 1} av ${n}`], `page ${i + 1}`);
    });
  });

  test('the chart’s title and description are the alt text of a Figure in the tag tree', () => {
    const title = plain(/<title id="chart-title">([^<]+)<\/title>/.exec(reportHtml)![1]!);
    const desc = plain(/<desc id="chart-desc">([^<]+)<\/desc>/.exec(reportHtml)![1]!);
    assert.deepEqual(pdf.figureAlts.map(normaliseText), [`${title} ${desc}`]);
  });

  test('the table header row repeats on every page the table spans', () => {
    assert.ok(tablePages.length >= 2, `the table should span pages, it is on ${tablePages.join(', ')}`);
    for (const p of tablePages) {
      assert.ok(lines[p - 1]!.includes(tableHeader), `no header row on page ${p}`);
    }
    // Every row is printed exactly once (repeated headers, not repeated rows).
    for (const name of tableRows) assert.equal(pagesWhere(lines, isTableRow(name)).length, 1, name);
    assert.ok(lines.flat().some((l) => l.includes('-3,7 %')), 'minus sign normalised');
  });

  test('the figure is not split across pages', () => {
    const parts = ['Figur 1.', 'Arbete 38,4 %', 'Arbetssökande 29,7 %', 'Övrigt 11,6 %', 'Källa: projektets deltagarregister'];
    const pages = parts.map((part) => pagesWhere(lines, (l) => l.includes(part)));
    for (const [i, ps] of pages.entries()) assert.equal(ps.length, 1, `${parts[i]} on pages ${ps.join(', ')}`);
    assert.equal(new Set(pages.flat()).size, 1, `figure parts on pages ${pages.flat().join(', ')}`);
  });

  test('pages render to PNG (page 1 and a table page) for a person to look at', () => {
    // The last table page: its header row is a repeated one.
    for (const page of [1, tablePages.at(-1)!]) {
      const prefix = join(out, `report-page${page}`);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', String(page), '-l', String(page), pdfFile, prefix]);
      assert.ok(existsSync(`${prefix}.png`));
    }
  });

  test('fonts are embedded TrueType, no Type 3 (synthesised bold) fonts', () => {
    const fonts = execFileSync('pdffonts', [pdfFile], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.length >= 2, fonts.join('\n'));
    for (const f of fonts) {
      assert.match(f, /SourceSans3-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/, f);
    }
  });

  test('table-of-contents numbers that take other space than their placeholders are printed again, and a third time when they move', async () => {
    const progress: string[] = [];
    const result = await printPdf(browser, {
      url: pathToFileURL(join(fixtures, 'shifting-toc.html')).href,
      pdfFile: join(out, 'shifting-toc.pdf'),
      onProgress: (msg) => progress.push(msg),
    });
    assert.ok(progress.includes('table of contents printed again: the page numbers take other space on the page than their placeholders'), progress.join('\n'));
    assert.equal(result.passes, 3);
    const check = await inspectPdf(join(out, 'shifting-toc.pdf'));
    assert.equal(result.tocPages['ett'], check.destinations['ett']);
    assert.equal(result.tocPages['ett'], 2);
    assert.ok(pageLines(check)[0]!.includes('2'), JSON.stringify(pageLines(check)[0]));
  });

  test('a number with a digit the placeholders never drew is printed again, not drawn with a guessed glyph', async () => {
    const progress: string[] = [];
    const file = join(out, 'short-toc.pdf');
    const result = await printPdf(browser, { url: pathToFileURL(join(fixtures, 'short-toc.html')).href, pdfFile: file, onProgress: (msg) => progress.push(msg) });
    assert.ok(progress.includes('table of contents printed again: the digit 4 is not among the placeholders\' glyphs'), progress.join('\n'));
    assert.equal(result.passes, 2);
    assert.deepEqual(result.tocPages, { fyra: 4 });
    assert.ok(pageLines(await inspectPdf(file))[0]!.some((l) => /Fyra\s*4$/.test(l)), 'the contents line shows 4');
  });

  test('a contents entry without its heading is a clear error', async () => {
    await assert.rejects(
      printPdf(browser, {
        url: pathToFileURL(join(fixtures, 'broken-toc.html')).href,
        pdfFile: join(out, 'broken-toc.pdf'),
      }),
      /no element has id "finns-inte"/,
    );
  });
});
