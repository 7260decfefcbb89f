// Uppsala's procured labour-market services (seed C in ../shared/reference/seed-figures.md)
// rebuilt from the synthetic Procapita-like exports: every published figure computed, the
// provider tables exactly as published (checked without disclosure control, since the report
// itself hides small cells), and the provider comparison honest about how few can be compared.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeProjectData } from '../../scripts/site/build-site.ts';
import { buildChart } from '../../scripts/render/charts/index.ts';
import { computeIndicators, type Computed } from '../../scripts/engine/compute.ts';
import { figureTableView } from '../../scripts/render/figure-table.ts';
import type { Figure, Indicators } from '../../scripts/publish/indicators-schema.ts';
import { loadProject } from '../../scripts/read/project.ts';

const root = join(import.meta.dirname, '..', '..');
const slug = 'uppsala-upphandlade-insatser';
let dir: string;
let ind: Indicators;
let raw: Computed; // disclosure control off: the published tables cell by cell
let loaded: Awaited<ReturnType<typeof loadProject>>;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'upp-'));
  ({ indicators: ind } = await writeProjectData(root, slug, dir, new Date('2024-01-01T00:00:00Z')));
  loaded = await loadProject({ root, slug });
  raw = computeIndicators({ ...loaded.config, disclosure: { min_count: 1, secondary: false } }, loaded.dataset);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const find = (figs: Figure[], id: string, unit = 'total', gender = 'all', category?: string): Figure => {
  const f = figs.find((x) => x.id === id && x.unit === unit && x.gender === gender && x.category === category);
  assert.ok(f, `${id} for ${unit}/${gender}${category ? `/${category}` : ''} is computed`);
  return f;
};
const fig = (id: string, unit = 'total', gender = 'all', category?: string) => find(ind.figures, id, unit, gender, category);
const pct = (f: Figure) => Math.round(f.value! * 100);

// The seed's tables, written out here independently of the generator.
const PERSONS: [string, number, number][] = [
  ['Manpower', 61, 141], ['Jobbcenter', 65, 120], ['Hermods', 27, 30], ['Astar', 33, 21], ['AlphaCE', 21, 30], ['Lernia', 21, 29],
  ['Idékraft', 10, 18], ['Svensk kommuntjänst', 8, 20], ['Jobblotsen', 8, 16], ['Studiefrämjandet', 7, 14], ['Adecco', 5, 14],
  ['Competens', 7, 11], ['Arbetslivsresurs', 5, 12], ['Iris Hadar', 9, 7], ['Upplands Idrottsförbund', 1, 14],
  ['Personalstrategerna', 3, 6], ['Kunskapsbolaget Integra', 2, 4], ['Ingeus', 1, 3], ['Miroi', 2, 0],
];
// Self-support 3 months men/women, 6 months men/women, per provider.
const FOLLOWUP: [string, number, number, number, number][] = [
  ['Manpower', 31, 12, 22, 9], ['Jobbcenter', 20, 6, 13, 6], ['Lernia', 6, 6, 3, 4], ['Studiefrämjandet', 4, 3, 1, 3], ['Astar', 1, 6, 0, 3],
  ['Hermods', 8, 0, 2, 0], ['Svensk kommuntjänst', 3, 1, 3, 1], ['Upplands Idrottsförbund', 5, 0, 2, 0], ['Idékraft', 0, 3, 0, 2],
  ['Personalstrategerna', 1, 2, 0, 2], ['AlphaCE', 4, 0, 1, 0], ['Competens', 2, 0, 2, 0], ['Iris Hadar', 2, 0, 1, 0], ['Jobblotsen', 2, 0, 1, 0],
  ['Adecco', 1, 0, 1, 0], ['Arbetslivsresurs', 1, 0, 1, 0], ['Ingeus', 0, 0, 0, 0], ['Kunskapsbolaget Integra', 0, 0, 0, 0], ['Miroi', 0, 0, 0, 0],
];
const COSTS: [string, number][] = [
  ['Manpower', 2696400], ['Jobbcenter', 1457800], ['Astar', 749020], ['Lernia', 649400], ['Hermods', 596650], ['AlphaCE', 474800],
  ['Idékraft', 409200], ['Studiefrämjandet', 359300], ['Jobblotsen', 256400], ['Upplands Idrottsförbund', 218800], ['Svensk kommuntjänst', 210600],
  ['Competens', 96600], ['Iris Hadar', 72200], ['Arbetslivsresurs', 56600], ['Personalstrategerna', 36800], ['Kunskapsbolaget Integra', 33400], ['Miroi', 0],
];

