// Disclosure control under attack: for every published table, the interval that the published
// cells, margins and linked tables allow for each suppressed count (computed by linear
// programming, test/helpers/attacker.ts) must be at least k wide. Hand-made tables where one
// suppressed cell would be recoverable show the attacker succeeds without secondary suppression.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { configSchema, type Config } from '../../scripts/config/schema.ts';
import type { Dataset, Participant } from '../../scripts/config/contract.ts';
import { computeIndicators } from '../../scripts/engine/compute.ts';
import { applySecondarySuppression } from '../../scripts/engine/secondary.ts';
import { feasibleIntervals } from '../../scripts/engine/intervals.ts';
import { buildProjectData } from '../../scripts/site/data-step.ts';
import type { Figure } from '../../scripts/publish/indicators-schema.ts';
import { figureCsv } from '../../scripts/publish/write-outputs.ts';
import { InputError } from '../../scripts/problems.ts';
import { attack, primaryCells, type Knowledge, type Published } from '../helpers/attacker.ts';
import { ActivityTable, type TableDataset } from '../../scripts/engine/activity-table.ts';

const root = join(import.meta.dirname, '..', '..');

function config(extra: Record<string, unknown> = {}): Config {
  return configSchema.parse({
    title: 'T', commissioner: 'C', evaluator: 'E', authors: ['A'], date: '2022-01-01',
    period: { from: '2020-01-01', to: '2021-12-31' },
    units: { level: 'Enhet', items: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] },
    tables: { participants: { file: 'p.csv' } },
    outcome_groups: [{ id: 'work', label: 'Arbete', codes: ['employed'] }],
    ...extra,
  });
}
let seq = 0;
function person(unit: string, gender: Participant['gender'], exited: boolean, more: Partial<Participant> = {}): Participant {
  return {
    id: `P${++seq}`, unit, gender, birthYear: 1990, ageAtEntry: 30, education: null, entryDate: '2020-02-01',
    exitDate: exited ? '2020-12-01' : null, referral: null, incomeAtEntry: null, monthsWithoutWork: null,
    exitReason: null, exitStatus: exited ? ['employed'] : [], ...more,
  };
}
const many = (n: number, make: () => Participant) => Array.from({ length: n }, make);
const data = (participants: Participant[]): TableDataset => ({ participants, activities: new ActivityTable(), followups: [], survey: [], costs: [] });

/** The narrowest interval the attacker gets for a primary-suppressed cell, with its key. */
function weakest(figures: Published, k: number, know: Knowledge): { key: string; width: number; value: number } | undefined {
  const primary = primaryCells(figures, k);
  const intervals = attack(figures, know);
  let worst: { key: string; width: number; value: number } | undefined;
  for (const [key, value] of primary) {
    const iv = intervals.get(key);
    assert.ok(iv, `the attacker sees the hidden cell ${key}`);
    const width = iv[1] - iv[0];
    if (!worst || width < worst.width) worst = { key, width, value };
  }
  return worst;
}

