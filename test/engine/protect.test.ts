// Choosing secondary cells (scripts/engine/protect.ts) on hand-made tables whose optimum is
// known, and on a project with a handful of non-binary participants: protected (every primary
// cell's feasibility interval at least k wide, computed independently by linear programming)
// and no more hidden than needed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema } from '../../scripts/config/schema.ts';
import type { Participant } from '../../scripts/config/contract.ts';
import { computeIndicators } from '../../scripts/engine/compute.ts';
import { feasibleIntervals, type Equation } from '../../scripts/engine/intervals.ts';
import { protect, type ProtectionProblem, type Relation } from '../../scripts/engine/protect.ts';
import { ActivityTable } from '../../scripts/engine/activity-table.ts';

/** A two-way table rows × columns with row totals, column totals and the grand total, as classes. */
function twoWay(values: number[][], k: number, cost = (r: number, c: number, total: boolean) => (total ? 10 : 1)) {
  const R = values.length;
  const C = values[0]!.length;
  const idx = (r: number, c: number) => r * (C + 1) + c; // column C is the row total, row R the column totals
  const n = (R + 1) * (C + 1);
  const value = new Array<number>(n).fill(0);
  values.forEach((row, r) => row.forEach((v, c) => (value[idx(r, c)] = v)));
  for (let r = 0; r < R; r++) value[idx(r, C)] = values[r]!.reduce((s, v) => s + v, 0);
  for (let c = 0; c <= C; c++) value[idx(R, c)] = Array.from({ length: R }, (_, r) => value[idx(r, c)]!).reduce((s, v) => s + v, 0);
  const relations: Relation[] = [];
  for (let r = 0; r <= R; r++) relations.push({ terms: [[idx(r, C), 1], ...Array.from({ length: C }, (_, c) => [idx(r, c), -1] as [number, number])], constant: 0 });
  for (let c = 0; c <= C; c++) relations.push({ terms: [[idx(R, c), 1], ...Array.from({ length: R }, (_, r) => [idx(r, c), -1] as [number, number])], constant: 0 });
  const need = value.map((v, i) => (Math.floor(i / (C + 1)) < R && i % (C + 1) < C && v > 0 && v < k ? k : 0));
  const costs = value.map((_, i) => cost(Math.floor(i / (C + 1)), i % (C + 1), Math.floor(i / (C + 1)) === R || i % (C + 1) === C));
  const problem: ProtectionProblem = { value, cost: costs, need, hidden: Uint8Array.from(need, (x) => (x > 0 ? 1 : 0)), relations };
  return { problem, idx };
}

/** The attacker: each primary cell's interval given every published cell and equation. */
function widths(problem: ProtectionProblem, hidden: Uint8Array): number[] {
  const equations: Equation[] = problem.relations.map((r) => {
    const terms = new Map<string, number>();
    let rhs = r.constant;
    for (const [c, k] of r.terms) hidden[c] ? terms.set(`x${c}`, (terms.get(`x${c}`) ?? 0) + k) : (rhs -= k * problem.value[c]!);
    return { terms, rhs };
  }).filter((e) => e.terms.size > 0);
  const primaries = [...Array(problem.value.length).keys()].filter((c) => problem.need[c]! > 0);
  const iv = feasibleIntervals(equations, primaries.map((c) => `x${c}`));
  return primaries.map((c) => iv.get(`x${c}`)![1] - iv.get(`x${c}`)![0]);
}

const count = (a: Uint8Array) => a.reduce((s, v) => s + v, 0);

/** Whether some set of `size` non-primary cells protects every primary cell (brute force). */
function protectableWith(problem: ProtectionProblem, size: number, k: number): boolean {
  const free = [...Array(problem.value.length).keys()].filter((c) => !problem.hidden[c]);
  const pick = (from: number, left: number, chosen: number[]): boolean => {
    if (left === 0) {
      const hidden = Uint8Array.from(problem.hidden);
      for (const c of chosen) hidden[c] = 1;
      return widths(problem, hidden).every((w) => w >= k - 1e-9);
    }
    for (let i = from; i <= free.length - left; i++) if (pick(i + 1, left - 1, [...chosen, free[i]!])) return true;
    return false;
  };
  return pick(0, size, []);
}

