// Checks of the finished output that run inside the build, before it replaces the site: every
// page against WCAG 2.1 A and AA with axe-core in the Chromium that prints the PDF, and every
// PDF read back (tagged, language, title, outline, an alternative text for every chart).
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';
import type { Indicators } from '../publish/indicators-schema.ts';
import type { PdfInspection } from '../pdf/inspect.ts';
import type { Problem } from '../problems.ts';
import { pdfText } from '../problem-messages.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_PATH = '/.eval-report/axe.min.js';

/**
 * Where the build's static server (serve-static.ts) serves axe-core, beside the site and never
 * in it. Loaded by URL, from the browser's cache after the first page, Chromium compiles it once
 * per browser (its code cache) instead of parsing half a megabyte of inlined script on every page.
 */
export const CHECKER_SCRIPTS: Readonly<Record<string, string>> = { [AXE_PATH]: AXE };

/** WCAG 2.1 A and AA violations axe-core finds on `url`, one line each. */
export async function accessibilityViolations(browser: Browser, url: string): Promise<string[]> {
  const tab = await browser.newPage();
  try {
    await tab.setBypassCSP(true); // only to inject axe itself; the page has no script of its own
    await tab.setViewport({ width: 1200, height: 900 });
    await tab.goto(url, { waitUntil: 'load' });
    // By URL from a server that has it (serve-static.ts), else inlined (a file:// page).
    await tab.addScriptTag(url.startsWith('http') ? { url: new URL(AXE_PATH, url).href } : { path: AXE });
    const result = (await tab.evaluate(
      // @ts-expect-error axe is injected into the page
      () => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
  } finally {
    await tab.close();
  }
}

/** What is wrong with a printed report, read back: pure, so that it can be tested on its own. */
export function pdfProblems(file: string, pdf: PdfInspection, report: Indicators['report'], charts: number): Problem[] {
  const out: Problem[] = [];
  const want = (ok: boolean, expected: string, value?: string) => {
    if (!ok) out.push({ file, expected, ...(value !== undefined ? { value } : {}) });
  };
  want(pdf.pages > 0, pdfText.withPages);
  want(pdf.tagged, pdfText.tagged);
  want(pdf.lang === report.language, pdfText.language(report.language), String(pdf.lang));
  want(pdf.title === report.title, pdfText.title, String(pdf.title));
  want(pdf.outline.length > 0, pdfText.bookmarks);
  want(pdf.figureAlts.length >= charts, pdfText.chartAlts(charts), `${pdf.figureAlts.length}`);
  return out;
}
