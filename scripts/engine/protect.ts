// Choosing the secondary cells: which published cells to hide so that no primary cell (a count
// below the threshold, or a sum resting on too few persons) can be worked out, or narrowed to an
// interval narrower than it needs, from what is still published — at the least cost.
//
// The model is the one of Fischetti and Salazar (2001) that τ-ARGUS's optimal method and
// sdcTable's OPT solve: a primary cell p is protected by a set of hidden cells when two
// deviations of the table exist that keep every published cell fixed, every equation true and
// every cell ≥ 0, with p's two values at least `need` apart (then the attacker's feasibility
// interval of p is at least that wide). Finding such a pair is a linear program; choosing the
// cheapest set of cells for all primary cells at once is a mixed-integer program far too large
// for a report of nineteen providers. So the cells are protected one at a time, as τ-ARGUS's
// modular method does, and the result is made minimal:
//   1. for each primary cell, largest first, the cheapest pair of deviations (each published
//      cell it moves costs its cost per unit moved; hidden cells move almost free) is solved
//      over the cell's neighbourhood in the equations, widened until a pair exists. Every cell
//      it moves is hidden; the pair is kept as the cell's witness, and protects every other
//      primary cell it moves far enough, which then needs no program of its own;
//   2. every secondary cell, dearest first, is published again if each primary cell whose
//      witness moves it finds a new witness among the cells still hidden.
// A witness is a proof: every primary cell ends with one. After step 2 no single secondary
// cell can be given back. On sdcTable's own test table it finds the optimum (3 cells).
//
// Pure and deterministic: no clock and no environment. Work is bounded by a number of linear
// programs (`maxSolves`), so the same input gives the same answer on any machine.
import { solveLp, type LpRow } from './lp.ts';

/** Σ coef·x[class] = constant over the classes of a relation (published and hidden alike). */
export interface Relation {
  terms: Array<[cls: number, coef: number]>;
  constant: number;
}

export interface ProtectionProblem {
  /** True value of each class (a quantity that may be published several times). */
  value: ArrayLike<number>;
  /** What hiding each class costs (what readers lose). */
  cost: ArrayLike<number>;
  /** How wide each primary class's interval must be; 0 for classes that need no protection. */
  need: ArrayLike<number>;
  /** Hidden before this step (primary cells, and cells hidden with them). */
  hidden: Uint8Array;
  relations: Relation[];
  /** Classes that must be hidden whenever a class is (a share with a hidden base). */
  coupled?: (cls: number) => readonly number[];
}

export interface ProtectionResult {
  hidden: Uint8Array;
  /** Primary classes no pattern can protect (no pair of deviations exists in their component). */
  unprotected: number[];
}

/** The work bound was reached: the report is too large to protect within `maxSolves` programs. */
export class WorkBoundError extends Error {
  constructor(readonly maxSolves: number) {
    super(`secondary suppression needs more than ${maxSolves} linear programs`);
    this.name = 'WorkBoundError';
  }
}

const EPS = 1e-7;

/** The default bound on the work of secondary suppression, in linear programs (callers may pass another). */
export const DEFAULT_MAX_SOLVES = 200_000;

export function protect(problem: ProtectionProblem, options: { maxSolves?: number } = {}): ProtectionResult {
  const search = new Search(problem, options.maxSolves ?? DEFAULT_MAX_SOLVES);
  const { witness, unprotected } = protectPrimaries(search);
  giveBack(search, witness);
  return { hidden: search.hidden, unprotected };
}

/** The state of one protection: what is hidden so far, the relations by class, the work done. */
class Search {
  readonly hidden: Uint8Array;
  readonly byClass: number[][];
  /** For each class, the classes coupled to it (hidden with it). */
  readonly coupledBy = new Map<number, number[]>();
  private solves = 0;
  /**
   * For a primary class, the first radius not yet known to have no pair of deviations, and the
   * size of the neighbourhood below it. Whether a pair exists within a neighbourhood depends on
   * the equations, values and need only, not on what is hidden or what moving costs, and a pair
   * within a neighbourhood is one within every wider one (the classes added stay put): so a
   * radius found infeasible once is never solved again. Phase 2 re-witnesses the same primary
   * cells many times; this skips the programs that would fail again (Nya vägar: 52 of 483).
   */
  private readonly infeasible = new Map<number, { radius: number; size: number }>();

