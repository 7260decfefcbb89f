// Secondary disclosure control. Primary suppression (emit.ts) hides every count below the
// threshold k and every share, mean or sum resting on one; this module hides further cells until
// no primary cell can be recovered, or narrowed to an interval narrower than k, from what the
// report publishes: the row, column and total margins of its own table, the same counts
// published again in another figure (a share's denominator is another table's count), and the
// sums that tie figures together (enrolled = exited + still enrolled; a distribution's
// categories add up to its base; a survey question's positive share adds up answers).
//
// The method is the one τ-ARGUS and sdcTable describe for linked tables: (1) every margin
// equation with a hidden cell has at least two (the "no singleton in a row or column" rule,
// totals included), then (2) an audit computes, by linear programming over all published cells,
// the feasibility interval of every primary cell; a cell whose interval is narrower than k (a
// count) or a single point (a sum of hours or months) gets one more cell of its equations
// hidden, and (1)–(2) repeat. Pure: figures in, the same figures with more of them suppressed.
import type { Config } from '../config/schema.ts';
import type { Figure } from '../publish/indicators-schema.ts';
import { InputError } from '../problems.ts';
import { feasibleIntervals, type Equation } from './intervals.ts';
import { truthOf } from './truth.ts';

type Part = 'value' | 'num' | 'den' | 'n' | 'sum';
type Kind = 'count' | 'magnitude';

interface Cell {
  key: string;
  table: string;
  unit: string;
  gender: string;
  kind: Kind;
  /** The true (unrounded) value: what the attacker tries to learn. */
  value: number;
  hidden: boolean;
  /** Hidden by the primary rule: the cells that need protection. */
  primary: boolean;
  refs: Array<{ f: Figure; part: Part }>;
}

/** total = Σ parts + constant (the constant: units that are not reported, known to the attacker). */
interface Relation {
  total: string;
  parts: string[];
  constant: number;
}

export interface SecondaryResult {
  /** Figures newly suppressed by this step. */
  suppressed: number;
  /** Primary cells left unprotected (empty unless the tables cannot protect them at all). */
  unprotected: Array<{ id: string; unit: string; gender: string; category?: string; interval: [number, number] }>;
}

const SEP = '\u0001';

const cellKey = (table: string, unit: string, gender: string) => `${table}${SEP}${unit}${SEP}${gender}`;

