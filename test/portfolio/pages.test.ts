// The portfolio's pages across the projects (scripts/portfolio/): each filter page lists exactly
// the reports with its value, the pages do not depend on the order the projects come in (so an
// assembled site equals a single build), titles and units are text and never markup, and 200
// reports read at 390 and 1280 px (no sideways scroll, no text under 12 px). Every number on the
// comparison pages is checked against each project's indicators.json in test/privacy/downloads.test.ts.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildIndicators } from '../../scripts/site/data-step.ts';
import { renderPages } from '../../scripts/site/build-site.ts';
import { projectNameProblem } from '../../scripts/site/projects.ts';
import type { Figure, Indicators } from '../../scripts/publish/indicators-schema.ts';
import { decodeEntities, SiteScan } from '../../scripts/privacy/scan-site.ts';
import { launchBrowser } from '../../scripts/pdf/chromium.ts';
import { serveStatic } from '../../scripts/site/serve-static.ts';
import { addProject, CONFIG, project, removeProject, writeProject } from '../helpers/fixture-project.ts';
import { pagesToCheck, portfolioSite } from '../../scripts/portfolio/site-pages.ts';

const now = new Date('2026-01-01T00:00:00Z');
const HOSTILE = '<img src=x onerror=alert(1)>';

/** The fixture project with its report.yaml's title, commissioner, region, area and period replaced. */
function variant(title: string, commissioner: string, extra: string, period = '{ from: 2020-01-01, to: 2022-06-30 }'): string {
  return CONFIG.replace('title: Testprojekt', `title: "${title}"\n${extra}`).replace('commissioner: Beställaren', `commissioner: "${commissioner}"`).replace('period: { from: 2020-01-01, to: 2022-06-30 }', `period: ${period}`);
}

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const entrySlugs = (html: string) => [...html.matchAll(/<h2><a href="(?:\.\.\/)*([a-z0-9-]+)\/index\.html">/g)].map((m) => m[1]!);

let root: string;
let listed: Indicators[];
let out: string;

before(async () => {
  root = writeProject();
  addProject(root, { ...project(), slug: 'a-norr', config: variant('Alfa', 'Region Norr', 'region: Gävleborg\nprogramme_area: ESF+ 4(h)') });
  addProject(root, { ...project(), slug: 'b-soder', config: variant('Beta', 'Region Norr', 'region: Skåne', '{ from: 2023-03-01, to: 2024-02-28 }') });
  addProject(root, { ...project(), slug: 'c-ost', config: variant(`Gamma ${HOSTILE}`, `Kommun ${HOSTILE}`, `region: "Ort ${HOSTILE}"`) });
  addProject(root, { ...project(), slug: 'd-vast', config: variant('Delta', 'Skane', 'programme_area: ESF+ 4(h)', '{ from: 2019-01-01, to: 2019-12-31 }') });
  listed = await Promise.all(['a-norr', 'b-soder', 'c-ost', 'd-vast'].map((slug) => buildIndicators({ root, slug }, now)));
  out = join(root, 'site');
  await renderPages([], listed, out);
});
after(() => removeProject(root));

