// Secondary disclosure control. Primary suppression (emit.ts) hides every count below the
// threshold k and every share, mean or sum resting on one; this module hides further cells until
// no primary cell can be recovered, or narrowed to an interval narrower than k, from what the
// report publishes: the row, column and total margins of its own table, the same counts
// published again in another figure (a share's denominator is another table's count), and the
// sums that tie figures together (a distribution's categories add up to its base; and what the
// figure families declare: enrolled = exited + still enrolled, a survey question's positive
// share adds up answers, a time series' flows, a crosstab's rows).
//
// This module turns the figures into that linked system (cells, the quantities they share, the
// equations between them, what each cell costs to hide) and writes the pattern back; which cells
// to hide is chosen by protect.ts. Pure: figures in, the same figures with more suppressed.
import type { Config } from '../config/schema.ts';
import type { Figure } from '../publish/indicators-schema.ts';
import { DEFAULT_MAX_SOLVES, protect, type ProtectionProblem } from './protect.ts';
import { PARTICIPANTS } from '../config/figure-ids.ts';
import type { Truth } from './truth.ts';

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

/** Σ coef · cell = constant (the constant: units that are not reported, known to the attacker). */
interface Relation {
  terms: Array<[key: string, coef: number]>;
  constant: number;
}

export interface SecondaryResult {
  /** Figures newly suppressed by this step. */
  suppressed: number;
  /** Primary cells left unprotected (empty unless the tables cannot protect them at all). */
  unprotected: Array<{ id: string; unit: string; gender: string; category?: string }>;
}

const SEP = '\u0001';

const cellKey = (table: string, unit: string, gender: string) => `${table}${SEP}${unit}${SEP}${gender}`;

/**
 * The gate's name of the table a part of a figure belongs to: a count's cells (`count`), a
 * share's numerators (`num`) or bases (`den`), the persons of a mean, sum or quantile (`n`) and
 * the sum of a mean or sum (`sum`), by the measure they rest on (`Truth.measure`).
 * Figure families declare their additive links (`Link`) between such tables.
 */
export function tableKey(part: 'count' | 'num' | 'den' | 'n' | 'sum', id: string, category = ''): string {
  return part === 'n' || part === 'sum' ? `${part}:${id}` : `${part}:${id}:${category}`;
}

/**
 * An additive link between tables: Σ coef · cell = constant holds in every (unit, gender) cell
 * that any of its tables has (a time series' stock = last stock + inflow − outflow; a
 * crosstab's rows add up to the outcome's figure). The constant is what the published tables
 * do not say (persons outside the series' range): taken as known to the attacker.
 */
export interface Link {
  terms: Array<{ table: string; coef: number }>;
}

/** What a figure family declares to the gate beside its figures. */
export interface Declared {
  /** The unrounded values behind the figures (truth.ts); a figure without one is no table cell. */
  truth: ReadonlyMap<Figure, Truth>;
  links: Link[];
  /**
   * Figures that are never published but whose cells the links use (the persons a date filter
   * leaves out of a published base): hidden from the start, protected when small.
   */
  unpublished: Figure[];
  /**
   * Figure ids whose every tie to other tables is a declared link: their columns are never
   * matched to others by equal values (a quarter's inflow that happens to equal another count
   * is not that count).
   */
  linkedIds?: ReadonlySet<string>;
  /** Sums within one family, in every cell of the total's table (enrolled = exited + still enrolled; a survey question's positive share = its positive answers). */
  sums?: Sum[];
}

/** A table that is the sum of others, cell by cell, over the parts that have the cell. */
export interface Sum {
  total: string;
  parts: string[];
}

interface Table {
  units: string[];
  genders: string[];
  kind: Kind;
  id: string;
  category: string;
  part: Part;
}

/** The figures as a linked system: cells by key, their tables, and the tables never published. */
interface System {
  cells: Map<string, Cell>;
  tables: Map<string, Table>;
  never: Set<string>;
  /** The unrounded values behind the figures. */
  truth: ReadonlyMap<Figure, Truth>;
  /** A cell's true value; a missing cell is a published zero. */
  valueOf: (key: string) => number;
}

