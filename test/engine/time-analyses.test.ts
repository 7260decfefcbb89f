// Time series, crosstabs, durations and date filters (issue 18, items 1, 3 and 4): every figure
// recomputed here independently from a small seeded fixture, by direct filtering of the
// participants (no engine helper), and the publication gate checked against an attacker who
// knows how the new tables add up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jStat from 'jstat';
import { configSchema, type Config } from '../../scripts/config/schema.ts';
import type { Dataset, Participant } from '../../scripts/config/contract.ts';
import { computeIndicators } from '../../scripts/engine/compute.ts';
import { periodsBetween } from '../../scripts/engine/series.ts';
import { quantile } from '../../scripts/engine/emit.ts';
import type { Figure } from '../../scripts/publish/indicators-schema.ts';
import { attack, primaryCells, type Published } from '../helpers/attacker.ts';
import { ActivityTable, type TableDataset } from '../../scripts/engine/activity-table.ts';

const UNITS = ['A', 'B'];

function config(extra: Record<string, unknown> = {}): Config {
  return configSchema.parse({
    title: 'T', commissioner: 'C', evaluator: 'E', authors: ['A'], date: '2025-01-01',
    period: { from: '2024-01-01', to: '2024-12-31' },
    units: { level: 'Enhet', items: UNITS.map((name) => ({ name })) },
    tables: { participants: { file: 'p.csv' } },
    // No suppression: every value is compared (the gate has its own tests below).
    disclosure: { min_count: 1, secondary: false },
    outcome_groups: [{ id: 'work', label: 'Arbete', codes: ['employed'] }],
    entry_groups: [{ id: 'young', label: 'Under 25 år', column: 'age_at_entry', max: 24 }],
    distributions: [
      { id: 'entry.age', label: 'Ålder', column: 'age_at_entry', bands: [{ id: 'under_25', label: 'Under 25', max: 24 }, { id: '25_plus', label: '25 eller äldre', min: 25 }] },
      { id: 'entry.education', label: 'Utbildning', column: 'education', categories: { primary: 'Grundskola', secondary: 'Gymnasium', tertiary: 'Eftergymnasial' } },
    ],
    ...extra,
  });
}

