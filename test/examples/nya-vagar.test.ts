// The fourth example, "Nya vägar till arbete" (synthetic ESF+ 2021–2027): its data are the
// generator's, byte for byte; its figures are computed here again from the raw files with the
// configuration's corrections applied by hand (independently of scripts/read/corrections.ts);
// the page, the cover and the index show the EU emblem with the statement.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateNyaVagar } from '../../scripts/generate/nya-vagar.ts';
import { buildIndicators } from '../../scripts/site/data-step.ts';
import { buildSite } from '../../scripts/site/build-site.ts';
import type { Indicators } from '../../scripts/publish/indicators-schema.ts';
import { EMBLEM_HEIGHT } from '../../scripts/render/branding.ts';

const root = join(import.meta.dirname, '..', '..');
const slug = 'nya-vagar-till-arbete';
const dataDir = join(root, 'data', slug);

const table = (file: string) => {
  const [head, ...rows] = readFileSync(join(dataDir, file), 'utf8').split('\r\n').filter((l) => l !== '').map((l) => l.split(';'));
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
};

// The corrections of content/nya-vagar-till-arbete/report.yaml, written out by hand.
const raw = table('deltagare.csv');
const TEST_IDS = new Set(['TEST-0001', 'TEST-0002']);
const kept = raw
  .filter((p) => !TEST_IDS.has(p['Deltagar-ID']!))
  .filter((p) => p.Inskriven! >= '2023-01-01')
  .map((p) => (p['Deltagar-ID'] === 'NV-00030' ? { ...p, Avslutad: '2024-02-29' } : p['Deltagar-ID'] === 'NV-00042' ? { ...p, Kön: 'Man' } : p));
const keptIds = new Set(kept.map((p) => p['Deltagar-ID']!));
const GENDER: Record<string, string> = { Kvinna: 'woman', Man: 'man', Annan: 'other' };
const units = ['Gävle', 'Sandviken', 'Hofors', 'total'];
const inUnit = (u: string) => (p: Record<string, string>) => u === 'total' || p.Kommun === u;

let ind: Indicators;
before(async () => {
  ind = await buildIndicators({ root, slug }, new Date('2026-01-01T00:00:00Z'));
});

/** The published value of a cell, or undefined when the gate hides it. */
const value = (id: string, unit: string, gender = 'all') => {
  const f = ind.figures.find((x) => x.id === id && x.unit === unit && x.gender === gender && x.category === undefined);
  assert.ok(f, `${id} ${unit} ${gender}`);
  return f.suppressed ? undefined : f;
};

