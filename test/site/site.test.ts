// The built site and PDF as a reader meets them: pages in headless Chromium with axe-core, the
// PDF read back with pdfjs-dist, every number on the page traced to indicators.json.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { buildSite, listProjects } from '../../scripts/site/build-site.ts';
import { loadConfig } from '../../scripts/config/load.ts';
import { formatPercent } from '../../scripts/format.ts';
import type { Indicators } from '../../scripts/publish/indicators-schema.ts';
import { launchBrowser } from '../../scripts/pdf/chromium.ts';
import { inspectPdf, normaliseText, type PdfInspection } from '../../scripts/pdf/inspect.ts';
import { formatFigure } from '../../scripts/format.ts';
import { serveStatic, type StaticServer } from '../../scripts/site/serve-static.ts';

const root = join(import.meta.dirname, '..', '..');
const slugs = listProjects(root);
const shots = join(root, '.scratch', 'screens');
let out: string;
let browser: Browser;
let server: StaticServer;
const reports = new Map<string, { html: string; ind: Indicators; pdf: PdfInspection }>();

before(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'site-')), '_site');
  await buildSite({ root, outDir: out, slugs, now: new Date('2024-01-01T00:00:00Z') });
  for (const slug of slugs) {
    reports.set(slug, {
      html: readFileSync(join(out, slug, 'index.html'), 'utf8'),
      ind: JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8')) as Indicators,
      pdf: await inspectPdf(join(out, slug, `${slug}.pdf`)),
    });
  }
  server = await serveStatic(out);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(join(out, '..'), { recursive: true, force: true });
});

/** Visible text of an HTML fragment, entities decoded, tags dropped. */
const textOf = (s: string) => s.replace(/<(script|style|svg)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, '\u00a0').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