/** A seeded linear congruential generator: the same fixture every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const iso = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

function people(n: number, seed = 7): Participant[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const entryDay = Math.floor(r() * 360);
    const stays = r() < 0.8;
    const exitDay = entryDay + 5 + Math.floor(r() * 300);
    const exitDate = stays && exitDay < 540 ? iso(exitDay) : null;
    const status: Participant['exitStatus'] = exitDate === null ? [] : r() < 0.4 ? ['employed'] : ['job_seeking'];
    return {
      id: `P${i}`, unit: UNITS[Math.floor(r() * 2)]!, gender: r() < 0.5 ? 'woman' : 'man', birthYear: 1990, ageAtEntry: 18 + Math.floor(r() * 20),
      education: (['primary', 'secondary', 'tertiary'] as const)[Math.floor(r() * 3)]!, entryDate: iso(entryDay), exitDate,
      referral: null, incomeAtEntry: null, monthsWithoutWork: null, exitReason: null, exitStatus: status,
    };
  });
}
const data = (participants: Participant[]): TableDataset => ({ participants, activities: new ActivityTable(), followups: [], survey: [], costs: [] });

const cellsOf = (ps: Participant[]) =>
  ['total', ...UNITS].flatMap((unit) => (['all', 'woman', 'man'] as const).map((gender) => ({ unit, gender, ps: ps.filter((p) => (unit === 'total' || p.unit === unit) && (gender === 'all' || p.gender === gender)) })));
const find = (figs: Figure[], id: string, unit: string, gender: string, category?: string) => figs.find((f) => f.id === id && f.unit === unit && f.gender === gender && f.category === category);
const months = (p: Participant) => (Date.parse(p.exitDate!) - Date.parse(p.entryDate)) / 86_400_000 / (365.25 / 12);

describe('time series', () => {
  const ps = people(240);
  const cfg = config({ series: [{ id: 'flow', label: 'Deltagare', interval: 'month' }, { id: 'q', label: 'Deltagare', interval: 'quarter', to: '2025-06-30' }] });
  const { figures } = computeIndicators(cfg, data(ps));

  it('has inflow, outflow and the number enrolled at the end of every month of the period, per unit and gender', () => {
    let compared = 0;
    for (let m = 1; m <= 12; m++) {
      const key = `2024-${String(m).padStart(2, '0')}`;
      const end = new Date(Date.UTC(2024, m, 0)).toISOString().slice(0, 10);
      for (const c of cellsOf(ps)) {
        const inflow = c.ps.filter((p) => p.entryDate.startsWith(key)).length;
        const outflow = c.ps.filter((p) => p.exitDate?.startsWith(key)).length;
        const stock = c.ps.filter((p) => p.entryDate <= end && (p.exitDate === null || p.exitDate > end)).length;
        assert.equal(find(figures, 'series.flow.inflow', c.unit, c.gender, key)?.value, inflow, `inflow ${key} ${c.unit} ${c.gender}`);
        assert.equal(find(figures, 'series.flow.outflow', c.unit, c.gender, key)?.value, outflow, `outflow ${key} ${c.unit} ${c.gender}`);
        assert.equal(find(figures, 'series.flow.enrolled', c.unit, c.gender, key)?.value, stock, `enrolled ${key} ${c.unit} ${c.gender}`);
        compared += 3;
      }
    }
    assert.equal(compared, 12 * 9 * 3);
    assert.equal(find(figures, 'series.flow.inflow', 'total', 'all', '2024-03')!.category_label, 'mars 2024');
  });

  it('quarters run over the range given, past the report period (exits in 2025)', () => {
    const keys = [...new Set(figures.filter((f) => f.id === 'series.q.outflow').map((f) => f.category))];
    assert.deepEqual(keys, ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    const q1 = ps.filter((p) => p.exitDate !== null && p.exitDate >= '2025-01-01' && p.exitDate <= '2025-03-31').length;
    assert.equal(find(figures, 'series.q.outflow', 'total', 'all', '2025-Q1')!.value, q1);
    assert.ok(q1 > 0, 'the fixture has exits in 2025');
  });

  it('periods are whole calendar periods, leap day included', () => {
    assert.deepEqual(periodsBetween('2024-02-10', '2024-03-01', 'month').map((p) => [p.key, p.from, p.to]), [['2024-02', '2024-02-01', '2024-02-29'], ['2024-03', '2024-03-01', '2024-03-31']]);
    assert.deepEqual(periodsBetween('2023-11-15', '2024-01-01', 'quarter').map((p) => p.key), ['2023-Q4', '2024-Q1']);
    assert.deepEqual(periodsBetween('2023-11-15', '2025-01-01', 'year').map((p) => `${p.from}/${p.to}`), ['2023-01-01/2023-12-31', '2024-01-01/2024-12-31', '2025-01-01/2025-12-31']);
  });
});

describe('crosstabs', () => {
  const ps = people(300, 11);
  const exited = ps.filter((p) => p.exitDate !== null);
  const cfg = config({
    crosstabs: [
      { id: 'work_by_age', label: 'Arbete efter ålder', outcome: 'work', by: 'entry.age' },
      { id: 'work_by_young', label: 'Arbete, unga', outcome: 'work', by_entry_group: 'young' },
      { id: 'work_by_cohort', label: 'Arbete efter inskrivningskvartal', outcome: 'work', by_cohort: 'quarter' },
      { id: 'education_by_age', label: 'Utbildning efter ålder', distribution: 'entry.education', by: 'entry.age' },
    ],
  });
  const { figures } = computeIndicators(cfg, data(ps));
  const share = (xs: Participant[], pred: (p: Participant) => boolean) => ({ num: xs.filter(pred).length, den: xs.length });
  const check = (id: string, rowOf: (p: Participant) => boolean, category?: string, pred: (p: Participant) => boolean = (p) => p.exitStatus.includes('employed'), pop = exited) => {
    for (const c of cellsOf(pop)) {
      const want = share(c.ps.filter(rowOf), pred);
      const f = find(figures, id, c.unit, c.gender, category);
      if (want.den === 0) {
        assert.equal(f, undefined, `${id} ${c.unit} ${c.gender}: no share of nobody`);
        continue;
      }
      assert.ok(f, `${id} ${c.unit} ${c.gender} ${category ?? ''}`);
      assert.deepEqual([f.numerator, f.denominator, f.value], [want.num, want.den, Math.round((want.num / want.den) * 1e6) / 1e6], `${id} ${c.unit} ${c.gender} ${category ?? ''}`);
    }
  };

  it('an outcome group by the bands of a distribution: one share per band, of the exited in it', () => {
    check('crosstab.work_by_age.under_25', (p) => p.ageAtEntry! <= 24);
    check('crosstab.work_by_age.25_plus', (p) => p.ageAtEntry! >= 25);
  });

  it('an outcome group by an entry group against the others', () => {
    check('crosstab.work_by_young.young', (p) => p.ageAtEntry! <= 24);
    check('crosstab.work_by_young.others', (p) => p.ageAtEntry! > 24);
    assert.equal(find(figures, 'crosstab.work_by_young.others', 'total', 'all')!.label, 'Arbete, unga: Övriga');
  });

  it('an outcome group by cohort (quarter of entry): each row only those who entered then', () => {
    const quarter = (q: number) => (p: Participant) => Math.ceil(Number(p.entryDate.slice(5, 7)) / 3) === q;
    for (const q of [1, 2, 3, 4]) check(`crosstab.work_by_cohort.2024_q${q}`, quarter(q));
  });

  it('a distribution by a distribution: the categories within each row add up to the row', () => {
    for (const [row, inRow] of [['under_25', (p: Participant) => p.ageAtEntry! <= 24], ['25_plus', (p: Participant) => p.ageAtEntry! >= 25]] as const)
      for (const cat of ['primary', 'secondary', 'tertiary'] as const) check(`crosstab.education_by_age.${row}`, inRow, cat, (p) => p.education === cat, ps);
  });

  it('the rows add up to the outcome figure (the sums the gate is told about)', () => {
    const parts = ['under_25', '25_plus'].map((r) => find(figures, `crosstab.work_by_age.${r}`, 'total', 'all')!);
    const whole = find(figures, 'exit.work', 'total', 'all')!;
    assert.equal(parts[0]!.numerator! + parts[1]!.numerator!, whole.numerator);
    assert.equal(parts[0]!.denominator! + parts[1]!.denominator!, whole.denominator);
  });
});

describe('durations', () => {
  const ps = people(200, 5);
  const cfg = config({
    durations: [
      { id: 'enrolled', label: 'Tid i projektet', bands: [{ id: 'under_3', label: 'Under 3 månader', max: 3 }, { id: '3_to_6', label: '3–6 månader', min: 3, max: 6 }, { id: '6_plus', label: '6 månader eller mer', min: 6 }] },
      { id: 'to_work', label: 'Tid till arbete', outcome: 'work' },
      { id: 'exits_2025', label: 'Tid i projektet, avslutade 2025', filter: { exit: { from: '2025-01-01', to: '2025-12-31' } } },
    ],
  });
  const { figures } = computeIndicators(cfg, data(ps));
  // jStat's percentile (not in the project's jstat typings, which cover what scripts/ use).
  const pct = (xs: number[], p: number) => (jStat as unknown as { percentile: (xs: number[], p: number, exclusive: boolean) => number }).percentile(xs, p, false);

  it('median and quartiles of months enrolled, per unit and gender, agree with jStat (Excel PERCENTILE.INC)', () => {
    for (const c of cellsOf(ps.filter((p) => p.exitDate !== null))) {
      const xs = c.ps.map(months);
      for (const [q, p] of [['q1', 0.25], ['median', 0.5], ['q3', 0.75]] as const) {
        const f = find(figures, `duration.enrolled.${q}`, c.unit, c.gender)!;
        assert.equal(f.kind, 'quantile');
        assert.equal(f.n, xs.length);
        assert.ok(Math.abs(f.value! - pct(xs, p)) < 1e-5, `${q} ${c.unit} ${c.gender}: ${f.value} vs ${pct(xs, p)}`);
      }
    }
  });

  it('bands of months: min inclusive, max exclusive, shares of the exited', () => {
    const xs = ps.filter((p) => p.exitDate !== null).map(months);
    const want = [xs.filter((x) => x < 3).length, xs.filter((x) => x >= 3 && x < 6).length, xs.filter((x) => x >= 6).length];
    assert.deepEqual(['under_3', '3_to_6', '6_plus'].map((b) => find(figures, 'duration.enrolled.bands', 'total', 'all', b)!.numerator), want);
    assert.equal(find(figures, 'duration.enrolled.bands', 'total', 'all', 'under_3')!.denominator, xs.length);
  });

  it('time from entry to an outcome: only those who exited with it', () => {
    const xs = ps.filter((p) => p.exitStatus.includes('employed')).map(months);
    const f = find(figures, 'duration.to_work.median', 'total', 'all')!;
    assert.equal(f.n, xs.length);
    assert.ok(Math.abs(f.value! - pct(xs, 0.5)) < 1e-5);
  });

  it('a date filter: only exits during 2025', () => {
    const xs = ps.filter((p) => p.exitDate !== null && p.exitDate >= '2025-01-01').map(months);
    assert.ok(xs.length > 0);
    assert.equal(find(figures, 'duration.exits_2025.median', 'total', 'all')!.n, xs.length);
    assert.ok(Math.abs(find(figures, 'duration.exits_2025.q3', 'total', 'all')!.value! - pct(xs, 0.75)) < 1e-5);
  });

  it('type 7 quantiles by hand: 1, 2, 3, 4 → 1.75, 2.5, 3.25; one value is every quantile', () => {
    assert.deepEqual([0.25, 0.5, 0.75].map((p) => quantile([4, 1, 3, 2], p)), [1.75, 2.5, 3.25]);
    assert.deepEqual([0.25, 0.5, 0.75].map((p) => quantile([7], p)), [7, 7, 7]);
  });
});

describe('date filters on outcome groups, entry groups and distributions', () => {
  const ps = people(260, 3);
  const during2025 = { exit: { from: '2025-01-01', to: '2025-12-31' } };
  const cfg = config({
    outcome_groups: [{ id: 'work', label: 'Arbete', codes: ['employed'] }, { id: 'work_2025', label: 'Arbete, avslutade 2025', codes: ['employed'], filter: during2025 }],
    entry_groups: [{ id: 'young_h1', label: 'Unga inskrivna första halvåret', column: 'age_at_entry', max: 24, filter: { entry: { to: '2024-06-30' } } }],
    distributions: [{ id: 'entry.education', label: 'Utbildning', column: 'education', categories: { primary: 'G', secondary: 'Gy', tertiary: 'E' }, filter: { entry: { from: '2024-07-01' } } }],
  });
  const { figures } = computeIndicators(cfg, data(ps));

  it('filters every cell to the dates given', () => {
    for (const c of cellsOf(ps)) {
      const exits2025 = c.ps.filter((p) => p.exitDate !== null && p.exitDate >= '2025-01-01' && p.exitDate <= '2025-12-31');
      const f = find(figures, 'exit.work_2025', c.unit, c.gender);
      assert.deepEqual([f?.numerator, f?.denominator], [exits2025.filter((p) => p.exitStatus.includes('employed')).length, exits2025.length], `exit.work_2025 ${c.unit} ${c.gender}`);
      const h1 = c.ps.filter((p) => p.entryDate <= '2024-06-30');
      const g = find(figures, 'entry.young_h1', c.unit, c.gender);
      assert.deepEqual([g?.numerator, g?.denominator], [h1.filter((p) => p.ageAtEntry! <= 24).length, h1.length]);
      const h2 = c.ps.filter((p) => p.entryDate >= '2024-07-01');
      const d = find(figures, 'entry.education', c.unit, c.gender, 'tertiary');
      assert.deepEqual([d?.numerator, d?.denominator], [h2.filter((p) => p.education === 'tertiary').length, h2.length]);
    }
  });
});

// ---- the publication gate ------------------------------------------------------------------

/** Hidden counts (1 … k−1) whose interval, for an attacker who also knows the given sums, is narrower than k. */
function exposed(figures: Published, k: number, sums: Array<Array<[string, number]>>): string[] {
  const iv = attack(figures, { hasUnreported: false, linked: sums });
  return [...primaryCells(figures, k)].filter(([key]) => {
    const i = iv.get(key);
    return !i || i[1] - i[0] < k - 1e-6;
  }).map(([key, v]) => `${key} = ${v} in [${iv.get(key)}]`);
}