// Each case: a table where primary suppression alone leaves a small count recoverable.
const cases: Array<{ name: string; people: () => Participant[]; extra?: Record<string, unknown> }> = [
  {
    // A: 1 woman, 10 men. The woman is hidden, A's total and men are published: 11 − 10 = 1.
    name: 'one small cell in a row',
    people: () => [person('A', 'woman', true), ...many(10, () => person('A', 'man', true)), ...many(10, () => person('B', 'woman', true)), ...many(10, () => person('B', 'man', true)), ...many(8, () => person('C', 'woman', true)), ...many(9, () => person('C', 'man', true))],
  },
  {
    // One person of gender "other": the only cell of its column below the threshold.
    name: 'a single "other" gender cell',
    people: () => [person('A', 'other', true), ...many(12, () => person('A', 'woman', true)), ...many(12, () => person('A', 'man', true)), ...many(9, () => person('B', 'woman', true)), ...many(9, () => person('B', 'man', true)), ...many(7, () => person('C', 'man', true))],
  },
  {
    // Still enrolled women of A: 2, hidden; but enrolled − exited gives it away across tables.
    name: 'enrolled = exited + still enrolled across tables',
    people: () => [...many(8, () => person('A', 'woman', true)), ...many(2, () => person('A', 'woman', false)), ...many(9, () => person('A', 'man', true)), ...many(6, () => person('A', 'man', false)), ...many(12, () => person('B', 'woman', true)), ...many(7, () => person('B', 'woman', false)), ...many(11, () => person('B', 'man', true)), ...many(5, () => person('B', 'man', false)), ...many(6, () => person('C', 'man', true)), ...many(6, () => person('C', 'woman', false))],
  },
  {
    // A distribution with one small category in one unit: the base minus the other categories.
    name: 'a distribution whose categories add up to its published base',
    people: () => [
      ...many(3, () => person('A', 'woman', true, { incomeAtEntry: 'salary' })), ...many(9, () => person('A', 'woman', true, { incomeAtEntry: 'social_assistance' })),
      ...many(8, () => person('A', 'man', true, { incomeAtEntry: 'salary' })), ...many(9, () => person('A', 'man', true, { incomeAtEntry: 'social_assistance' })),
      ...many(7, () => person('B', 'woman', true, { incomeAtEntry: 'salary' })), ...many(6, () => person('B', 'woman', true, { incomeAtEntry: 'social_assistance' })),
      ...many(9, () => person('B', 'man', true, { incomeAtEntry: 'salary' })), ...many(10, () => person('B', 'man', true, { incomeAtEntry: 'social_assistance' })),
      ...many(6, () => person('C', 'woman', true, { incomeAtEntry: 'salary' })), ...many(5, () => person('C', 'man', true, { incomeAtEntry: 'social_assistance' })),
    ],
    extra: { distributions: [{ id: 'entry.income', label: 'Försörjning', column: 'income_at_entry', categories: { salary: 'Lön', social_assistance: 'Försörjningsstöd' } }] },
  },
];

describe('feasibility intervals (the attacker\'s linear programs)', () => {
  it('bounds the cells of a hidden 2 × 2 block by its published margins', () => {
    // Hidden a b / c d with row sums 5, 7 and column sums 3, 9: a ∈ [0, 3], b ∈ [2, 5].
    const eq = (o: Record<string, number>, rhs: number) => ({ terms: new Map(Object.entries(o)), rhs });
    const iv = feasibleIntervals([eq({ a: 1, b: 1 }, 5), eq({ c: 1, d: 1 }, 7), eq({ a: 1, c: 1 }, 3), eq({ b: 1, d: 1 }, 9)], ['a', 'b', 'z']);
    assert.deepEqual([iv.get('a'), iv.get('b'), iv.get('z')], [[0, 3], [2, 5], [0, Infinity]]);
  });
});

describe('secondary suppression against an attacker who knows the margins', () => {
  for (const c of cases) {
    it(`${c.name}: recoverable with primary suppression alone, protected with secondary`, () => {
      const k = 5;
      const primaryOnly = computeIndicators(config({ ...c.extra, disclosure: { min_count: k, secondary: false } }), data(c.people()));
      const broken = weakest(primaryOnly, k, { hasUnreported: false });
      assert.ok(broken && broken.width < k, `the attacker narrows some suppressed cell below ${k} without secondary suppression`);
      const r = computeIndicators(config({ ...c.extra, disclosure: { min_count: k } }), data(c.people()));
      const w = weakest(r, k, { hasUnreported: false })!;
      assert.ok(w.width >= k - 1e-6, `${w.key} (true value ${w.value}) lies in an interval only ${w.width} wide`);
      assert.ok(r.checks.some((x) => x.id === 'disclosure.secondary'), 'a check says how many values secondary suppression hid');
    });
  }

  it('protects a tiny project, where nearly every count is small, instead of refusing it', () => {
    const people = [person('A', 'woman', true), person('A', 'man', false), person('A', 'woman', false), person('B', 'woman', true), person('B', 'man', true), person('C', 'woman', true)];
    const r = computeIndicators(config({ disclosure: { min_count: 5 } }), data(people));
    const w = weakest(r, 5, { hasUnreported: false })!;
    assert.ok(w.width >= 5 - 1e-6, `${w.key} (true value ${w.value}) lies in an interval only ${w.width} wide`);
  });

  it('stops with a clear error, not an endless build, when protection would need too many linear programs', () => {
    const { figures, truth } = computeIndicators(config({ disclosure: { min_count: 5, secondary: false } }), data(cases[0]!.people()));
    assert.throws(() => applySecondarySuppression(figures, { truth, links: [], unpublished: [] }, 5, undefined, 0), /more than 0 linear programs/);
  });

  it('hides a comparison or goal resting on a secondarily suppressed share, never a number', () => {
    const r = computeIndicators(config({ ...cases[0]!.extra, disclosure: { min_count: 5 }, goals: [{ id: 'goal.work', label: 'Arbete', figure: 'exit.work', target: { op: '>=', value: 0.5 } }] }), data(cases[0]!.people()));
    for (const f of r.figures.filter((x) => x.suppressed)) assert.deepEqual([f.value, f.numerator ?? null, f.ci95 ?? null], [null, null, null], `${f.id} ${f.unit} ${f.gender}`);
    const hidden = new Set(r.figures.filter((f) => f.id === 'exit.work' && f.gender === 'all' && f.suppressed).map((f) => f.unit));
    for (const res of r.goals[0]!.results) assert.equal(res.value === null, hidden.has(res.unit), `goal result for ${res.unit}`);
  });
});