describe('the filter pages', () => {
  const facetOf: Record<string, (i: Indicators) => string[]> = {
    commissioner: (i) => [i.report.commissioner],
    region: (i) => (i.report.region ? [i.report.region] : []),
    'programme-area': (i) => (i.report.programme_area ? [i.report.programme_area] : []),
    year: (i) => Array.from({ length: Number(i.report.period.to.slice(0, 4)) - Number(i.report.period.from.slice(0, 4)) + 1 }, (_, k) => String(Number(i.report.period.from.slice(0, 4)) + k)),
  };
  for (const [facet, values] of Object.entries(facetOf))
    it(`${facet}: one page per value, listing exactly the reports with it, and counted so on the index`, () => {
      const dir = join(out, 'portfolio', facet);
      const pages = readdirSync(dir);
      const expected = new Set(listed.flatMap(values));
      assert.equal(pages.length, expected.size, `${[...expected].join(', ')} → ${pages.join(', ')}`);
      const index = readFileSync(join(out, 'index.html'), 'utf8');
      for (const file of pages) {
        const html = readFileSync(join(dir, file), 'utf8');
        const value = decodeEntities(/<span class="facet-name">[^<]*<\/span> ([^<]*)<\/h1>/.exec(html)![1]!);
        assert.ok(expected.has(value), `${file}: ${value}`);
        const want = listed.filter((i) => values(i).includes(value)).map((i) => i.report.slug).sort();
        assert.deepEqual(entrySlugs(html).sort(), want, `${facet} ${value}`);
        assert.ok(index.includes(`href="portfolio/${facet}/${file}">`), `the index links ${file}`);
        assert.match(html, new RegExp(`href="\\.\\./\\.\\./portfolio/${facet}/${file.replace('.', '\\.')}" aria-current="page">`), 'the page is marked current in its navigation');
      }
    });

  it('Skåne and Skane are two values with two pages; goal status and the sorted lists hold every report', () => {
    assert.deepEqual(readdirSync(join(out, 'portfolio', 'region')).sort(), ['gavleborg.html', 'ort-img-src-x-onerror-alert-1.html', 'skane.html']);
    assert.deepEqual(readdirSync(join(out, 'portfolio', 'commissioner')).sort(), ['kommun-img-src-x-onerror-alert-1.html', 'region-norr.html', 'skane.html']);
    const goals = readdirSync(join(out, 'portfolio', 'goals')).flatMap((f) => entrySlugs(readFileSync(join(out, 'portfolio', 'goals', f), 'utf8')));
    assert.deepEqual(goals.sort(), listed.map((i) => i.report.slug).sort(), 'each report under exactly one goal status');
    assert.deepEqual(entrySlugs(readFileSync(join(out, 'index.html'), 'utf8')), ['a-norr', 'b-soder', 'd-vast', 'c-ost'], 'the index by title (Alfa, Beta, Delta, Gamma)');
    assert.deepEqual(entrySlugs(readFileSync(join(out, 'portfolio', 'sort', 'period.html'), 'utf8')), ['b-soder', 'a-norr', 'c-ost', 'd-vast'], 'latest period first');
    assert.equal(entrySlugs(readFileSync(join(out, 'portfolio', 'sort', 'size.html'), 'utf8')).length, 4);
  });
});

it('the search page lists every title and every reported unit, linked to its reports', () => {
  const html = readFileSync(join(out, 'portfolio', 'search', 'titles-and-units.html'), 'utf8');
  for (const i of listed) assert.ok(html.includes(`href="../../${i.report.slug}/index.html"`), i.report.slug);
  const norr = /<span class="term">Norr<\/span>[^\n]*/.exec(html)![0];
  assert.equal([...norr.matchAll(/href=/g)].length, 4, 'the unit Norr links each of the four reports');
});

it('untrusted titles, commissioners and regions are text on every page, never markup', () => {
  for (const f of files(out).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(f, 'utf8');
    assert.ok(!html.includes('<img src=x'), `${relative(out, f)} carries the markup`);
    assert.ok(!/<script/i.test(html), `${relative(out, f)} has a script`);
  }
  assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes('Gamma &lt;img src=x onerror=alert(1)&gt;'));
});

it('does not depend on the order of the projects (an assembled site is the single build)', async () => {
  const again = join(root, 'again');
  await renderPages([], [...listed].reverse(), again);
  const a = files(out).map((f) => relative(out, f)).sort();
  assert.deepEqual(files(again).map((f) => relative(again, f)).sort(), a);
  for (const f of a) assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(again, f))), f);
});

it('gives axe-core the index and one page of every other template, the shortest', () => {
  const pages = pagesToCheck(portfolioSite(twoHundred(listed[0]!)));
  assert.deepEqual(pages.map((p) => p.split('/').slice(0, 2).join('/')), ['index.html', 'portfolio/year', 'portfolio/compare', 'portfolio/compare', 'portfolio/search']);
  assert.ok(pages.includes('portfolio/compare/exit.work_or_studies.html') && pages.includes('portfolio/compare/participants.enrolled.html'), pages.join(', '));
});