for (const slug of slugs) {
describe(`${slug}: the web page`, () => {
  let html: string;
  let ind: Indicators;
  const config = loadConfig(join(root, 'content', slug, 'report.yaml'));
  before(() => ({ html, ind } = reports.get(slug)!));

  it('forbids script by Content-Security-Policy and has no script at all', () => {
    for (const page of [html, readFileSync(join(out, 'index.html'), 'utf8')]) {
      assert.match(page, /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'none'/);
      assert.ok(!/<script/i.test(page));
      assert.ok(!/\son[a-z]+=/i.test(page.replace(/<svg[\s\S]*?<\/svg>/g, '')), 'no inline event handlers');
    }
  });

  it('is Swedish, with the sections of the configuration in order, each with its criterion', () => {
    assert.match(html, /<html lang="sv">/);
    const sectionIds = [...html.matchAll(/<section class="section[^"]*" aria-labelledby="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(sectionIds.length, config.sections.length + 3, 'narrative sections plus the data-quality, about and ESF+ appendices');
    assert.equal(sectionIds.at(-1), 'bilaga-esf', 'the ESF+ indicators last');
    const criteria = config.sections.filter((s) => s.criterion).length;
    assert.equal([...html.matchAll(/<p class="criterion">/g)].length, criteria);
  });

  it('places every configured chart once, as an SVG with role="img", a title, a data table and a CSV', () => {
    for (const chart of config.charts) {
      const fig = new RegExp(`<div class="chart" id="figur-${chart.id}"[\\s\\S]*?<p class="chart-download">`).exec(html);
      assert.ok(fig, `chart ${chart.id} is on the page`);
      assert.match(fig[0], /<svg[^>]*role="img"/);
      assert.match(fig[0], /<title id="chart-[^"]+-title">[^<]+<\/title>/);
      assert.match(fig[0], /<details class="chart-data">[\s\S]*<table>/);
      assert.ok(existsSync(join(out, slug, 'data', `chart-${chart.id}.csv`)));
    }
  });

  it('shows the goals table with every goal, including the one not measured', () => {
    const table = /<table class="goals">[\s\S]*?<\/table>/.exec(html)![0];
    for (const g of ind.goals) assert.ok(textOf(table).includes(g.label), g.label);
    assert.match(textOf(table), /inte mätt/);
  });

  it('traces every percentage on the page to a computed figure, its interval or a goal target', () => {
    const allowed = new Set<string>();
    const pct = (x: number) => normaliseText(formatPercent(x, 'sv'));
    for (const f of ind.figures) {
      if (f.value !== null) allowed.add(normaliseText(formatFigure(f, 'sv')));
      if (f.kind === 'coefficient' && f.value !== null) allowed.add(pct(f.value)); // e.g. a model's R² cited as a percentage
      for (const b of f.ci95 ?? []) allowed.add(pct(b));
    }
    for (const g of ind.goals) for (const v of [g.target?.value, g.target?.min, g.target?.max]) if (v !== undefined) allowed.add(pct(v));
    const body = normaliseText(textOf(html.split('<main id="main">')[1]!));
    const found = [...body.matchAll(/−?\d[\d ]*(?:,\d+)? %/g)].map((m) => m[0]);
    assert.ok(found.length > 20, `the page shows percentages (${found.length})`);
    const untraced = found.filter((p) => !allowed.has(p) && p !== '95 %');
    assert.deepEqual(untraced, [], 'every percentage traces to indicators.json');
  });

  it('is listed on the site index with its period and goal status', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    assert.ok(index.includes(`href="${slug}/index.html"`));
    assert.ok(textOf(index).includes(ind.report.period.from));
    assert.match(textOf(index), /\d+ av \d+ mätta mål uppnådda/);
    // An example's made-up data (the SYNTHETIC marker of its data folder) are said on the index too.
    const synthetic = existsSync(join(root, 'data', slug, 'SYNTHETIC'));
    assert.equal(ind.report.synthetic === true, synthetic, 'report.synthetic in indicators.json as the data folder says');
    const entry = index.split('<li').find((li) => li.includes(`href="${slug}/index.html"`))!;
    assert.equal(entry.includes('class="synthetic"'), synthetic, 'the index entry marks a synthetic example');
  });

  for (const page of [...(slug === slugs[0] ? ['index.html'] : []), `${slug}/index.html`]) {
    it(`has no axe-core violations (WCAG 2.1 A and AA): ${page}`, async () => {
      const tab = await browser.newPage();
      try {
        await tab.setBypassCSP(true); // only to inject axe itself; the page has no script of its own
        await tab.setViewport({ width: 1200, height: 900 });
        await tab.goto(server.url + page, { waitUntil: 'load' });
        await tab.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
        const result = (await tab.evaluate(() =>
          // @ts-expect-error axe is injected into the page
          axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
        )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
        const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
        assert.deepEqual(summary, []);
        await tab.screenshot({ path: join(shots, `${page.replace(/\W+/g, '-')}.png`) });
      } finally {
        await tab.close();
      }
    });
  }
});

describe(`${slug}: the PDF`, () => {
  let html: string;
  let ind: Indicators;
  let pdf: PdfInspection;
  const config = loadConfig(join(root, 'content', slug, 'report.yaml'));
  before(() => ({ html, ind, pdf } = reports.get(slug)!));

  it('is tagged, in Swedish, titled, and has pages', () => {
    assert.equal(pdf.tagged, true);
    assert.equal(pdf.lang, 'sv');
    assert.equal(pdf.title, ind.report.title);
    assert.ok(pdf.pages >= 10, `${pdf.pages} pages`);
  });

  it('has an outline entry for every section', () => {
    const titles = JSON.stringify(pdf.outline);
    for (const s of [...html.matchAll(/<section class="section[^"]*" aria-labelledby="([^"]+)">\s*<h2 id="\1">([^<]+)<\/h2>/g)]) {
      assert.ok(titles.includes(JSON.stringify(textOf(s[2]!).trim()).slice(1, -1)), `outline has ${s[2]}`);
    }
  });

  it('prints a table of contents whose page numbers are the pages the headings are on', () => {
    const entries = [...html.matchAll(/<a href="#([^"]+)"><span class="toc-title">([^<]+)<\/span>/g)];
    assert.ok(entries.length >= config.sections.length);
    const tocText = normaliseText(pdf.pageTexts.slice(0, 4).join('\n'));
    for (const [, id, title] of entries) {
      const page = pdf.destinations[id!];
      assert.ok(page, `destination for ${id}`);
      assert.ok(tocText.includes(`${normaliseText(textOf(title!))} ${page}`) || tocText.includes(`${normaliseText(textOf(title!))}${page}`), `TOC shows ${title} on page ${page}`);
    }
  });

  it('numbers its pages "Sida X av Y" after the title page', () => {
    const n = pdf.pages;
    assert.ok(normaliseText(pdf.pageTexts[1]!).includes(`Sida 2 av ${n}`));
    assert.ok(normaliseText(pdf.pageTexts[n - 1]!).includes(`Sida ${n} av ${n}`));
    assert.ok(!normaliseText(pdf.pageTexts[0]!).includes('Sida 1 av'));
  });

  it('gives every chart its alt text', () => {
    for (const chart of config.charts) assert.ok(pdf.figureAlts.some((a) => a.includes(chart.title)), `alt text for ${chart.id}`);
  });

  it('contains the computed figures in Swedish format: every goal result and the enrolled count', () => {
    const text = normaliseText(pdf.pageTexts.join('\n'));
    const cells = ind.goals.flatMap((g) => g.results.map((r) => [g.figure!, r.unit] as const));
    for (const [id, unit] of [...cells, ['participants.enrolled', 'total'] as const]) {
      const f = ind.figures.find((x) => x.id === id && x.unit === unit && x.gender === 'all' && x.category === undefined)!;
      assert.ok(text.includes(normaliseText(formatFigure(f, 'sv'))), `${id} ${unit}: ${formatFigure(f, 'sv')}`);
    }
  });

  it('prints every figure table with its caption; a table that runs on repeats its header row', () => {
    config.figure_tables.forEach((t, i) => {
      const pages = pdf.pageTexts.map(normaliseText);
      const at = pages.findIndex((p) => p.includes(`Tabell ${i + 1}.`));
      assert.ok(at >= 0, `caption of table ${t.id}`);
      const units = t.units ?? [...config.units.items.filter((u) => u.reported).map((u) => u.name), 'total'];
      const word = (u: string) => normaliseText(u === 'total' ? 'Totalt' : u).split(' ')[0]!;
      assert.ok(pages[at]!.includes(word(config.units.level)), `table ${t.id}: its header on the page of its caption`);
      assert.ok(pages[at]!.includes(word(units[0]!)), `table ${t.id}: its first row on the page of its caption`);
      // Rows in order, each on the caption's page or the next; a page the table runs on to repeats the header.
      for (const u of units) {
        const on = [at, at + 1].find((k) => pages[k]?.includes(word(u)));
        assert.ok(on !== undefined, `table ${t.id}: "${u}" on page ${at + 1} or ${at + 2}`);
        if (on !== at) assert.ok(pages[on]!.includes(word(config.units.level)), `table ${t.id}: header repeated on page ${on + 1}`);
      }
    });
  });

  it('renders pages to PNG for a person to look at', () => {
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '6', join(out, slug, `${slug}.pdf`), join(shots, `${slug}-pdf`)]);
    assert.ok(existsSync(join(shots, `${slug}-pdf-01.png`)) || existsSync(join(shots, `${slug}-pdf-1.png`)));
  });
});
}