/** Applies secondary suppression to `figures` in place (they must come from emit.ts). */
export function applySecondarySuppression(figures: Figure[], declared: Declared, k: number, config?: Pick<Config, 'disclosure'>, maxSolves = DEFAULT_MAX_SOLVES): SecondaryResult {
  const sys = systemOf(figures, declared, k);
  const relations = relationsOf(sys, declared);
  const { members, find } = quantities(sys, declared);
  const classes = [...members.keys()];
  const result = protect(protectionProblem(sys, members, find, relations, k, config), { maxSolves });
  for (const [i, root] of classes.entries()) if (result.hidden[i]) for (const c of members.get(root)!) c.hidden = true;
  const failing = result.unprotected.map((cls) => members.get(classes[cls]!)!.find((c) => c.primary)!);
  const suppressed = writePattern(sys) + hideDifferences(figures);
  return {
    suppressed,
    unprotected: failing.map((cell) => {
      const f = cell.refs[0]!.f;
      return { id: f.id, unit: cell.unit, gender: cell.gender, ...(f.category !== undefined ? { category: f.category } : {}) };
    }),
  };
}

/** Each figure's parts as cells of their tables (a share: its numerator and base); primary cells marked. */
function systemOf(figures: Figure[], declared: Declared, k: number): System {
  const cells = new Map<string, Cell>();
  const sys: System = { cells, tables: new Map(), never: new Set(), truth: declared.truth, valueOf: (key) => cells.get(key)?.value ?? 0 };
  const add = (table: string, f: Figure, part: Part, kind: Kind, value: number, hidden: boolean) => addCell(sys, table, f, part, kind, value, hidden);
  const unpublished = new Set(declared.unpublished);
  for (const f of [...figures, ...declared.unpublished]) {
    const t = sys.truth.get(f);
    if (!t) continue; // model coefficients and comparisons: not tables
    const cat = f.category ?? '';
    const never = unpublished.has(f);
    if (never) sys.never.add(tableKey(f.kind === 'count' ? 'count' : 'num', f.id, cat)).add(tableKey('den', f.id, cat));
    if (f.kind === 'count') add(tableKey('count', f.id, cat), f, 'value', 'count', t.value!, f.suppressed || never);
    else if (f.kind === 'share') {
      add(tableKey('num', f.id, cat), f, 'num', 'count', t.num!, f.suppressed || never);
      add(tableKey('den', f.id, cat), f, 'den', 'count', t.den!, f.denominator === undefined || never);
    } else if (f.kind === 'quantile') {
      // A median or quartile is no sum of its persons: only how many it rests on is a table cell.
      add(tableKey('n', t.measure!), f, 'n', 'count', t.n!, f.n === undefined || never);
    } else if (f.kind === 'mean' || f.kind === 'sum') {
      // A unit's mean and sum of the same measure rest on the same persons and the same sum.
      add(tableKey('n', t.measure!), f, 'n', 'count', t.n!, f.n === undefined);
      add(tableKey('sum', t.measure!), f, 'sum', 'magnitude', t.sum!, f.value === null);
    }
  }
  for (const c of cells.values()) c.primary = c.hidden && (c.kind === 'magnitude' ? true : c.value > 0 && c.value < k);
  return sys;
}

function addCell(sys: System, table: string, f: Figure, part: Part, kind: Kind, value: number, hidden: boolean): void {
  const key = cellKey(table, f.unit, f.gender);
  const t = sys.tables.get(table) ?? { units: [], genders: [], kind, id: f.id, category: f.category ?? '', part };
  sys.tables.set(table, t);
  if (!t.units.includes(f.unit)) t.units.push(f.unit);
  if (!t.genders.includes(f.gender)) t.genders.push(f.gender);
  const c = sys.cells.get(key);
  if (c) {
    c.refs.push({ f, part });
    c.hidden ||= hidden;
    return;
  }
  sys.cells.set(key, { key, table, unit: f.unit, gender: f.gender, kind, value, hidden, primary: false, refs: [{ f, part }] });
}

/** total = Σ parts, over the parts that have a cell. */
function relate(sys: System, out: Relation[], total: string, parts: string[]): void {
  const present = parts.filter((p) => sys.cells.has(p));
  // No part published: a breakdown the configuration leaves out (a share with an empty base
  // has an empty total too), so the attacker learns nothing from this margin.
  if (present.length === 0) return;
  const terms = ([[total, 1], ...present.map((p) => [p, -1])] as Array<[string, number]>).filter(([key]) => sys.cells.has(key));
  out.push({ terms, constant: sys.valueOf(total) - present.reduce((s, p) => s + sys.valueOf(p), 0) });
}