describe('Uppsala: the published figures in indicators.json, by id, unit and gender', () => {
  it('755 enrolled: 281 women, 474 men; 24 % without work or studies for more than 7 months', () => {
    assert.deepEqual(['all', 'woman', 'man'].map((g) => fig('participants.enrolled', 'total', g).value), [755, 281, 474]);
    assert.equal(pct(fig('entry.without_work_over_7_months')), 24);
  });
  it('persons per provider, not unique: 806 in all, 296 women, 510 men; Manpower 61/141/202', () => {
    assert.deepEqual(['all', 'woman', 'man'].map((g) => fig('providers.persons', 'total', g).value), [806, 296, 510]);
    assert.deepEqual(['woman', 'man', 'all'].map((g) => fig('providers.persons', 'Manpower', g).value), [61, 141, 202]);
  });
  it('vouchers: 1 116 issued (401 women, 715 men); lengths 426, 379, 232, 74, 5', () => {
    assert.deepEqual(['all', 'woman', 'man'].map((g) => fig('vouchers.issued', 'total', g).value), [1116, 401, 715]);
    assert.deepEqual(['2', '3', '4', '6', '8'].map((k) => fig('vouchers.length', 'total', 'all', k).numerator), [426, 379, 232, 74, 5]);
  });
  it('renewals: 350 with the same provider (118, 232), 130 with another (45, 85), 27 % changing', () => {
    assert.deepEqual(['all', 'woman', 'man'].map((g) => fig('vouchers.renewal_same', 'total', g).value), [350, 118, 232]);
    assert.deepEqual(['all', 'woman', 'man'].map((g) => fig('vouchers.renewal_other', 'total', g).value), [130, 45, 85]);
    assert.equal(pct(fig('vouchers.change_share')), 27);
  });
  it('371 exited: 43 % to work (women 37 %, men 45 %), 17 % to studies (women 23 %, men 13 %)', () => {
    assert.equal(fig('participants.exited').value, 371);
    assert.deepEqual(['all', 'woman', 'man'].map((g) => pct(fig('exit.work', 'total', g))), [43, 37, 45]);
    assert.deepEqual(['all', 'woman', 'man'].map((g) => pct(fig('exit.studies', 'total', g))), [17, 23, 13]);
  });
  it('of the 128 without work or studies for more than 13 months, fewer than 10 exited to work or studies', () => {
    assert.equal(fig('entry.without_work_over_13_months').numerator, 128);
    const n = fig('exit.work_or_studies_long_term').numerator!;
    assert.ok(n >= 5 && n < 10, `${n} exited to work or studies`);
  });
  it('mean time enrolled of those exited: a little over seven months', () => {
    const v = fig('participants.months_enrolled_mean').value!;
    assert.ok(v >= 7 && v < 7.5, String(v));
  });
  it('self-support at 3 months 130 (91 men, 39 women), at 6 months 83 (53, 30); premiums computed from them', () => {
    assert.deepEqual(['all', 'man', 'woman'].map((g) => fig('followup.self_support_3m', 'total', g).value), [130, 91, 39]);
    assert.deepEqual(['all', 'man', 'woman'].map((g) => fig('followup.self_support_6m', 'total', g).value), [83, 53, 30]);
    // 5 000 kr per person and follow-up point: the premium the contract sets, applied to the counts.
    assert.equal(fig('followup.self_support_3m.premium').value, 130 * 5000);
    assert.equal(fig('followup.premium_total').value, (130 + 83) * 5000);
  });
  it('costs 8 373 970 kr against a budget of 12 000 000 kr; about 13 000 kr per participant', () => {
    assert.equal(fig('costs.total').value, 8373970);
    assert.equal(fig('costs.budget').value, 12000000);
    const per = fig('costs.per_participant').value!;
    assert.ok(per >= 12500 && per < 13500, String(per));
    assert.equal(ind.goals.find((g) => g.id === 'goal.budget')!.results[0]!.met, true);
  });
  it('survey: 83 % satisfied, 86 % would recommend, 73 % told their strengths; providers 13 of 17 answered', () => {
    assert.deepEqual(['survey.satisfied', 'survey.recommend', 'survey.told_strengths'].map((id) => pct(fig(id))), [83, 86, 73]);
    const p = fig('survey.answered.utforare');
    assert.deepEqual([p.numerator, p.denominator], [13, 17]);
  });
  it('every published figure listed in the configuration matches, and the parts reconcile', () => {
    const m = ind.checks.find((c) => c.id === 'published.matches')!;
    assert.match(m.message, /^(\d+) av \1 /);
    assert.equal(ind.checks.filter((c) => c.severity === 'warning').length, 0, ind.checks.map((c) => c.message).join('\n'));
  });
});

