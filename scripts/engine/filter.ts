// Date filters: a figure restricted to participants who entered or exited within a range
// (exits during 2025). A filtered figure's base is a part of a published count (the exited,
// the enrolled); the rest, never published, would be that count less the base: it is declared
// to the gate as an unpublished cell linked to both, so a small rest is protected like any
// other small count. Pure.
import type { Participant } from '../config/contract.ts';
import type { Config } from '../config/schema.ts';
import { emitCounts, type Emitter } from './emit.ts';
import { Acc } from './grid.ts';
import { tableKey } from './secondary.ts';

export type DateFilter = NonNullable<Config['outcome_groups'][number]['filter']>;

const within = (iso: string, r: { from?: string | undefined; to?: string | undefined }) => {
  const d = iso.slice(0, 10);
  return (r.from === undefined || d >= r.from) && (r.to === undefined || d <= r.to);
};

/** Whether a participant is within a filter (no filter: everyone); an exit range needs an exit. */
export function passes(p: Participant, f: DateFilter | undefined): boolean {
  if (!f) return true;
  if (f.entry && !within(p.entryDate, f.entry)) return false;
  if (f.exit && (p.exitDate === null || !within(p.exitDate, f.exit))) return false;
  return true;
}

/**
 * Declares the table `restricted` (its values cell by cell) a part of the published table
 * `base`: base = restricted + rest, the rest an unpublished count.
 */
export function declareRest(e: Emitter, id: string, breakdown: Config['distributions'][number]['breakdown'], base: { table: string; cells: ArrayLike<number> }, restricted: { table: string; cells: ArrayLike<number> }): void {
  if (!e.links || !e.unpublished) return;
  const rest = new Acc(e.grid.size);
  for (let c = 0; c < e.grid.size; c++) rest.num[c] = base.cells[c]! - restricted.cells[c]!;
  const restId = `${id}~rest`; // not a figure id: never published
  emitCounts({ ...e, figures: e.unpublished }, { id: restId, label: restId, breakdown }, rest);
  e.links.push({ terms: [{ table: base.table, coef: 1 }, { table: restricted.table, coef: -1 }, { table: tableKey('count', restId), coef: -1 }] });
}
