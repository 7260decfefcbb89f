// Every page of every example as a reader meets it on a phone, a tablet and a desktop (320, 390,
// 768 and 1280 CSS px) in headless Chromium: no sideways scroll of the page, no chart text drawn
// smaller than 12 CSS px, every table column reachable (inside a focusable scroll region with a
// visible cue, the first column kept in view), numbers right-aligned, every table captioned.
// The site is built once and every page measured at every width; screenshots of 390 and 1280 px
// go to .scratch/screens/ for a person to look at.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { buildSite, listProjects } from '../../scripts/site/build-site.ts';
import { launchBrowser } from '../../scripts/pdf/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/site/serve-static.ts';

const root = join(import.meta.dirname, '..', '..');
const slugs = listProjects(root);
const pages = ['index.html', ...slugs.map((s) => `${s}/index.html`)];
const WIDTHS = [320, 390, 768, 1280];
const shots = join(root, '.scratch', 'screens');

interface Measure {
  scrollWidth: number;
  /** The smallest chart text as drawn, in CSS px, and which chart it is in. */
  smallestChartText: { px: number; chart: string } | null;
  visibleCharts: number;
  /** Tables whose columns run past what the reader can reach, and why. */
  unreachable: string[];
  uncaptioned: string[];
  /** Cells holding a number that are not right-aligned. */
  leftNumbers: string[];
}

/** Runs in the page: what the reader can see and reach. */
function measurePage(): Measure {
  const doc = document.documentElement;
  const visible = (e: Element) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  let smallest: { px: number; chart: string } | null = null;
  const charts = [...document.querySelectorAll('svg.chart')].filter(visible) as SVGSVGElement[];
  for (const svg of charts) {
    const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent?.trim()) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (!smallest || px < smallest.px) smallest = { px: Math.round(px * 100) / 100, chart: svg.id || svg.getAttribute('aria-labelledby') || '' };
    }
  }
  const unreachable: string[] = [];
  const uncaptioned: string[] = [];
  const leftNumbers: string[] = [];
  const NUMBER = /^[−\-+]?\d[\d\u00a0\u202f ]*(?:[,.]\d+)?(?:\s?%)?$/;
  for (const table of [...document.querySelectorAll('table')].filter(visible)) {
    const name = table.querySelector('caption')?.textContent?.trim() ?? '';
    if (!name) uncaptioned.push(table.outerHTML.slice(0, 80));
    const label = name.slice(0, 60) || table.className;
    const right = table.getBoundingClientRect().right;
    // The nearest ancestor that clips the table: it must be a scroll region a keyboard can reach.
    let clip: HTMLElement | null = table.parentElement;
    while (clip && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
    if (clip && clip !== document.body && clip !== doc) {
      const scrolls = ['auto', 'scroll'].includes(getComputedStyle(clip).overflowX);
      if (clip.scrollWidth > clip.clientWidth + 1) {
        if (!scrolls) unreachable.push(`${label}: clipped by a box that does not scroll`);
        else if (clip.tabIndex < 0 || !clip.getAttribute('aria-label') && !clip.getAttribute('aria-labelledby')) unreachable.push(`${label}: scrolls, but is not a focusable, named region`);
        else if (getComputedStyle(clip).backgroundImage === "none") unreachable.push(`${label}: scrolls without a visible cue`);
        else {
          const first = table.querySelector('tbody tr > :first-child:not([colspan])');
          if (first && getComputedStyle(first).position !== 'sticky') unreachable.push(`${label}: scrolls, first column not kept in view`);
        }
      }
    } else if (right > doc.clientWidth + 1) unreachable.push(`${label}: ${Math.round(right)} px wide on a ${doc.clientWidth} px page`);
    for (const cell of table.querySelectorAll('tbody td, tfoot td')) {
      const text = (cell.textContent ?? '').trim();
      if (!NUMBER.test(text)) continue;
      const align = getComputedStyle(cell).textAlign;
      if (align !== 'right' && align !== 'end') leftNumbers.push(`${label}: "${text}"`);
    }
  }
  return { scrollWidth: doc.scrollWidth, smallestChartText: smallest, visibleCharts: charts.length, unreachable, uncaptioned, leftNumbers };
}

let out: string;
let browser: Browser;
let server: StaticServer;
let page: Page;
const results = new Map<string, Measure>();

before(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'widths-')), '_site');
  await buildSite({ root, outDir: out, slugs, now: new Date('2024-01-01T00:00:00Z') });
  server = await serveStatic(out);
  browser = await launchBrowser();
  page = await browser.newPage();
  // tsx names functions with a __name helper that the page does not have.
  await page.evaluateOnNewDocument('globalThis.__name = (f) => f;');
  mkdirSync(shots, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewport({ width, height: 800 });
    for (const p of pages) {
      await page.goto(new URL(p, server.url.endsWith("/") ? server.url : `${server.url}/`).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      results.set(`${p}@${width}`, await page.evaluate(measurePage));
      if (process.env.WIDTHS_DEBUG) console.log(p, width, JSON.stringify(results.get(`${p}@${width}`)));
      if (width === 390 || width === 1280) await page.screenshot({ path: join(shots, `${p.replace(/\/index\.html$|\.html$/, '')}-${width}.png`), fullPage: true });
    }
  }
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(join(out, '..'), { recursive: true, force: true });
});

for (const p of pages)
  describe(`${p}`, () => {
    for (const width of WIDTHS)
      it(`at ${width} px: fits the screen, chart text ≥ 12 px, every table reachable, captioned, numbers right-aligned`, () => {
        const m = results.get(`${p}@${width}`)!;
        assert.ok(m.scrollWidth <= width, `the page is ${m.scrollWidth} px wide on a ${width} px screen`);
        if (p !== 'index.html') assert.ok(m.visibleCharts > 0, 'a report shows its charts');
        if (m.smallestChartText) assert.ok(m.smallestChartText.px >= 12, `chart text drawn at ${m.smallestChartText.px} px in ${m.smallestChartText.chart}`);
        assert.deepEqual(m.unreachable, []);
        assert.deepEqual(m.uncaptioned, []);
        assert.deepEqual(m.leftNumbers, []);
      });
  });
