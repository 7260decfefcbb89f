// Checks of the finished output that run inside the build, before it replaces the site: every
// page against WCAG 2.1 A and AA with axe-core in the Chromium that prints the PDF, and every
// PDF read back (tagged, language, title, outline, an alternative text for every chart).
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';
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

/**
 * colour-contrast (1.4.3, text) on the page's text, not inside an SVG image. A chart is one
 * role="img" whose text ARIA hides (its name is its <title> and <desc>); its colours are the
 * palette's, not the input's, and test/render/charts.test.ts holds every one to its contrast.
 * axe cannot decide SVG text anyway (on MIA Vidare all 304 chart texts came back "incomplete",
 * none passed or failed) and spent half the rule's time, about 0.8 s of the page's check, on them.
 */
export const CONTRAST_SCOPE = '*:not(svg[role="img"] *)';

/**
 * Tabs that check pages with axe-core, each reused from page to page: opening and closing a tab
 * costs about as much as checking a small page (about 0.5 s a page with a tab of its own against
 * 0.23 s in a reused one). A tab whose check failed is closed, not reused. Close the pool at the end.
 */
export class AxeTabs {
  readonly #free: Page[] = [];
  constructor(private readonly browser: Browser) {}

  /** WCAG 2.1 A and AA violations axe-core finds on `url`, one line each. */
  async violations(url: string): Promise<string[]> {
    const tab = this.#free.pop() ?? (await this.#open());
    const found = await violationsIn(tab, url).catch(async (err: unknown) => {
      await tab.close().catch(() => undefined);
      throw err;
    });
    this.#free.push(tab);
    return found;
  }

  async close(): Promise<void> {
    await Promise.all(this.#free.splice(0).map((t) => t.close().catch(() => undefined)));
  }

  async #open(): Promise<Page> {
    const tab = await this.browser.newPage();
    await tab.setBypassCSP(true); // only to inject axe itself; the pages have no script of their own
    await tab.setViewport({ width: 1200, height: 900 });
    return tab;
  }
}

/** WCAG 2.1 A and AA violations axe-core finds on `url` in a tab of its own (tests, single pages). */
export async function accessibilityViolations(browser: Browser, url: string): Promise<string[]> {
  const tabs = new AxeTabs(browser);
  try {
    return await tabs.violations(url);
  } finally {
    await tabs.close();
  }
}

async function violationsIn(tab: Page, url: string): Promise<string[]> {
  await tab.goto(url, { waitUntil: 'load' });
  // By URL from a server that has it (serve-static.ts), else inlined (a file:// page).
  await tab.addScriptTag(url.startsWith('http') ? { url: new URL(AXE_PATH, url).href } : { path: AXE });
  const result = (await tab.evaluate(
    (contrastScope: string) => {
      // @ts-expect-error axe is injected into the page
      axe.configure({ rules: [{ id: 'color-contrast', selector: contrastScope }] });
      // Violations only: axe-core builds a selector for every node of every result type, and the
      // passes of a long report are thousands of nodes (MIA Vidare's page: 1.8 -> 1.4 s).
      // @ts-expect-error axe is injected into the page
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    },
    CONTRAST_SCOPE,
  )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
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