describe('nya-vagar-till-arbete', () => {
  it('the committed data are byte-identical to the generator output, and marked synthetic', () => {
    for (const [name, bytes] of Object.entries(generateNyaVagar())) assert.ok(readFileSync(join(dataDir, name)).equals(bytes), `data/${slug}/${name} is stale: run npm run generate -- ${slug}`);
    assert.match(readFileSync(join(dataDir, 'SYNTHETIC'), 'utf8'), /synthetic/);
  });

  it('the export holds the faults the corrections are for', () => {
    assert.equal(raw.filter((p) => TEST_IDS.has(p['Deltagar-ID']!)).length, 2);
    assert.ok(raw.filter((p) => p.Inskriven! < '2023-01-01').length > 0);
    assert.equal(raw.find((p) => p['Deltagar-ID'] === 'NV-00030')!.Avslutad, '2024-02-30');
    assert.equal(raw.find((p) => p['Deltagar-ID'] === 'NV-00042')!.Kön, 'X');
    assert.ok(kept.some((p) => p.Kön === 'Annan'), 'a third gender');
  });

  it('enrolled and exited by unit and gender match the raw rows after the corrections', () => {
    let compared = 0;
    for (const u of units) {
      for (const g of ['all', 'woman', 'man', 'other']) {
        const ps = kept.filter(inUnit(u)).filter((p) => g === 'all' || GENDER[p.Kön!] === g);
        const enrolled = value('participants.enrolled', u, g);
        if (enrolled) (assert.equal(enrolled.value, ps.length, `enrolled ${u} ${g}`), compared++);
        const exited = value('participants.exited', u, g);
        if (exited) (assert.equal(exited.value, ps.filter((p) => p.Avslutad !== '').length, `exited ${u} ${g}`), compared++);
      }
    }
    assert.ok(compared >= 20, `${compared} cells compared`);
    assert.equal(value('participants.enrolled', 'total')!.value, kept.length);
  });

  it("outcome groups with built-in and the project's own codes match the raw rows", () => {
    const groups: Record<string, string[]> = {
      'exit.work_or_studies': ['Arbete', 'Subventionerad anställning', 'Studier'],
      'exit.self_support': ['Egen försörjning'],
    };
    for (const [id, codes] of Object.entries(groups))
      for (const u of units) {
        const exited = kept.filter(inUnit(u)).filter((p) => p.Avslutad !== '');
        const f = value(id, u);
        if (!f) continue;
        assert.equal(f.denominator, exited.length, `${id} ${u} base`);
        assert.equal(f.numerator, exited.filter((p) => codes.includes(p['Status vid avslut']!)).length, `${id} ${u}`);
      }
    const health = value('exit.ended_health', 'total')!;
    assert.equal(health.numerator, kept.filter((p) => p.Avslutad !== '' && p.Avslutsorsak === 'Hälsoskäl').length);
  });

  it('follow-ups at six months and activity rows follow the excluded participants and bookings', () => {
    const followups = table('uppfoljning.csv').filter((f) => keptIds.has(f['Deltagar-ID']!) && f['Månader efter avslut'] === '6');
    assert.equal(value('followup.work_or_studies_6m', 'total')!.value, followups.filter((f) => ['Arbete', 'Studier'].includes(f.Sysselsättning!)).length);
    assert.equal(value('followup.self_support_6m', 'total')!.value, followups.filter((f) => f.Sysselsättning === 'Egen försörjning').length);
    const activities = table('insatser.csv').filter((a) => keptIds.has(a['Deltagar-ID']!) && a.Insats !== 'Avbokad');
    const internship = value('activity.internship', 'total')!;
    assert.equal(internship.numerator, new Set(activities.filter((a) => a.Insats === 'Praktik').map((a) => a['Deltagar-ID'])).size);
    assert.equal(value('activity.internship.rows', 'total')!.value, activities.filter((a) => a.Insats === 'Praktik').length);
  });

  it('each correction is counted in indicators.json and in the checks, without an id', () => {
    const all = table('insatser.csv');
    const predecessors = raw.filter((p) => p.Inskriven! < '2023-01-01' && !TEST_IDS.has(p['Deltagar-ID']!)).map((p) => p['Deltagar-ID']!);
    const rows = ind.report.corrections!.map((c) => [c.action, c.table, c.rows]);
    assert.deepEqual(rows, [
      ['exclude', 'participants', 2],
      ['exclude', 'participants', predecessors.length],
      ['set', 'participants', 1],
      ['set', 'participants', 1],
      ['exclude', 'activities', all.filter((a) => a.Insats === 'Avbokad' && keptIds.has(a['Deltagar-ID']!)).length],
    ]);
    assert.equal(ind.report.corrections![1]!.cascaded.activities, all.filter((a) => predecessors.includes(a['Deltagar-ID']!)).length);
    const text = JSON.stringify(ind.checks.filter((c) => c.id.startsWith('corrections.')));
    assert.equal(ind.checks.filter((c) => c.id.startsWith('corrections.')).length, 5);
    assert.doesNotMatch(text, /NV-\d|TEST-\d|2024-02-29/);
    assert.deepEqual(ind.report.codes!.map((c) => c.code), ['self_support', 'parental_leave', 'health']);
    assert.equal(ind.report.funding, 'esf_plus');
  });
});

describe('nya-vagar-till-arbete on the site', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'nya-vagar-')), '_site');
  before(async () => buildSite({ root, outDir: out, slugs: [slug], now: new Date('2026-01-01T00:00:00Z'), pdf: false }));
  after(() => rmSync(join(out, '..'), { recursive: true, force: true }));

  it('shows the EU emblem with the statement in the header and on the index, no logo higher than it', () => {
    const page = readFileSync(join(out, slug, 'index.html'), 'utf8');
    const header = page.slice(page.indexOf('<header class="title-page">'), page.indexOf('</header>'));
    assert.match(header, /<svg class="eu-emblem"[^>]* height="60" role="img" aria-label="Europeiska unionens flagga"/);
    assert.match(header, /<p class="eu-statement">Medfinansieras av Europeiska unionen<\/p>/);
    const logos = [...header.matchAll(/<img class="logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="([^"]+)" width="(\d+)" height="(\d+)">/g)];
    assert.equal(logos.length, 1);
    for (const l of logos) assert.ok(Number(l[3]) <= EMBLEM_HEIGHT, `logo "${l[1]}" is ${l[3]} px high`);
    assert.match(page, /<style>:root \{ --accent: #1d5c4d; \}<\/style>/);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    assert.match(index, /<svg class="eu-emblem"[\s\S]*?<p class="eu-statement">Medfinansieras av Europeiska unionen<\/p>[\s\S]*?nya-vagar-till-arbete\/index\.html/);
    assert.match(page, /Det här är ett syntetiskt exempel/);
  });
});