describe('the example projects', () => {
  for (const slug of ['mia-vidare', 'samverkan-leder-till-arbete', 'uppsala-upphandlade-insatser', 'nya-vagar-till-arbete']) {
    it(`${slug}: every suppressed count of every table is protected by an interval at least k wide`, async () => {
      const { indicators: ind, truth } = await buildProjectData({ root, slug }, new Date(0));
      const k = ind.report.disclosure.min_count;
      const cfg = parse(readFileSync(join(root, 'content', slug, 'report.yaml'), 'utf8')) as { gender_share_of?: 'enrolled' | 'exited'; survey?: { questions: Array<{ id: string; positive?: string[] }> }; outcome_groups?: Array<{ id: string; entry_group?: string; filter?: unknown }> };
      const know: Knowledge = {
        hasUnreported: ind.report.units.some((u) => !u.reported),
        residualsKnown: true, // the worst case: see test/helpers/attacker.ts
        restrictedExits: (cfg.outcome_groups ?? []).filter((g) => g.entry_group || g.filter).map((g) => g.id),
        ...(cfg.gender_share_of ? { genderShareOf: cfg.gender_share_of } : {}),
        positive: Object.fromEntries((cfg.survey?.questions ?? []).filter((q) => q.positive).map((q) => [q.id, q.positive!])),
      };
      const primary = primaryCells({ figures: ind.figures, truth }, k);
      assert.ok(primary.size > 0, 'the example has suppressed cells to protect');
      const intervals = attack({ figures: ind.figures, truth }, know);
      for (const [key, value] of primary) {
        const [lo, hi] = intervals.get(key)!;
        assert.ok(hi - lo >= k - 1e-6, `${slug}: ${key} (true value ${value}) lies in [${lo}, ${hi}]`);
      }
      // The τ-ARGUS minimum: no row (a unit across genders) or column (a gender across units, the
      // total included) of any table holds exactly one suppressed cell.
      // (A line whose one hidden cell is secondary gives away only that cell, which rests on k or
      // more persons: wasteful, not a disclosure; the interval attack above covers the rest.)
      const lines = new Map<string, { hidden: boolean; primary: boolean }[]>();
      for (const f of ind.figures.filter((x) => ['count', 'share', 'mean', 'sum'].includes(x.kind))) {
        for (const line of [`row ${f.id} ${f.category ?? ''} ${f.unit}`, `column ${f.id} ${f.category ?? ''} ${f.gender}`]) lines.set(line, [...(lines.get(line) ?? []), { hidden: f.suppressed, primary: f.suppression === 'primary' }]);
      }
      for (const [line, cells] of lines) {
        const hidden = cells.filter((c) => c.hidden);
        if (cells.length > 1 && hidden.length === 1) assert.ok(!hidden[0]!.primary, `${slug}: ${line} has a single suppressed cell, a primary one`);
      }
      // The CSV downloads hide exactly what indicators.json hides.
      const csv = figureCsv(ind.figures, ind.report.language).trim().split('\r\n').slice(1).map((l) => l.split(';'));
      ind.figures.forEach((f, i) => {
        const row = csv[i]!;
        assert.equal(row[11] !== '', f.suppressed, `${f.id} ${f.unit} ${f.gender}: suppressed mark in the CSV`);
        if (f.suppressed) assert.deepEqual([row[5], row[6]], ['', ''], `${f.id} ${f.unit} ${f.gender}: no value in the CSV`);
      });
    });
  }
});