it('the personal-data scan reads the pages across the projects: clean, and a planted id is found in them', async () => {
  const scan = (dir: string) => new SiteScan(listed.map((i) => ({ slug: i.report.slug, secrets: { ids: ['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'X9Q7Z3'], freeText: [] }, contentDir: join(root, 'content', i.report.slug), root }))).folder(dir, dir);
  assert.deepEqual(await scan(out), []);
  const planted = join(root, 'planted');
  cpSync(out, planted, { recursive: true });
  const page = join(planted, 'portfolio', 'compare', 'participants.enrolled.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', '<p>X9Q7Z3</p></main>'));
  assert.deepEqual((await scan(planted)).map((p) => p.file), ['portfolio/compare/participants.enrolled.html']);
});

it('refuses a project named as one of the site\'s own folders', () => {
  assert.match(projectNameProblem('portfolio')!.expected, /site's own folders/);
  assert.match(projectNameProblem('assets')!.expected, /site's own folders/);
  assert.equal(projectNameProblem('portfolio-2025'), null);
});

/** 200 reports for rendering: the fixture's indicators under 200 names, sizes and shares (made up here, not a build's). */
function twoHundred(base: Indicators): Indicators[] {
  const regions = ['Gävleborg', 'Uppsala län', 'Kalmar län', 'Västernorrland', 'Skåne', 'Örebro kommun', 'Malmö stad'];
  return Array.from({ length: 200 }, (_, k) => {
    const share = ((k * 37) % 90) / 100 + 0.05;
    const n = 50 + ((k * 131) % 4000);
    const total = { unit: 'total', gender: 'all' } as const;
    const work: Figure = k % 7 === 3
      ? { id: 'exit.work_or_studies', label: 'Till arbete eller studier', ...total, kind: 'share', value: null, numerator: null, denominator: n, ci95: null, suppressed: true, suppression: 'secondary' }
      : { id: 'exit.work_or_studies', label: 'Till arbete eller studier', ...total, kind: 'share', value: share, numerator: Math.round(share * n), denominator: n, ci95: [Math.max(0, share - 0.08), Math.min(1, share + 0.08)], suppressed: false };
    const figures = [...base.figures.filter((f) => !(f.id === 'participants.enrolled' && f.unit === 'total' && f.gender === 'all')), { id: 'participants.enrolled', label: 'Inskrivna', ...total, kind: 'count', value: n, suppressed: false } satisfies Figure, work];
    const year = 2014 + (k % 11);
    return { ...base, figures, report: { ...base.report, slug: `p${String(k + 1).padStart(3, '0')}-projekt`, title: `Portföljprojekt nummer ${k + 1} för arbetsmarknadsinsatser i ${regions[k % 7]}`, commissioner: `Beställare ${k % 13}`, region: regions[k % 7]!, programme_area: `Område ${k % 4}`, period: { from: `${year}-01-01`, to: `${year + (k % 3)}-06-30` } } };
  });
}

describe('200 reports at 390 and 1280 px', () => {
  const pages = ['index.html', 'portfolio/region/skane.html', 'portfolio/compare/exit.work_or_studies.html', 'portfolio/compare/participants.enrolled.html', 'portfolio/search/titles-and-units.html'];
  const measured = new Map<string, { scroll: number; smallest: number; entries: number }>();
  let big: string;
  before(async () => {
    big = join(mkdtempSync(join(tmpdir(), 'portfolio-200-')), 'site');
    const started = performance.now();
    await renderPages([], twoHundred(listed[0]!), big);
    console.log(`# 200 reports: pages across the projects rendered in ${Math.round(performance.now() - started)} ms, ${files(big).filter((f) => f.endsWith('.html')).length} pages`);
    const server = await serveStatic(big);
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage();
      await tab.evaluateOnNewDocument('globalThis.__name = (f) => f;');
      for (const width of [390, 1280]) {
        await tab.setViewport({ width, height: 900 });
        for (const p of pages) {
          await tab.goto(server.url + p, { waitUntil: 'load' });
          await tab.evaluate(() => document.fonts.ready);
          measured.set(`${p}@${width}`, await tab.evaluate(() => {
            let smallest = Infinity;
            for (const e of document.querySelectorAll('body *')) {
              if (e.getClientRects().length === 0 || e.closest('.visually-hidden')) continue;
              if ([...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')) smallest = Math.min(smallest, parseFloat(getComputedStyle(e).fontSize));
            }
            return { scroll: document.documentElement.scrollWidth, smallest, entries: document.querySelectorAll('.report-list > li, tbody tr').length };
          }));
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
  after(() => rmSync(join(big, '..'), { recursive: true, force: true }));

  for (const p of pages)
    for (const width of [390, 1280])
      it(`${p} at ${width} px: no sideways scroll, no text under 12 px`, () => {
        const m = measured.get(`${p}@${width}`)!;
        assert.ok(m.scroll <= width, `${m.scroll} px wide`);
        assert.ok(m.smallest >= 12, `text at ${m.smallest} px`);
        if (p === 'index.html' || p.includes('/compare/')) assert.equal(m.entries, 200);
      });
});
