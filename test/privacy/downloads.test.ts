// The publication gate, read as an attacker reads it: every file a reader can download — each
// figure CSV, each chart CSV, the ESF file, the portfolio's CSV and JSON, every page across the projects (the
// comparisons, the filter and sorted lists, the search page) — is parsed back, and every number in it must be the
// number indicators.json publishes for the same cell, and nothing where indicators.json hides
// the cell. An output that computed or rounded a count of its own, or re-published a hidden
// one, fails here. (test/engine/disclosure.test.ts then attacks indicators.json itself.)
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite } from '../../scripts/site/build-site.ts';
import type { Figure, Indicators } from '../../scripts/publish/indicators-schema.ts';
import { ESF_COLUMNS, ESF_INDICATORS } from '../../scripts/engine/esf.ts';
import { readDownloadRows } from '../helpers/read-download.ts';
import { formatFigure, formatInterval, formatNumber, hiddenMark, MARKS } from '../../scripts/format.ts';
import { decodeEntities } from '../../scripts/privacy/scan-site.ts';

const repo = join(import.meta.dirname, '..', '..');
const out = join(mkdtempSync(join(tmpdir(), 'downloads-')), '_site');
const SLUGS = ['mia-vidare', 'samverkan-leder-till-arbete', 'uppsala-upphandlade-insatser', 'nya-vagar-till-arbete'];

before(async () => buildSite({ root: repo, outDir: out, slugs: SLUGS, now: new Date('2024-01-01T00:00:00Z'), pdf: false }));
after(() => rmSync(join(out, '..'), { recursive: true, force: true }));

/** A CSV download as header and rows. */
function readCsv(file: string): { head: string[]; rows: string[][] } {
  const rows = readDownloadRows(file);
  return { head: rows[0]!, rows: rows.slice(1) };
}

const number = (s: string) => (s === '' ? null : Number(s.replace(',', '.')));
type Part = 'value' | 'numerator' | 'denominator' | 'n' | 'lo' | 'hi';
const PARTS: Record<string, Part> = {
  Värde: 'value', Andel: 'value', Value: 'value', Share: 'value',
  Täljare: 'numerator', Antal: 'numerator', Numerator: 'numerator', Count: 'numerator', Number: 'numerator',
  Nämnare: 'denominator', 'Underlag (antal personer)': 'denominator', Denominator: 'denominator', 'Base (persons)': 'denominator',
  'Antal personer': 'n', Persons: 'n',
  'KI 95 % nedre': 'lo', 'KI 95 % övre': 'hi', 'CI 95 % low': 'lo', 'CI 95 % high': 'hi',
};
function published(f: Figure, part: Part): number | null {
  switch (part) {
    case 'value': return f.value;
    case 'numerator': return f.numerator ?? null;
    case 'denominator': return f.kind === 'mean' ? (f.n ?? null) : (f.denominator ?? null);
    case 'n': return f.n ?? null;
    case 'lo': return f.ci95?.[0] ?? null;
    case 'hi': return f.ci95?.[1] ?? null;
  }
}

