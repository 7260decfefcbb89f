// The attacker of the disclosure tests: sees only what a report publishes and knows how its
// tables fit together, and computes by linear programming the interval each hidden count can lie
// in (as τ-ARGUS and sdcTable audit a suppression pattern). Written apart from
// scripts/engine/secondary.ts on purpose: it shares only the LP wrapper.
import type { Figure } from '../../scripts/publish/indicators-schema.ts';
import { feasibleIntervals, type Equation } from '../../scripts/engine/intervals.ts';
import type { Computed } from '../../scripts/engine/compute.ts';

/** What the attack reads: the published figures, and (for the worst case and the test's oracle) the values behind them. */
export type Published = Pick<Computed, 'figures' | 'truth'>;

export interface Knowledge {
  /** Some units are not reported but counted in the total. */
  hasUnreported: boolean;
  /**
   * The worst case: the attacker knows exactly how many of each total come from the units that
   * are not reported (taken from the true values). Otherwise only that they are ≥ 0.
   */
  residualsKnown?: boolean;
  /** Which table the share of women is of. */
  genderShareOf?: 'enrolled' | 'exited';
  /** Outcome groups counted only within an entry group: their base is not the exited count. */
  restrictedExits?: string[];
  /** Share figure id → the count figure its denominators equal, cell by cell (the ESF+ indicators' bases). */
  bases?: Record<string, string>;
  /** Survey question id → answers counted as positive. */
  positive?: Record<string, string[]>;
  /**
   * Further sums the attacker knows, in every (unit, gender) cell: Σ coef · cell of these tables
   * (this file's names: c:<id>:<category>, num:…, den:…) equals its true value (a time series'
   * stocks and flows, a crosstab's rows adding up to the outcome).
   */
  linked?: Array<Array<[table: string, coef: number]>>;
}

const key = (table: string, unit: string, gender: string) => `${table}|${unit}|${gender}`;

/** Counts of one figure: its table names and published value (undefined when hidden). */
function countCells(f: Figure, truth: Published['truth']): Array<{ table: string; value: number | undefined; truth: number | undefined }> {
  const cat = f.category ?? '';
  const t = truth.get(f) ?? {};
  if (f.kind === 'count') return [{ table: `c:${f.id}:${cat}`, value: f.value ?? undefined, truth: t.value }];
  if (f.kind === 'share') return [{ table: `num:${f.id}:${cat}`, value: f.numerator ?? undefined, truth: t.num }, { table: `den:${f.id}:${cat}`, value: f.denominator, truth: t.den }];
  if (f.kind === 'mean' || f.kind === 'sum') return [{ table: `n:${f.id.replace(/_(mean|sum)$/, '')}`, value: f.n, truth: t.n }];
  if (f.kind === 'quantile') return [{ table: `n:${f.id}`, value: f.n, truth: t.n }];
  return [];
}