/**
 * A declared link, in every (unit, gender) cell its tables have. A table without the unit or
 * gender at all (a narrower breakdown) leaves that cell's equation unknown to the attacker.
 */
function relateLinked(sys: System, out: Relation[], link: Link): void {
  const { tables, cells } = sys;
  const present = link.terms.filter((x) => tables.has(x.table));
  if (present.length < 2) return;
  const t0 = tables.get(present[0]!.table)!;
  for (const u of t0.units)
    for (const g of t0.genders) {
      if (present.some((x) => !tables.get(x.table)!.units.includes(u) || !tables.get(x.table)!.genders.includes(g))) continue;
      const terms = present.map((x) => ({ key: cellKey(x.table, u, g), coef: x.coef })).filter((x) => cells.has(x.key));
      if (terms.length >= 2) out.push({ terms: terms.map((x) => [x.key, x.coef]), constant: terms.reduce((s, x) => s + x.coef * sys.valueOf(x.key), 0) });
    }
}

/** The equations the published tables give away: margins, categories adding up to their base, the families' declared links and sums. */
function relationsOf(sys: System, declared: Declared): Relation[] {
  const out: Relation[] = [];
  const { tables } = sys;
  for (const [name, t] of tables) {
    const genders = t.genders.filter((g) => g !== 'all');
    const units = t.units.filter((u) => u !== 'total');
    if (t.genders.includes('all') && genders.length > 0) for (const u of t.units) relate(sys, out, cellKey(name, u, 'all'), genders.map((g) => cellKey(name, u, g)));
    if (t.units.includes('total') && units.length > 0) for (const g of t.genders) relate(sys, out, cellKey(name, 'total', g), units.map((u) => cellKey(name, u, g)));
  }
  // Distributions and survey questions: the categories' numerators add up to the base.
  const byId = new Map<string, string[]>();
  for (const [name, t] of tables) if (t.part === 'num' && t.category !== '') byId.set(t.id, [...(byId.get(t.id) ?? []), name]);
  for (const [id, nums] of byId) {
    const den = tableKey('den', id, tables.get(nums[0]!)!.category);
    const t = tables.get(den)!;
    for (const u of t.units) for (const g of t.genders) relate(sys, out, cellKey(den, u, g), nums.map((n) => cellKey(n, u, g)));
  }
  for (const link of declared.links) relateLinked(sys, out, link);
  // Declared sums, in every cell of their total.
  for (const sum of declared.sums ?? [])
    for (const u of tables.get(sum.total)?.units ?? []) for (const g of tables.get(sum.total)!.genders) relate(sys, out, cellKey(sum.total, u, g), sum.parts.map((p) => cellKey(p, u, g)));
  return out;
}

/**
 * The same numbers published twice (a share's denominator is a count table; the share of women
 * is the women's column of the enrolled table): columns with equal values over every unit are
 * taken to be one quantity, so a cell hidden in one is hidden in all. Equal by chance only
 * costs a few more hidden cells. Returns the cells of each quantity, by its root cell.
 */
function quantities(sys: System, declared: Declared): { members: Map<string, Cell[]>; find: (key: string) => string } {
  const { cells, tables } = sys;
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
    for (const g of sys.never.has(name) || declared.linkedIds?.has(t.id) ? [] : t.genders) {
      const keys = allUnits.map((u) => cellKey(name, u, g));
      const values = keys.map(sys.valueOf);
      if (values.every((v) => v === 0)) continue;
      const sig = `${t.kind}|${values.join(',')}`;
      columns.set(sig, [...(columns.get(sig) ?? []), keys]);
    }
  for (const group of columns.values()) for (const keys of group.slice(1)) keys.forEach((key, i) => cells.has(key) && cells.has(group[0]![i]!) && union(key, group[0]![i]!));
  // Shares whose bases are declared to be a count figure's cells (the ESF+ indicators' bases are
  // the enrolled or exited counts or the follow-up base; a follow-up group's share of its base)
  // are that quantity, whatever the columns look like.
  for (const c of cells.values())
    for (const { f, part } of c.refs) {
      const base = part === 'den' ? declared.truth.get(f)?.base : undefined;
      const same = base === undefined ? undefined : cellKey(tableKey('count', base), f.unit, f.gender);
      if (same && cells.has(same)) union(c.key, same);
    }
  const members = new Map<string, Cell[]>();
  for (const c of cells.values()) members.set(find(c.key), [...(members.get(find(c.key)) ?? []), c]);
  return { members, find };
}