/** Applies secondary suppression to `figures` in place (they must come from emit.ts). */
export function applySecondarySuppression(figures: Figure[], k: number, config?: Pick<Config, 'survey'>, configFile = 'report.yaml'): SecondaryResult {
  const cells = new Map<string, Cell>();
  const tables = new Map<string, { units: string[]; genders: string[]; kind: Kind; id: string; category: string; part: Part }>();
  const add = (table: string, f: Figure, part: Part, kind: Kind, value: number, hidden: boolean) => {
    const key = cellKey(table, f.unit, f.gender);
    const t = tables.get(table) ?? { units: [], genders: [], kind, id: f.id, category: f.category ?? '', part };
    tables.set(table, t);
    if (!t.units.includes(f.unit)) t.units.push(f.unit);
    if (!t.genders.includes(f.gender)) t.genders.push(f.gender);
    const c = cells.get(key);
    if (c) {
      c.refs.push({ f, part });
      c.hidden ||= hidden;
      return;
    }
    cells.set(key, { key, table, unit: f.unit, gender: f.gender, kind, value, hidden, primary: false, refs: [{ f, part }] });
  };
  for (const f of figures) {
    const t = truthOf.get(f);
    if (!t) continue; // model coefficients and comparisons: not tables
    const cat = f.category ?? '';
    if (f.kind === 'count') add(`count:${f.id}:${cat}`, f, 'value', 'count', t.value!, f.suppressed);
    else if (f.kind === 'share') {
      add(`num:${f.id}:${cat}`, f, 'num', 'count', t.num!, f.suppressed);
      add(`den:${f.id}:${cat}`, f, 'den', 'count', t.den!, f.denominator === undefined);
    } else if (f.kind === 'mean' || f.kind === 'sum') {
      // A unit's mean and sum of the same measure rest on the same persons and the same sum.
      const base = f.id.replace(/_(mean|sum)$/, '');
      add(`n:${base}`, f, 'n', 'count', t.n!, f.n === undefined);
      add(`sum:${base}`, f, 'sum', 'magnitude', t.sum!, f.value === null);
    }
  }
  for (const c of cells.values()) c.primary = c.hidden && (c.kind === 'magnitude' ? true : c.value > 0 && c.value < k);

  const valueOf = (key: string) => cells.get(key)?.value ?? 0; // a missing cell is a published zero
  const relations: Relation[] = [];
  const relate = (total: string, parts: string[]) => {
    const present = parts.filter((p) => cells.has(p));
    if (!cells.has(total) && present.length === 0) return;
    relations.push({ total, parts: present, constant: valueOf(total) - present.reduce((s, p) => s + valueOf(p), 0) });
  };
  for (const [name, t] of tables) {
    const genders = t.genders.filter((g) => g !== 'all');
    const units = t.units.filter((u) => u !== 'total');
    if (t.genders.includes('all') && genders.length > 0) for (const u of t.units) relate(cellKey(name, u, 'all'), genders.map((g) => cellKey(name, u, g)));
    if (t.units.includes('total') && units.length > 0) for (const g of t.genders) relate(cellKey(name, 'total', g), units.map((u) => cellKey(name, u, g)));
  }
  // Distributions and survey questions: the categories' numerators add up to the base.
  const byId = new Map<string, string[]>();
  for (const [name, t] of tables) if (t.part === 'num' && t.category !== '') byId.set(t.id, [...(byId.get(t.id) ?? []), name]);
  for (const [id, nums] of byId) {
    const den = `den:${id}:${tables.get(nums[0]!)!.category}`;
    const t = tables.get(den)!;
    for (const u of t.units) for (const g of t.genders) relate(cellKey(den, u, g), nums.map((n) => cellKey(n, u, g)));
  }
  for (const q of config?.survey?.questions ?? [])
    if (q.positive) relate(cellKey(`num:survey.${q.id}.positive:`, 'total', 'all'), q.positive.map((a) => cellKey(`num:survey.${q.id}:${a}`, 'total', 'all')));
  const enrolled = tables.get('count:participants.enrolled:');
  if (enrolled)
    for (const u of enrolled.units) for (const g of enrolled.genders)
      relate(cellKey('count:participants.enrolled:', u, g), ['count:participants.exited:', 'count:participants.still_enrolled:'].map((n) => cellKey(n, u, g)));

  // The same numbers published twice (a share's denominator is a count table; the share of women
  // is the women's column of the enrolled table): columns with equal values over every unit are
  // taken to be one quantity, so a cell hidden in one is hidden in all. Equal by chance only
  // costs a few more hidden cells.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra, rb);
  };
  // Compared over every unit of the report, a missing cell counting as zero: a share is not
  // published for a unit with an empty base, yet its bases are still the count column (a unit
  // with no exits has no exit shares but a published zero in participants.exited).
  const allUnits = [...new Set([...tables.values()].flatMap((t) => t.units))];
  const columns = new Map<string, string[][]>();
  for (const [name, t] of tables)
    for (const g of t.genders) {
      const keys = allUnits.map((u) => cellKey(name, u, g));
      const values = keys.map(valueOf);
      if (values.every((v) => v === 0)) continue;
      const sig = `${t.kind}|${values.join(',')}`;
      columns.set(sig, [...(columns.get(sig) ?? []), keys]);
    }
  for (const group of columns.values()) for (const keys of group.slice(1)) keys.forEach((key, i) => cells.has(key) && cells.has(group[0]![i]!) && union(key, group[0]![i]!));
  const members = new Map<string, Cell[]>();
  for (const c of cells.values()) members.set(find(c.key), [...(members.get(find(c.key)) ?? []), c]);

  const hide = (key: string) => {
    for (const c of members.get(find(key))!) c.hidden = true;
  };
  const isHidden = (key: string) => cells.get(key)?.hidden ?? false;
  for (const group of members.values()) if (group.some((c) => c.hidden)) hide(group[0]!.key);

  // Figure-level couplings: a share with a hidden base would give the base away (num / value);
  // a mean or sum with hidden persons would give them away (sum / mean).
  const couple = (): boolean => {
    let changed = false;
    for (const c of cells.values()) {
      if (!c.hidden) continue;
      for (const { f, part } of c.refs) {
        const cat = f.category ?? '';
        const base = f.id.replace(/_(mean|sum)$/, '');
        const other = part === 'den' ? cellKey(`num:${f.id}:${cat}`, f.unit, f.gender) : part === 'n' ? cellKey(`sum:${base}`, f.unit, f.gender) : part === 'sum' ? cellKey(`n:${base}`, f.unit, f.gender) : null;
        if (other && cells.has(other) && !isHidden(other)) (hide(other), (changed = true));
      }
    }
    return changed;
  };
  const isHeadline = (key: string) => members.get(find(key))!.some((m) => m.table.startsWith('count:') || m.table.startsWith('den:'));
  // The cost of hiding a cell: how many published figures it takes away, more for margins
  // (a unit's all-genders cell, the project total) which readers need most.
  const cost = (key: string) => {
    const c = cells.get(key)!;
    const group = members.get(find(key))!;
    // Headcounts and bases (enrolled, exited, a share's base) are what a report is read for.
    const headline = isHeadline(key) ? 10 : 1;
    return group.length * headline * (c.unit === 'total' ? 4 : 1) * (c.gender === 'all' ? 2 : 1);
  };
  // Candidates to hide next: the published cells of an equation, zeros last (hiding a zero
  // protects little), then cheapest, then smallest (least information lost).
  const candidates = (r: Relation) =>
    [...r.parts, r.total]
      .filter((key) => cells.has(key) && !isHidden(key))
      .map((key, i) => ({ key, v: valueOf(key), cost: cost(key), i }))
      .sort((a, b) => Number(a.v === 0) - Number(b.v === 0) || a.cost - b.cost || a.v - b.v || a.i - b.i);
  const closure = () => {
    for (let changed = true; changed; ) {
      changed = couple();
      for (const r of relations) {
        const hiddenClasses = new Set([r.total, ...r.parts].filter(isHidden).map(find));
        if (hiddenClasses.size !== 1) continue;
        const next = candidates(r).find((c) => !hiddenClasses.has(find(c.key)));
        if (next) (hide(next.key), (changed = true));
      }
    }
  };

  // Hiding a cell only turns a published constant into an unknown, so intervals only widen: a
  // cell protected once stays protected, and later audits look only at the failing ones.
  const audit = (only?: Set<string>) => {
    const equations: Equation[] = [];
    for (const r of relations) {
      const terms = new Map<string, number>();
      let rhs = r.constant;
      const term = (key: string, coef: number) => {
        if (!cells.has(key)) return;
        if (isHidden(key)) terms.set(find(key), (terms.get(find(key)) ?? 0) + coef);
        else rhs -= coef * valueOf(key);
      };
      term(r.total, 1);
      for (const p of r.parts) term(p, -1);
      for (const [v, c] of terms) if (Math.abs(c) < 1e-12) terms.delete(v);
      if (terms.size > 0) equations.push({ terms, rhs });
    }
    const targets = new Map<string, Cell>();
    for (const c of cells.values()) if (c.primary && (!only || only.has(c.key))) targets.set(find(c.key), c);
    const need = (c: Cell) => (c.kind === 'count' ? k : 1e-6 * Math.max(1, Math.abs(c.value)));
    // A cheap bound first: an equation whose hidden cells all have the same sign caps each of
    // them at its right-hand side. A cell capped below what it needs fails without an LP.
    const cap = new Map<string, number>();
    for (const e of equations) {
      const signs = new Set([...e.terms.values()].map(Math.sign));
      if (signs.size !== 1) continue;
      const bound = Math.abs(e.rhs);
      for (const v of e.terms.keys()) if (bound < (cap.get(v) ?? Infinity)) cap.set(v, bound);
    }
    const failing: Array<{ cell: Cell; interval: [number, number]; need: number }> = [];
    const toSolve: string[] = [];
    for (const [cls, c] of targets) {
      const hi = cap.get(cls) ?? Infinity;
      if (hi < need(c) - 1e-9) failing.push({ cell: c, interval: [0, hi], need: need(c) });
      else toSolve.push(cls);
    }
    // Then the interval with only the cells near the target free (an inner bound: enough to
    // prove protection, fast on large reports); the full system for those it cannot prove,
    // unless that system is too large, when the cell counts as failing (more gets hidden).
    if (performance.now() > deadline)
      throw new InputError([{ file: configFile, column: 'disclosure', value: `${targets.size} cells below ${k} still to protect`, expected: `a report that secondary suppression can verify within ${budgetSeconds} s (EVAL_REPORT_SECONDARY_SECONDS): merge small units or categories, or drop the gender breakdown of distributions` }]);
    const screens = new Map(toSolve.map((cls) => [cls, { value: targets.get(cls)!.value, need: need(targets.get(cls)!) }]));
    const intervals = feasibleIntervals(equations, toSolve, { screens, memo });
    for (const cls of toSolve) {
      const c = targets.get(cls)!;
      const [lo, hi] = intervals.get(cls)!;
      if (hi - lo < need(c) - 1e-9) failing.push({ cell: c, interval: [lo, hi], need: need(c) });
    }
    return failing;
  };
  const relationsOf = new Map<string, Relation[]>();
  for (const r of relations) for (const key of [r.total, ...r.parts]) relationsOf.set(key, [...(relationsOf.get(key) ?? []), r]);

  // The linear programs grow with the linked system: a report with very many small cells across
  // many units gets a clear error instead of an endless build. Intervals already solved for the
  // same equations are kept between audits (most targets' equations do not change in a round).
  const memo = new Map<string, [number, number]>();
  const budgetSeconds = Number(process.env.EVAL_REPORT_SECONDARY_SECONDS) || 120;
  const deadline = performance.now() + budgetSeconds * 1000;
  const primaries = new Set([...cells.values()].filter((c) => c.primary).map((c) => find(c.key))).size;
  closure();
  let failing = audit();
  for (let round = 0; failing.length > 0 && round < 500; round++) {
    let progressed = false;
    // The narrowest first, one more hidden cell each; a cell whose equations were touched by an
    // earlier fix of this round waits for the next audit (that cell often protects it too).
    failing.sort((a, b) => a.interval[1] - a.interval[0] - (b.interval[1] - b.interval[0]));
    const touched = new Set<Relation>();
    // One at a time in a small report (each choice then sees the last one's effect); many at
    // once in a large one, where an LP audit per extra cell would take too long.
    for (const { cell, interval, need } of primaries <= 40 ? failing.slice(0, 1) : failing) {
      if (members.get(find(cell.key))!.some((c) => (relationsOf.get(c.key) ?? []).some((r) => touched.has(r)))) continue;
      // The failing cell's own equations first; then those of the hidden cells it is tied to.
      const own = members.get(find(cell.key))!.flatMap((c) => relationsOf.get(c.key) ?? []);
      const near = own.flatMap((r) => [r.total, ...r.parts].filter(isHidden).flatMap((key) => members.get(find(key))!.flatMap((c) => relationsOf.get(c.key) ?? [])));
      const sameFigure = near.filter((r) => cells.get(r.total)?.table.split(':')[1] === cell.table.split(':')[1]);
      // Everything tied to the cell through hidden cells: what bounds it may lie further away.
      const reach = new Set<Relation>(own);
      for (const queue = [...own]; queue.length > 0; )
        for (const key of [queue[0]!.total, ...queue.shift()!.parts].filter(isHidden))
          for (const m of members.get(find(key))!) for (const r of relationsOf.get(m.key) ?? []) if (!reach.has(r)) (reach.add(r), queue.push(r));
      const component = [...reach];
      // Headcounts and bases only when nothing else in reach can be hidden.
      const pools = [own, sameFigure, near, component];
      const tiers = pools.map((pool) => pool.flatMap(candidates).filter((o) => !isHeadline(o.key))).concat(pools.map((pool) => pool.flatMap(candidates)));
      for (const options of tiers) {
        if (options.length === 0) continue;
        const gap = need - (interval[1] - interval[0]);
        // Enough on its own to widen the interval and not much dearer than the cheapest option,
        // smallest first; else the cheapest, largest first.
        const cheapest = Math.min(...options.map((o) => o.cost));
        const enough = options.filter((o) => o.v >= gap && o.cost <= 4 * cheapest).sort((a, b) => a.cost - b.cost || a.v - b.v);
        const pick = enough[0] ?? [...options].sort((a, b) => a.cost - b.cost || b.v - a.v)[0]!;
        hide(pick.key);
        for (const m of members.get(find(pick.key))!) for (const r of relationsOf.get(m.key) ?? []) touched.add(r);
        progressed = true;
        break;
      }
    }
    if (!progressed) break;
    closure();
    failing = audit(new Set(failing.map((f) => f.cell.key)));
  }

  // Write the pattern into the figures.
  let suppressed = 0;
  for (const c of cells.values()) {
    if (!c.hidden) continue;
    for (const { f, part } of c.refs) {
      if (!f.suppressed && part !== 'den') ((f.suppressed = true), suppressed++);
      if (part === 'den') delete f.denominator;
      else if (part === 'num') ((f.value = null), (f.numerator = null), (f.ci95 = null));
      else ((f.value = null), delete f.n);
    }
  }
  // A comparison's difference would give a hidden group share away from the other one.
  const hiddenIds = new Set(figures.filter((f) => f.suppressed && f.kind === 'share').map((f) => f.id));
  for (const f of figures)
    if (f.kind === 'difference' && !f.suppressed && (hiddenIds.has(`${f.id}.a`) || hiddenIds.has(`${f.id}.b`))) {
      f.value = null;
      f.suppressed = true;
      for (const k of ['ci95', 'p', 'n'] as const) delete f[k];
      suppressed++;
    }
  return {
    suppressed,
    unprotected: failing.map(({ cell, interval }) => {
      const f = cell.refs[0]!.f;
      return { id: f.id, unit: cell.unit, gender: cell.gender, ...(f.category !== undefined ? { category: f.category } : {}), interval };
    }),
  };
}