describe('Uppsala: the provider tables reproduce the seed cell by cell (computed without disclosure control)', () => {
  const r = (id: string, unit: string, gender: string) => find(raw.figures, id, unit, gender).value;
  it('persons per provider and gender', () => {
    for (const [p, w, m] of PERSONS) assert.deepEqual([r('providers.persons', p, 'woman'), r('providers.persons', p, 'man'), r('providers.persons', p, 'all')], [w, m, w + m], p);
  });
  it('self-support at 3 and 6 months per provider', () => {
    for (const [p, m3, w3, m6, w6] of FOLLOWUP)
      assert.deepEqual([r('followup.self_support_3m', p, 'man'), r('followup.self_support_3m', p, 'woman'), r('followup.self_support_6m', p, 'man'), r('followup.self_support_6m', p, 'woman')], [m3, w3, m6, w6], p);
  });
  it('costs per provider; Adecco and Ingeus had no costs in the year', () => {
    for (const [p, kr] of COSTS) assert.equal(r('costs.total', p, 'all'), kr, p);
    for (const p of ['Adecco', 'Ingeus']) assert.ok(!raw.figures.some((f) => f.id === 'costs.total' && f.unit === p));
  });
});

describe('Uppsala: small numbers are hidden and flagged, not ranked', () => {
  it('publishes no count below the threshold, in the figures or in the per-figure CSVs', () => {
    const k = ind.report.disclosure.min_count;
    assert.equal(k, 5);
    for (const f of ind.figures) if (f.kind === 'count' && f.value !== null) assert.ok(f.value === 0 || f.value >= k, `${f.id} ${f.unit} ${f.gender} = ${f.value}`);
    // Miroi's two persons (published as 2 / 0 / 2) are hidden, with everything resting on them.
    assert.equal(fig('providers.persons', 'Miroi', 'woman').suppressed, true);
    assert.equal(fig('providers.persons', 'Miroi').value, null);
    const csv = readFileSync(join(dir, 'data', 'providers.persons.csv'), 'utf8');
    assert.match(csv, /^providers\.persons;Miroi;all;;count;;;;;;;primär\r?$/m);
  });
  it('the comparison chart leaves out hidden providers, marks small ones in text and counts both in a computed note', () => {
    const chart = loaded.config.charts.find((c) => c.id === 'provider_comparison')!;
    const ctx = { language: 'sv' as const, units: [...loaded.config.units.items.map((u) => u.name), 'total'], unitLabel: (u: string) => (u === 'total' ? 'Totalt' : u), minCount: 5, unitLevel: 'Utförare' };
    const built = buildChart(chart, ind.figures, ind.goals, ctx);
    const shares = ind.figures.filter((f) => f.id === 'exit.work_or_studies' && f.gender === 'all' && f.unit !== 'total');
    const shown = shares.filter((f) => !f.suppressed);
    const small = shown.filter((f) => f.denominator! < chart.min_n!);
    const notShown = 19 - shown.length;
    assert.ok(notShown > 0 && small.length > 0, 'the example has both hidden and small providers');
    const note = built.footnotes!.join(' ');
    assert.ok(note.includes(`för ${notShown + small.length} av 19`), note);
    assert.ok(note.includes(`${notShown} visas inte`), note);
    assert.ok(note.includes(`${small.length} har färre än ${chart.min_n}`), note);
    const data = (built.spec as { data: { values: { row: string }[] } }).data.values;
    assert.equal(data.length, shown.length);
    for (const f of small) assert.ok(data.some((d) => d.row.replace(/\n/g, ' ') === `${f.unit} (få)`), f.unit);
    assert.ok(built.table.rows.some((row) => row.includes('för få för jämförelse')));
  });
  it('the persons table has 19 providers with their status as text, and a total row', () => {
    const t = figureTableView(loaded.config.figure_tables.find((x) => x.id === 'persons_by_provider')!, 1, ind.figures, loaded.config, 'sv');
    assert.equal(t.rows.length, 20);
    assert.ok(t.hasStatus);
    assert.equal(t.rows.find((r) => r.unit === 'Adecco')!.status, 'Tar inte emot deltagare');
    assert.equal(t.rows.find((r) => r.unit === 'Miroi')!.status, 'Tar tillfälligt inte emot deltagare');
    assert.deepEqual(t.rows.find((r) => r.unit === 'Manpower')!.cells, ['61', '141', '202']);
    assert.deepEqual(t.rows.at(-1)!.cells, ['296', '510', '806']);
    assert.ok(t.notes.some((n) => n.includes('färre än 5 personer')));
  });
  it('cost per participant is marked as uncertain where fewer than min_n persons had a voucher in the year', () => {
    const cfg = loaded.config.figure_tables.find((x) => x.id === 'costs_by_provider')!;
    const t = figureTableView(cfg, 1, ind.figures, loaded.config, 'sv');
    const per = ind.figures.filter((f) => f.id === 'costs.per_participant' && f.unit !== 'total' && f.value !== null);
    for (const f of per) {
      const cell = t.rows.find((r) => r.unit === f.unit)!.cells[1]!;
      assert.equal(cell.endsWith('(få)'), f.n! < cfg.min_n!, `${f.unit}: ${cell} (n ${f.n})`);
    }
  });
});