describe('every download reads the protected registry', () => {
  for (const slug of SLUGS) {
    it(`${slug}: every number of every CSV is the number indicators.json publishes for that cell`, () => {
      const ind = JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8')) as Indicators;
      const level = ind.report.unit_level;
      const unitOf = new Map<string, string>([['Totalt', 'total'], ['Total', 'total'], ...ind.report.units.map((u) => [u.name, u.name] as [string, string])]);
      const dir = join(out, slug, 'data');
      let checked = 0;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
        const { head, rows } = readCsv(join(dir, file));
        const col = (...names: string[]) => head.findIndex((h) => names.includes(h));
        const [idCol, unitCol, genderCol, codeCol, catCol] = [col('Mått', 'Figure', 'id'), col('Enhet', 'Unit', level), col('Kön', 'Gender'), col('Kod', 'Code'), col('Kategori', 'Category')];
        const figureCsv = head[0] === 'Mått' || head[0] === 'Figure';
        for (const row of rows) {
          const id = row[idCol]!;
          const unit = unitOf.get(row[unitCol] ?? '') ?? row[unitCol];
          const gender = genderCol >= 0 ? row[genderCol] : 'all';
          const candidates = ind.figures.filter((f) => f.id === id && f.unit === unit && f.gender === gender);
          const f = candidates.length <= 1 ? candidates[0] : candidates.find((x) => (codeCol >= 0 ? x.category === row[codeCol] : (x.category_label ?? x.category) === row[catCol]));
          if (!f) {
            if (figureCsv) assert.fail(`${file}: a row for ${id} ${unit} ${gender} that indicators.json does not have`);
            continue; // goals, models and other rows that are not figure cells
          }
          head.forEach((h, i) => {
            const part = PARTS[h];
            if (!part || (h === 'Antal' && f.kind === 'count')) return;
            const shown = number(row[i]!);
            if (shown === null) return;
            const truth = published(f, part === 'numerator' && f.kind === 'count' ? 'value' : part);
            assert.notEqual(truth, null, `${file}: ${id} ${unit} ${gender} ${f.category ?? ''} shows ${h} = ${shown}, which indicators.json hides`);
            assert.ok(Math.abs(shown - truth!) < 1e-6, `${file}: ${id} ${unit} ${gender} ${h} = ${shown}, indicators.json ${truth}`);
            checked++;
          });
        }
      }
      assert.ok(checked > 100, `only ${checked} numbers checked`);
    });

    it(`${slug}: the ESF file shows exactly the registry's counts, marks where it hides them, empty where the data lack them`, () => {
      const ind = JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8')) as Indicators;
      const { rows } = readCsv(join(out, slug, 'esf-indicators.csv'));
      assert.equal(rows.length, ESF_INDICATORS.length);
      let checked = 0;
      for (const [i, indicator] of ESF_INDICATORS.entries()) {
        const cells = rows[i]!.slice(3, 7);
        const fs = ESF_COLUMNS.map((g) => ind.figures.find((f) => f.id === indicator.figure && f.unit === 'total' && f.gender === g && f.category === indicator.category));
        if (fs.every((f) => f === undefined)) {
          assert.deepEqual(cells, ['', '', '', ''], `${indicator.code ?? indicator.key}: no figure, no number`);
          continue;
        }
        fs.forEach((f, j) => {
          const v = f === undefined ? 0 : indicator.count ? f.value : (f.numerator ?? null);
          assert.equal(cells[j], v === null ? (f!.suppression === 'secondary' ? '×' : '..') : String(v), `${indicator.code ?? indicator.key} ${ESF_COLUMNS[j]}`);
          checked++;
        });
      }
      assert.ok(checked >= 4 * 8, `${checked} ESF cells checked`);
    });
  }

  it('portfolio.csv and portfolio.json: every number is the one its project publishes for that cell, nothing where the project hides it', () => {
    const indicators = new Map(SLUGS.map((slug) => [slug, JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8')) as Indicators]));
    const cell = (slug: string, id: string, gender: string) => {
      const f = indicators.get(slug)!.figures.find((x) => x.id === id && x.unit === 'total' && x.gender === gender && x.category === undefined);
      assert.ok(f, `portfolio: ${slug} ${id} ${gender}, a cell its indicators.json does not have`);
      return f;
    };
    const { head, rows } = readCsv(join(out, 'portfolio.csv'));
    const [slugCol, idCol, genderCol] = ['Projekt', 'Mått', 'Kön'].map((h) => head.indexOf(h));
    let checked = 0;
    for (const row of rows) {
      const f = cell(row[slugCol!]!, row[idCol!]!, row[genderCol!]!);
      head.forEach((h, i) => {
        const part = PARTS[h];
        const shown = part ? number(row[i]!) : null;
        if (shown === null) return;
        const truth = published(f, part!);
        assert.notEqual(truth, null, `portfolio.csv: ${f.id} ${f.gender} shows ${h} = ${shown}, which its project hides`);
        assert.ok(Math.abs(shown - truth!) < 1e-6, `portfolio.csv: ${f.id} ${f.gender} ${h} = ${shown}, indicators.json ${truth}`);
        checked++;
      });
    }
    assert.ok(checked > 50, `only ${checked} numbers checked`);
    // The JSON: every number under a figure is its project's published number for the same part.
    const json = JSON.parse(readFileSync(join(out, 'portfolio.json'), 'utf8')) as { projects: { slug: string; figures: Record<string, unknown>[] }[] };
    for (const p of json.projects)
      for (const g of p.figures) {
        const f = cell(p.slug, g.id as string, g.gender as string);
        for (const [key, v] of Object.entries(g)) {
          if (typeof v !== 'number' && !Array.isArray(v)) continue;
          assert.deepEqual(v, (f as unknown as Record<string, unknown>)[key], `portfolio.json: ${p.slug} ${f.id} ${f.gender} ${key}`);
        }
      }
  });

  it('every page across the projects: each number is its project\'s published one, hidden where the project hides it; no page left unread', () => {
    const indicators = new Map(SLUGS.map((slug) => [slug, JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8')) as Indicators]));
    const total = (slug: string, id: string, gender: string) => indicators.get(slug)!.figures.find((x) => x.id === id && x.unit === 'total' && x.gender === gender && x.category === undefined);
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const text = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, '')).trim();
    const pages = [join(out, 'index.html'), ...walk(join(out, 'portfolio'))];
    let checked = 0;
    const read = new Set<string>();
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const compare = /portfolio\/compare\/([a-z_.]+?)(?:\.(woman|man|other))?\.html$/.exec(file);
      if (compare) {
        const [, id, gender = 'all'] = compare;
        const head = [...html.split('<thead>')[1]!.split('</thead>')[0]!.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => text(m[1]!));
        for (const row of html.matchAll(/<tr data-project="([a-z0-9-]+)">(.*?)<\/tr>/g)) {
          const cells = [...row[2]!.matchAll(/<td class="num">(.*?)<\/td>/g)].map((m) => text(m[1]!));
          const count = total(row[1]!, id!, 'all')?.kind === 'count';
          const genders = count ? ['all', 'woman', 'man', 'other'].filter((g) => head.some((h) => h === { all: 'Alla', woman: 'Kvinnor', man: 'Män', other: 'Icke-binära' }[g])) : [gender];
          genders.forEach((g, j) => {
            const f = total(row[1]!, id!, g);
            if (count) {
              assert.equal(cells[j], f ? formatFigure(f, 'sv') : MARKS.nil, `${file}: ${row[1]} ${id} ${g}`);
            } else {
              assert.ok(f, `${file}: ${row[1]} shows ${id} ${g}, which its indicators.json does not have`);
              assert.deepEqual(cells, [formatFigure(f, 'sv'), f.denominator === undefined ? MARKS.nil : formatNumber(f.denominator, 'sv'), f.ci95 ? formatInterval(f.ci95[0], f.ci95[1], 'sv') : hiddenMark(f)], `${file}: ${row[1]}`);
              const drawn = /left: ([\d.]+)%; width: ([\d.]+)%.*?left: ([\d.]+)%/.exec(row[2]!);
              assert.equal(drawn === null, f.value === null, `${file}: ${row[1]} drawn only where published`);
              if (drawn && f.ci95) assert.ok(Math.abs(Number(drawn[1]) - f.ci95[0] * 100) < 0.06 && Math.abs(Number(drawn[3]) - f.value! * 100) < 0.06, `${file}: ${row[1]} drawn at its published interval`);
            }
            checked++;
          });
        }
        const listedHere = [...html.matchAll(/<tr data-project="([a-z0-9-]+)">/g)].map((m) => m[1]!);
        assert.deepEqual(listedHere.sort(), SLUGS.filter((s) => total(s, id!, gender) !== undefined || (total(s, id!, 'all')?.kind === 'count' && total(s, id!, 'all') !== undefined)).sort(), `${file}: every project that publishes ${id}, and no other`);
        read.add(file);
        continue;
      }
      // A list (the index, a filter page, a sorted list): each report's participants as it publishes them.
      for (const entry of html.split('<li lang=').slice(1)) {
        const slug = /href="(?:\.\.\/)*([a-z0-9-]+)\/index\.html"/.exec(entry)?.[1];
        const shown = /<dd class="participants">(.*?)<\/dd>/.exec(entry)?.[1];
        if (!slug || shown === undefined) continue;
        const f = total(slug, 'participants.enrolled', 'all');
        assert.equal(text(shown), f?.value == null ? hiddenMark(f) : formatNumber(f.value, 'sv'), `${file}: ${slug}`);
        checked++;
      }
      // No other number of a project's results on a list or the search page: only counts of reports and years.
      const body = text(html.split('<main id="main"')[1]!.replace(/<dd class="participants">.*?<\/dd>/g, '').replace(/<span class="count">.*?<\/span>/g, '').replace(/<dd>\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d<\/dd>/g, ''));
      assert.doesNotMatch(body, /\d\s?%/, `${file}: a percentage on a list`);
      read.add(file);
    }
    assert.deepEqual(pages.filter((p) => !read.has(p)), [], 'every page read');
    assert.ok(read.size > 20 && checked > 60, `${read.size} pages, ${checked} numbers checked`);
  });
});