describe('protect: the cheapest pattern on tables with a known optimum', () => {
  it('4 regions × 2 genders with totals and one primary cell: 3 secondary cells, as sdcTable OPT finds', () => {
    const { problem, idx } = twoWay([[10, 15], [20, 3], [12, 18], [25, 30]], 5);
    const r = protect(problem);
    assert.equal(count(r.hidden) - 1, 3);
    assert.equal(protectableWith(problem, 2, 5), false);
    for (const w of widths(problem, r.hidden)) assert.ok(w >= 5, `interval ${w}`);
    // A rectangle of inner cells, no total: the cheapest.
    for (let row = 0; row <= 4; row++) assert.equal(r.hidden[idx(row, 2)], 0, 'no row total hidden');
    for (let c = 0; c <= 2; c++) assert.equal(r.hidden[idx(4, c)], 0, 'no column total hidden');
  });

  it('three primary cells in a 3 × 3 table: as few secondary cells as brute force finds', () => {
    const { problem } = twoWay([[2, 30, 40], [3, 1, 50], [40, 44, 60]], 5);
    const r = protect(problem);
    for (const w of widths(problem, r.hidden)) assert.ok(w >= 5, `interval ${w}`);
    const secondary = count(r.hidden) - 3;
    assert.ok(secondary <= 3, `${secondary} secondary cells`);
    assert.equal(protectableWith(problem, secondary - 1, 5), false, `${secondary - 1} cells would do`);
  });

  it('a unit of 4 that is the total minus the others is hidden with another unit', () => {
    // One column (all genders), three units and the total: total = a + b + c.
    const value = [50, 30, 4, 84];
    const relations: Relation[] = [{ terms: [[3, 1], [0, -1], [1, -1], [2, -1]], constant: 0 }];
    const problem: ProtectionProblem = { value, cost: [1, 1, 1, 10], need: [0, 0, 5, 0], hidden: Uint8Array.from([0, 0, 1, 0]), relations };
    const r = protect(problem);
    assert.equal(r.hidden[3], 0, 'not the total');
    assert.equal(count(r.hidden), 2, 'one other unit');
    for (const w of widths(problem, r.hidden)) assert.ok(w >= 5);
  });

  it('a unit not reported separately: its part is known to the attacker, so it protects nothing', () => {
    // total = a + b + (unreported 7, a constant the attacker knows).
    const value = [40, 3, 50];
    const relations: Relation[] = [{ terms: [[2, 1], [0, -1], [1, -1]], constant: 7 }];
    const problem: ProtectionProblem = { value, cost: [1, 1, 10], need: [0, 5, 0], hidden: Uint8Array.from([0, 1, 0]), relations };
    const r = protect(problem);
    for (const w of widths(problem, r.hidden)) assert.ok(w >= 5);
    assert.equal(count(r.hidden), 2);
  });

  it('gives back a secondary cell the protection does not need', () => {
    const { problem } = twoWay([[1, 30, 40], [30, 30, 50], [40, 44, 60]], 5);
    const r = protect(problem);
    assert.equal(count(r.hidden), 4, 'one rectangle');
    for (const w of widths(problem, r.hidden)) assert.ok(w >= 5);
  });

  it('stops with an error after the given number of linear programs', () => {
    const { problem } = twoWay([[10, 15], [20, 3]], 5);
    assert.throws(() => protect(problem, { maxSolves: 0 }), /more than 0 linear programs/);
  });
});

describe('a handful of non-binary participants spread over units', () => {
  it('hides no figure for all genders by secondary suppression, and little else', () => {
    // 300 participants in four districts, seven of them non-binary (one to three per district);
    // every other cell of the tables is of ordinary size.
    let seq = 0;
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
    const units = ['Norr', 'Söder', 'Öster', 'Väster'];
    const other = [1, 2, 3, 1];
    const ps: Participant[] = [];
    units.forEach((u, ui) => {
      for (let i = 0; i < 75; i++) {
        const gender = i < other[ui]! ? 'other' : rnd() < 0.5 ? 'woman' : 'man';
        const exited = rnd() < 0.78;
        ps.push({ id: `P${++seq}`, unit: u, gender, birthYear: 1990, ageAtEntry: 18 + Math.floor(rnd() * 45), education: (['primary', 'secondary', 'tertiary'] as const)[Math.floor(rnd() * 3)]!, entryDate: '2020-02-01', exitDate: exited ? '2020-12-01' : null, referral: null, incomeAtEntry: null, monthsWithoutWork: null, exitReason: null, exitStatus: exited ? [rnd() < 0.36 ? 'employed' : 'job_seeking'] : [] });
      }
    });
    const config = configSchema.parse({
      title: 'T', commissioner: 'C', evaluator: 'E', authors: ['A'], date: '2022-01-01', period: { from: '2020-01-01', to: '2021-12-31' },
      units: { level: 'Stadsdel', items: units.map((name) => ({ name })) }, tables: { participants: { file: 'p.csv' } },
      outcome_groups: [{ id: 'employed', label: 'Arbete vid avslut', codes: ['employed'] }],
      entry_groups: [{ id: 'young', label: 'Under 25 år', column: 'age_at_entry', max: 24 }],
      distributions: [{ id: 'entry.education', label: 'Utbildning', column: 'education', categories: { primary: 'Förgymnasial', secondary: 'Gymnasial', tertiary: 'Eftergymnasial' } }],
    });
    const { figures } = computeIndicators(config, { participants: ps, activities: new ActivityTable(), followups: [], survey: [], costs: [] });
    const secondary = figures.filter((f) => f.suppression === 'secondary');
    assert.deepEqual(secondary.filter((f) => f.gender === 'all').map((f) => `${f.id} ${f.unit}`), []);
    for (const id of ['exit.employed', 'entry.young']) assert.notEqual(figures.find((f) => f.id === id && f.unit === 'total' && f.gender === 'all')!.value, null, `${id} total`);
    const primary = figures.filter((f) => f.suppression === 'primary').length;
    assert.ok(secondary.length <= 1.5 * primary, `${secondary.length} secondary for ${primary} primary`);
  });
});