describe('the gate protects the new tables', () => {
  const k = 5;
  const ps = people(150, 23);
  const months = periodsBetween('2024-01-01', '2024-12-31', 'quarter').map((p) => p.key);
  // What the attacker knows of a series: stock = last stock + inflow − outflow; Σ inflow = enrolled; Σ outflow = exited.
  const seriesSums: Array<Array<[string, number]>> = [
    ...months.map((m, j): Array<[string, number]> => [[`c:series.s.enrolled:${m}`, 1], ...(j > 0 ? [[`c:series.s.enrolled:${months[j - 1]}`, -1] as [string, number]] : []), [`c:series.s.inflow:${m}`, -1], [`c:series.s.outflow:${m}`, 1]]),
    [['c:participants.enrolled:', 1], ...months.map((m): [string, number] => [`c:series.s.inflow:${m}`, -1])],
  ];
  // Everyone entered in 2024, so the inflows add up to the enrolled exactly; exits run into 2025.
  const series = { series: [{ id: 's', label: 'S', interval: 'quarter' }] };

  it('a quarterly series: the attacker narrows a small cell without secondary suppression, never with it', () => {
    const open = computeIndicators(config({ ...series, disclosure: { min_count: k, secondary: false } }), data(ps));
    assert.ok(exposed(open, k, seriesSums).length > 0, 'primary suppression alone leaves a small cell of the series recoverable');
    const safe = computeIndicators(config({ ...series, disclosure: { min_count: k } }), data(ps));
    assert.deepEqual(exposed(safe, k, seriesSums), []);
  });

  it('a crosstab: rows adding up to the outcome figure are protected together with it', () => {
    const ct = { crosstabs: [{ id: 'x', label: 'X', outcome: 'work', by: 'entry.age' }] };
    const sums: Array<Array<[string, number]>> = [
      [['num:exit.work:', 1], ['num:crosstab.x.under_25:', -1], ['num:crosstab.x.25_plus:', -1]],
      [['den:exit.work:', 1], ['den:crosstab.x.under_25:', -1], ['den:crosstab.x.25_plus:', -1]],
    ];
    const open = computeIndicators(config({ ...ct, disclosure: { min_count: k, secondary: false } }), data(ps));
    assert.ok(exposed(open, k, sums).length > 0, 'primary suppression alone leaves a small crosstab cell recoverable');
    const safe = computeIndicators(config({ ...ct, disclosure: { min_count: k } }), data(ps));
    assert.deepEqual(exposed(safe, k, sums), []);
  });

  it('a date filter: the exits left out of a filtered base are never given away by exited − base', () => {
    const cfg = (secondary: boolean) => config({ outcome_groups: [{ id: 'work_2025', label: 'Arbete 2025', codes: ['employed'], filter: { exit: { from: '2025-01-01' } } }], disclosure: { min_count: k, secondary } });
    const gaps = (figs: Figure[]) => {
      const out: string[] = [];
      for (const f of figs.filter((x) => x.id === 'participants.exited' && x.value !== null)) {
        const base = find(figs, 'exit.work_2025', f.unit, f.gender)?.denominator ?? 0;
        const rest = f.value! - base;
        if (base > 0 && rest > 0 && rest < k) out.push(`${f.unit} ${f.gender}: ${rest}`);
      }
      return out;
    };
    // Unit A: two women exited in 2024, all others in 2025.
    let n = 0;
    const one = (unit: string, gender: 'woman' | 'man', exitDate: string): Participant => ({ id: `F${n++}`, unit, gender, birthYear: 1990, ageAtEntry: 30, education: null, entryDate: '2024-03-01', exitDate, referral: null, incomeAtEntry: null, monthsWithoutWork: null, exitReason: null, exitStatus: n % 3 ? ['employed'] : ['job_seeking'] });
    const fixture = [
      ...Array.from({ length: 2 }, () => one('A', 'woman', '2024-10-01')), ...Array.from({ length: 20 }, () => one('A', 'woman', '2025-02-01')), ...Array.from({ length: 20 }, () => one('A', 'man', '2025-02-01')),
      ...(['woman', 'man'] as const).flatMap((g) => [...Array.from({ length: 10 }, () => one('B', g, '2024-10-01')), ...Array.from({ length: 15 }, () => one('B', g, '2025-03-01'))]),
    ];
    assert.ok(gaps(computeIndicators(cfg(false), data(fixture)).figures).length > 0, 'the fixture has a cell with fewer than k exits before 2025');
    assert.deepEqual(gaps(computeIndicators(cfg(true), data(fixture)).figures), []);
  });

  it('a quantile rests on at least k persons, or is hidden', () => {
    const figs = computeIndicators(config({ durations: [{ id: 'd', label: 'D' }], disclosure: { min_count: k } }), data(ps.slice(0, 40))).figures;
    for (const f of figs.filter((x) => x.kind === 'quantile')) assert.ok(f.value === null || f.n! >= k, `${f.id} ${f.unit} ${f.gender}`);
    assert.ok(figs.some((f) => f.kind === 'quantile' && f.suppressed));
  });
});