  constructor(readonly problem: ProtectionProblem, private readonly maxSolves: number) {
    const n = problem.value.length;
    this.hidden = Uint8Array.from(problem.hidden);
    this.byClass = Array.from({ length: n }, () => []);
    problem.relations.forEach((r, i) => {
      for (const [c] of r.terms) if (this.byClass[c]!.at(-1) !== i) this.byClass[c]!.push(i);
    });
    for (let c = 0; c < n; c++) if (this.hidden[c]) this.couple(c);
    for (let c = 0; c < n; c++) for (const o of problem.coupled?.(c) ?? []) this.coupledBy.set(o, [...(this.coupledBy.get(o) ?? []), c]);
  }

  /** Hides what is coupled to `c`, and what is coupled to that. */
  couple(c: number): void {
    for (const queue = [c]; queue.length > 0; ) {
      const next = queue.pop()!;
      for (const o of this.problem.coupled?.(next) ?? []) if (!this.hidden[o]) ((this.hidden[o] = 1), queue.push(o));
    }
  }

  /**
   * The classes moved by the cheapest pair of deviations protecting p (its witness), in a
   * widening neighbourhood, or null when no pair exists at all. Hidden classes move nearly
   * free; a published one costs its cost times `penalty`.
   */
  deviation(p: number, penalty: number): Witness | null {
    const known = this.infeasible.get(p);
    for (let radius = known?.radius ?? 3, last = known?.size ?? -1; ; radius += 2) {
      const near = neighbourhood(p, radius, this.problem.relations, this.byClass);
      if (near.size === last) return null; // the whole component: nothing more to try
      last = near.size;
      if (++this.solves > this.maxSolves) throw new WorkBoundError(this.maxSolves);
      const found = cheapestDeviations(p, near, this.problem, this.hidden, this.byClass, penalty);
      if (found === 'infeasible') this.infeasible.set(p, { radius: radius + 2, size: near.size });
      else if (found) return found;
    }
  }

  /** A witness that moves hidden classes only, if one exists. */
  hiddenWitness(p: number): Witness | null {
    const w = this.deviation(p, 1e6);
    return w && w.moved.every((c) => this.hidden[c]) ? w : null;
  }

  /** Every primary class a witness puts far enough apart is protected by it (deviations are of the whole table). */
  record(w: Witness, into: Map<number, number[]>): void {
    const need = this.problem.need;
    for (const [c, width] of w.widths) if (need[c]! > 0 && width >= need[c]! - 1e-9 && !into.has(c)) into.set(c, w.moved);
  }
}

/**
 * 1. One primary cell at a time: the cheapest witness, hiding what it moves. Largest first:
 *    small cells are often protected by what larger ones needed.
 */
function protectPrimaries(s: Search): { witness: Map<number, number[]>; unprotected: number[] } {
  const { value, need } = s.problem;
  const primaries = [...Array(value.length).keys()].filter((c) => need[c]! > 0).sort((a, b) => value[b]! - value[a]! || a - b);
  const witness = new Map<number, number[]>();
  const unprotected: number[] = [];
  for (const p of primaries) {
    if (witness.has(p)) continue;
    const w = s.deviation(p, 1);
    if (!w) {
      unprotected.push(p);
      continue;
    }
    for (const c of w.moved) if (!s.hidden[c]) ((s.hidden[c] = 1), s.couple(c));
    witness.set(p, w.moved);
    s.record(w, witness);
  }
  return { witness, unprotected };
}

/**
 * 2. Give back every secondary class the protection does not need, dearest first: only the
 *    primary cells whose witness moves it need a new witness without it.
 */
function giveBack(s: Search, witness: Map<number, number[]>): void {
  const { cost, need } = s.problem;
  const hidden = s.hidden;
  const secondary = [...Array(need.length).keys()].filter((c) => hidden[c] && need[c] === 0 && !s.problem.hidden[c]).sort((a, b) => cost[b]! - cost[a]! || a - b);
  for (const c of secondary) {
    if ((s.coupledBy.get(c) ?? []).some((o) => hidden[o])) continue; // hidden with a hidden base
    const affected = [...witness].filter(([, w]) => w.includes(c)).map(([p]) => p);
    hidden[c] = 0;
    const renewed = new Map<number, number[]>();
    for (const p of affected) {
      if (renewed.has(p)) continue;
      const w = s.hiddenWitness(p);
      if (!w) break;
      renewed.set(p, w.moved);
      s.record(w, renewed);
    }
    for (const p of affected) if (!renewed.has(p)) renewed.clear();
    if (renewed.size < affected.length) hidden[c] = 1;
    else for (const [p, w] of renewed) witness.set(p, w);
  }
}