/** The classes of the optimisation: one per quantity (cells published twice are one class), with what each costs and needs. */
function protectionProblem(sys: System, members: Map<string, Cell[]>, find: (key: string) => string, relations: Relation[], k: number, config: Pick<Config, 'disclosure'> | undefined): ProtectionProblem {
  const classes = [...members.keys()];
  const classOf = new Map(classes.map((root, i) => [root, i]));
  const ix = (key: string) => classOf.get(find(key))!;
  const need = classes.map((root) => {
    const primary = members.get(root)!.find((c) => c.primary);
    return !primary ? 0 : primary.kind === 'count' ? k : 1e-6 * Math.max(1, Math.abs(primary.value));
  });
  // Figure-level couplings: a share with a hidden base would give the base away (numerator /
  // value); a mean with hidden persons would give them away (sum / mean).
  const coupledOf = classes.map((root) => {
    const out = new Set<number>();
    for (const c of members.get(root)!)
      for (const { f, part } of c.refs) {
        const other = part === 'den' ? cellKey(tableKey('num', f.id, f.category), f.unit, f.gender) : part === 'n' ? cellKey(tableKey('sum', sys.truth.get(f)!.measure!), f.unit, f.gender) : null;
        if (other && sys.cells.has(other)) out.add(ix(other));
      }
    return [...out];
  });
  return {
    value: classes.map((root) => members.get(root)![0]!.value),
    cost: classes.map((root) => members.get(root)!.reduce((sum, c) => sum + cellCost(c, config), 0)),
    need,
    hidden: Uint8Array.from(classes, (root) => (members.get(root)!.some((c) => c.hidden) ? 1 : 0)),
    relations: relations.map((r) => ({ terms: r.terms.map(([key, coef]) => [ix(key), coef] as [number, number]), constant: r.constant })),
    coupled: (c) => coupledOf[c]!,
  };
}

/** Writes the hidden cells into their figures; returns how many figures this newly suppressed. */
function writePattern(sys: System): number {
  let suppressed = 0;
  for (const c of sys.cells.values()) {
    if (!c.hidden) continue;
    for (const { f, part } of c.refs) {
      if (!f.suppressed && part !== 'den') ((f.suppressed = true), (f.suppression = 'secondary'), suppressed++);
      if (part === 'den') delete f.denominator;
      else if (part === 'num') ((f.value = null), (f.numerator = null), (f.ci95 = null));
      else ((f.value = null), delete f.n);
    }
  }
  return suppressed;
}

/** A comparison's difference would give a hidden group share away from the other one: hidden with it. */
export function hideDifferences(figures: Figure[]): number {
  let n = 0;
  const key = (id: string, f: Figure) => `${id}\u0000${f.unit}\u0000${f.gender}`;
  const hidden = new Set(figures.filter((f) => f.suppressed && f.kind === 'share').map((f) => key(f.id, f)));
  for (const f of figures)
    if (f.kind === 'difference' && !f.suppressed && (hidden.has(key(`${f.id}.a`, f)) || hidden.has(key(`${f.id}.b`, f)))) {
      f.value = null;
      f.suppressed = true;
      f.suppression = 'secondary';
      for (const k of ['ci95', 'p', 'n'] as const) delete f[k];
      n++;
    }
  return n;
}

/**
 * What hiding one published cell costs readers. A figure for all genders costs far more than a
 * gender breakdown, the project total more than a unit, a count (a headcount, a share's base)
 * more than the share resting on it, and a figure named in `disclosure.priorities` as much more
 * as it says (headcounts of participants count three times by default). Among equals, a
 * smaller value costs a little less: less of the table is lost.
 */
export function cellCost(c: { unit: string; gender: string; value: number; refs: Array<{ f: Figure; part: Part }> }, config?: Pick<Config, 'disclosure'>): number {
  const priorities = config?.disclosure.priorities ?? {};
  let weight = 0;
  for (const { f, part } of c.refs) {
    const headline = f.id === PARTICIPANTS.enrolled || f.id === PARTICIPANTS.exited ? 3 : 1;
    const kind = part === 'den' || part === 'value' ? 3 : part === 'num' ? 2 : 1;
    weight += kind * (priorities[f.id] ?? headline);
  }
  return weight * (c.gender === 'all' ? 20 : 1) * (c.unit === 'total' ? 5 : 1) * (1 + Math.log1p(Math.abs(c.value)) / 20);
}