/** Interval of every hidden count cell, by `table|unit|gender`. */
export function attack({ figures, truth: truthOf }: Published, know: Knowledge): Map<string, [number, number]> {
  const value = new Map<string, number | undefined>();
  const truth = new Map<string, number>();
  const tables = new Map<string, { units: string[]; genders: string[] }>();
  for (const f of figures)
    for (const { table, value: v, truth: tv } of countCells(f, truthOf)) {
      const k = key(table, f.unit, f.gender);
      if (tv !== undefined) truth.set(k, tv);
      value.set(k, value.has(k) && value.get(k) !== undefined ? value.get(k) : v);
      const t = tables.get(table) ?? { units: [], genders: [] };
      tables.set(table, t);
      if (!t.units.includes(f.unit)) t.units.push(f.unit);
      if (!t.genders.includes(f.gender)) t.genders.push(f.gender);
    }
  // What the attacker knows to be the same number: union-find over cells.
  const parent = new Map<string, string>();
  const find = (x: string): string => (parent.has(x) ? find(parent.get(x)!) : x);
  const same = (a: string, b: string) => {
    if (!value.has(a) || !value.has(b)) return;
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra, rb);
  };
  const exited = tables.get('c:participants.exited:');
  for (const [name, t] of tables) {
    for (const u of t.units)
      for (const g of t.genders) {
        if (name.startsWith('den:exit.') && exited && !know.restrictedExits?.includes(name.split(':')[1]!.slice('exit.'.length)))
          same(key(name, u, g), key('c:participants.exited:', u, g));
        const [, id, cat] = name.split(':');
        const base = name.startsWith('den:') ? know.bases?.[id!] : undefined;
        if (base) same(key(name, u, g), key(`c:${base}:`, u, g));
        if (name.startsWith('den:') && cat) for (const other of tables.keys()) if (other.startsWith(`den:${id}:`)) same(key(name, u, g), key(other, u, g));
      }
  }
  const base = `c:participants.${know.genderShareOf ?? 'enrolled'}:`;
  for (const u of tables.get('num:participants.women:')?.units ?? []) {
    same(key('num:participants.women:', u, 'all'), key(base, u, 'woman'));
    same(key('den:participants.women:', u, 'all'), key(base, u, 'all'));
  }
  const known = new Map<string, number>();
  for (const [k, v] of value) if (v !== undefined) known.set(find(k), v);

  const equations: Equation[] = [];
  let slack = 0;
  const relate = (total: string, parts: string[], rest = false) => {
    // No part published: a breakdown the configuration leaves out (units for all genders only),
    // which tells the attacker nothing, as the gate also reads it.
    if (!parts.some((p) => value.has(p))) return;
    const terms = new Map<string, number>();
    let rhs = 0;
    const term = (k: string, c: number) => {
      if (!value.has(k)) return; // never published: a zero (shares with an empty base are left out)
      const cls = find(k);
      if (known.has(cls)) rhs -= c * known.get(cls)!;
      else terms.set(cls, (terms.get(cls) ?? 0) + c);
    };
    term(total, 1);
    for (const p of parts) term(p, -1);
    if (rest && know.residualsKnown) rhs += (truth.get(total) ?? 0) - parts.reduce((s, p) => s + (truth.get(p) ?? 0), 0);
    else if (rest) terms.set(`slack${slack++}`, -1);
    if ([...terms.values()].some((c) => c !== 0)) equations.push({ terms, rhs });
  };
  for (const [name, t] of tables) {
    const genders = t.genders.filter((g) => g !== 'all');
    const units = t.units.filter((u) => u !== 'total');
    if (t.genders.includes('all') && genders.length > 0) for (const u of t.units) relate(key(name, u, 'all'), genders.map((g) => key(name, u, g)));
    if (t.units.includes('total') && units.length > 0) for (const g of t.genders) relate(key(name, 'total', g), units.map((u) => key(name, u, g)), know.hasUnreported);
    const [kind, id, cat] = name.split(':');
    if (kind === 'den' && cat) {
      const nums = [...tables.keys()].filter((n) => n.startsWith(`num:${id}:`) && n !== `num:${id}:`);
      if (name === `den:${id}:${nums[0]!.split(':')[2]}`) for (const u of t.units) for (const g of t.genders) relate(key(name, u, g), nums.map((n) => key(n, u, g)));
    }
  }
  if (exited) for (const u of exited.units) for (const g of exited.genders) relate(key('c:participants.enrolled:', u, g), [key('c:participants.exited:', u, g), key('c:participants.still_enrolled:', u, g)]);
  for (const sum of know.linked ?? []) {
    const first = tables.get(sum[0]![0]);
    for (const u of first?.units ?? [])
      for (const g of first!.genders) {
        const cells = sum.map(([table, coef]) => [key(table, u, g), coef] as const);
        if (cells.some(([k]) => !value.has(k))) continue;
        const terms = new Map<string, number>();
        let rhs = cells.reduce((s, [k, c]) => s + c * (truth.get(k) ?? 0), 0);
        for (const [k, c] of cells) {
          const cls = find(k);
          if (known.has(cls)) rhs -= c * known.get(cls)!;
          else terms.set(cls, (terms.get(cls) ?? 0) + c);
        }
        if ([...terms.values()].some((c) => c !== 0)) equations.push({ terms, rhs });
      }
  }
  for (const [q, answers] of Object.entries(know.positive ?? {})) relate(key(`num:survey.${q}.positive:`, 'total', 'all'), answers.map((a) => key(`num:survey.${q}:${a}`, 'total', 'all')));

  const hidden = [...value.keys()].filter((k) => !known.has(find(k)));
  const intervals = feasibleIntervals(equations, new Set(hidden.map(find)));
  return new Map(hidden.map((k) => [k, intervals.get(find(k))!]));
}

/** The hidden counts that primary suppression hid (1 … k−1), by the same keys, with their value. */
export function primaryCells({ figures, truth }: Published, k: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of figures) {
    const t = truth.get(f);
    if (!t) continue;
    const cat = f.category ?? '';
    const check = (table: string, v: number | undefined, hidden: boolean) => {
      if (hidden && v !== undefined && v > 0 && v < k) out.set(key(table, f.unit, f.gender), v);
    };
    if (f.kind === 'count') check(`c:${f.id}:${cat}`, t.value, f.value === null);
    if (f.kind === 'share') (check(`num:${f.id}:${cat}`, t.num, f.numerator === null), check(`den:${f.id}:${cat}`, t.den, f.denominator === undefined));
    if (f.kind === 'mean' || f.kind === 'sum') check(`n:${f.id.replace(/_(mean|sum)$/, '')}`, t.n, f.n === undefined);
  }
  return out;
}
