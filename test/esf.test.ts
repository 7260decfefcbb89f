// esf-indicators.csv: the counts against an independent count of the raw MIA Vidare rows, the
// disclosure rules on a small synthetic project, and empty cells where the data lack a column.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite } from '../scripts/site/build-site.ts';
import type { Participant } from '../scripts/config/contract.ts';
import { configSchema } from '../scripts/config/schema.ts';
import { computeIndicators } from '../scripts/engine/compute.ts';
import { ESF_COLUMNS, esfRows, LONG_TERM_MONTHS } from '../scripts/engine/esf.ts';

const repo = join(import.meta.dirname, '..');
const out = join(mkdtempSync(join(tmpdir(), 'esf-')), '_site');
const csv = (slug: string) => readFileSync(join(out, slug, 'esf-indicators.csv'), 'utf8');
/** The CSV as rows of cells, BOM and CRLF removed. */
const rowsOf = (text: string) => text.replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(';'));

before(async () => buildSite({ root: repo, outDir: out, slugs: ['mia-vidare', 'samverkan-leder-till-arbete'], now: new Date('2024-01-01T00:00:00Z'), pdf: false }));
after(() => rmSync(join(out, '..'), { recursive: true, force: true }));

describe('esf-indicators.csv', () => {
  it('counts MIA Vidare as the raw rows do, by gender, age band, ISCED level and long-term unemployment', () => {
    const [head, ...raw] = readFileSync(join(repo, 'data', 'mia-vidare', 'deltagare.csv'), 'utf8').trim().split(/\r?\n/).map((l) => l.split(';'));
    const col = (name: string) => head!.indexOf(name);
    const gender = (x: string[]) => ({ K: 'w', M: 'm' })[x[col('Kön')]!]!;
    const age = (x: string[]) => Number(x[col('Inskrivningsdatum')]!.slice(0, 4)) - Number(x[col('Födelseår')]);
    const count = (pred: (x: string[]) => boolean) => {
      const sel = raw.filter(pred);
      return [sel.length, sel.filter((x) => gender(x) === 'w').length, sel.filter((x) => gender(x) === 'm').length, 0].map(String);
    };
    const expected = [
      ['Indikator', 'Kategori', 'Totalt', 'Kvinnor', 'Män', 'Icke-binära'],
      ['Deltagare', 'alla', ...count(() => true)],
      ['Ålder vid inskrivning', 'under 30 år', ...count((x) => age(x) < 30)],
      ['Ålder vid inskrivning', '30–54 år', ...count((x) => age(x) >= 30 && age(x) <= 54)],
      ['Ålder vid inskrivning', '55 år och äldre', ...count((x) => age(x) >= 55)],
      ['Ålder vid inskrivning', 'uppgift saknas', '0', '0', '0', '0'],
      ['Utbildning (ISCED)', 'ISCED 0–2 (förgymnasial)', ...count((x) => x[col('Utbildning')] === 'Förgymnasial')],
      ['Utbildning (ISCED)', 'ISCED 3–4 (gymnasial)', ...count((x) => x[col('Utbildning')] === 'Gymnasial')],
      ['Utbildning (ISCED)', 'ISCED 5–8 (eftergymnasial)', ...count((x) => x[col('Utbildning')] === 'Eftergymnasial')],
      ['Utbildning (ISCED)', 'uppgift saknas', ...count((x) => x[col('Utbildning')] === 'Uppgift saknas' || x[col('Utbildning')] === '')],
      [`Långtidsarbetslösa (minst ${LONG_TERM_MONTHS} månader utan arbete)`, 'långtidsarbetslösa', ...count((x) => Number(x[col('Månader i offentlig försörjning')]) >= LONG_TERM_MONTHS)],
    ];
    // No count in MIA Vidare is between 1 and 4, so every cell is published.
    assert.deepEqual(rowsOf(csv('mia-vidare')), expected);
    assert.ok(csv('mia-vidare').startsWith('\ufeff'));
    assert.match(readFileSync(join(out, 'mia-vidare', 'index.html'), 'utf8'), /<a href="esf-indicators\.csv">ESF-indikatorer \(CSV\)<\/a>/);
  });

  it('leaves the cells empty where the data lack the column (Samverkan has no education)', () => {
    const rows = rowsOf(csv('samverkan-leder-till-arbete'));
    const edu = rows.filter((r) => r[0] === 'Utbildning (ISCED)');
    assert.equal(edu.length, 4);
    for (const r of edu) assert.deepEqual(r.slice(2), ['', '', '', '']);
    assert.ok(rows.find((r) => r[0] === 'Deltagare')!.slice(2).every((v) => /^\d+$/.test(v)));
  });

  it('is a view of the protected registry: counts 1 … k−1 hidden, and no hidden cell recoverable through the file and indicators.json together', () => {
    const p = (i: number, gender: Participant['gender'], age: number, education: Participant['education']): Participant => ({
      id: `p${i}`, unit: 'A', gender, birthYear: null, ageAtEntry: age, education, entryDate: '2024-01-01', exitDate: null,
      referral: null, incomeAtEntry: null, monthsWithoutWork: i % 2 ? 24 : 0, exitReason: null, exitStatus: [],
    });
    // 40 women, 60 men, 2 non-binary (the case); 2 participants over 55.
    const ps = [
      ...Array.from({ length: 40 }, (_, i) => p(i, 'woman', i < 1 ? 60 : 25 + (i % 20), 'secondary')),
      ...Array.from({ length: 60 }, (_, i) => p(100 + i, 'man', i < 1 ? 58 : 40, i % 3 ? 'primary' : 'tertiary')),
      ...Array.from({ length: 2 }, (_, i) => p(200 + i, 'other', 35, 'secondary')),
    ];
    const cfg = configSchema.parse({
      title: 'T', commissioner: 'C', evaluator: 'E', authors: ['A'], date: '2024-06-01', period: { from: '2024-01-01', to: '2024-12-31' },
      units: { level: 'Enhet', items: [{ name: 'A' }] }, tables: { participants: { file: 'p.csv' } },
    });
    const { figures } = computeIndicators(cfg, { participants: ps, activities: [], followups: [], survey: [], costs: [] });
    const rows = esfRows(figures);
    for (const v of rows.flatMap((r) => r.cells)) if (v !== null) assert.ok(v === 0 || v >= 5, String(v));
    assert.equal(rows[0]!.cells[3], null, 'two non-binary participants are hidden');
    assert.equal(rows[0]!.marks[3], 'primary');
    // The file and indicators.json together: the file shows nothing the registry hides.
    for (const r of rows.slice(1)) for (const [i, g] of ESF_COLUMNS.entries()) {
      const f = figures.find((x) => x.id === `esf.${r.indicator}` && x.gender === g && (x.category ?? 'yes') === r.category);
      if (f) assert.equal(r.cells[i], f.numerator ?? null, `${r.indicator} ${r.category} ${g}`);
    }
    const all = figures.find((f) => f.id === 'participants.enrolled' && f.unit === 'total' && f.gender === 'all')!;
    const men = figures.find((f) => f.id === 'participants.enrolled' && f.unit === 'total' && f.gender === 'man')!;
    const women = figures.find((f) => f.id === 'participants.enrolled' && f.unit === 'total' && f.gender === 'woman')!;
    // 102 = 40 + 60 + 2: all three published would give the two away.
    assert.ok([all, men, women].some((f) => f.value === null), 'one of all, women and men is hidden with the non-binary cell');
    assert.equal(rows[0]!.cells.filter((v) => v === null).length >= 2, true);
  });
});