/** The classes within `radius` relations of `p`. */
export function neighbourhood(p: number, radius: number, relations: Relation[], byClass: number[][]): Set<number> {
  const seen = new Set([p]);
  let frontier = [p];
  for (let step = 0; step < radius && frontier.length > 0; step++) {
    const next: number[] = [];
    for (const c of frontier) for (const r of byClass[c]!) for (const [o] of relations[r]!.terms) if (!seen.has(o)) (seen.add(o), next.push(o));
    frontier = next;
  }
  return seen;
}

/**
 * The classes that the cheapest pair of deviations protecting `p` moves, 'infeasible' when none
 * exists within `near` (null when the solver gives up otherwise). Variables: an up and a down deviation per class, each split into a
 * positive and a negative part; every relation that touches `near` holds for both (classes
 * outside `near` stay where they are); no class falls below zero; p's two deviations lie at
 * least need[p] apart. Cost: each published class's cost per unit moved; hidden classes move free.
 */
export function cheapestDeviations(p: number, near: Set<number>, problem: ProtectionProblem, hidden: Uint8Array, byClass: number[][], penalty: number): Witness | 'infeasible' | null {
  const { value, cost, need, relations } = problem;
  const cls = [...near].sort((a, b) => a - b);
  const at = new Map(cls.map((c, i) => [c, i]));
  const scale = need[p]!;
  // Columns 4i … 4i+3: class i's up deviation (positive, negative part), its down deviation.
  const n = 4 * cls.length;
  const colCost = new Float64Array(n);
  const upper = new Float64Array(n).fill(Infinity);
  cls.forEach((c, i) => {
    colCost.fill(hidden[c] ? 1e-3 * cost[c]! : penalty * cost[c]!, 4 * i, 4 * i + 4);
    // Never below zero: a negative part is at most the value (in units of need[p]).
    upper[4 * i + 1] = upper[4 * i + 3] = value[c]! / scale;
  });
  const rows: LpRow[] = [];
  const rels = new Set<number>();
  for (const c of cls) for (const r of byClass[c]!) rels.add(r);
  for (const r of [...rels].sort((a, b) => a - b)) {
    const coef = new Map<number, number>();
    for (const [c, k] of relations[r]!.terms) if (near.has(c)) coef.set(c, (coef.get(c) ?? 0) + k);
    const terms = [...coef].filter(([, k]) => Math.abs(k) > 1e-12);
    if (terms.length === 0) continue;
    for (const offset of [0, 2]) {
      const cols: number[] = [];
      const coefs: number[] = [];
      for (const [c, k] of terms) (cols.push(4 * at.get(c)! + offset, 4 * at.get(c)! + offset + 1), coefs.push(k, -k));
      rows.push({ cols, coefs, lower: 0, upper: 0 });
    }
  }
  // p's up deviation at least need[p] above its down deviation.
  const q = 4 * at.get(p)!;
  rows.push({ cols: [q, q + 1, q + 2, q + 3], coefs: [1, -1, -1, 1], lower: 1, upper: Infinity });
  const r = solveLp({ sense: 'min', cost: colCost, lower: new Float64Array(n), upper, rows });
  if (r.status !== 'optimal') return r.status === 'infeasible' ? 'infeasible' : null;
  const moved: number[] = [];
  const widths = new Map<number, number>();
  cls.forEach((c, i) => {
    const [up, um, dp, dm] = [r.x[4 * i]!, r.x[4 * i + 1]!, r.x[4 * i + 2]!, r.x[4 * i + 3]!];
    if (up + um + dp + dm <= EPS) return;
    moved.push(c);
    widths.set(c, Math.abs(up - um - (dp - dm)) * scale);
  });
  return { moved, widths };
}

/** The classes a pair of deviations moves, and how far apart it puts each class's two values. */
export interface Witness {
  moved: number[];
  widths: Map<number, number>;
}
