// The participants' ids while a project is read: each id's row (for the duplicate check) and the
// index other tables refer to it by (activities and follow-ups name the participant).
import type { Participant } from '../config/contract.ts';
import type { Problem } from '../problems.ts';
import { identityNumberProblem } from '../privacy/secrets.ts';
import type { Corrections } from './corrections.ts';
import type { ColumnReader, TableReader } from './table.ts';
import { readText } from '../problem-messages.ts';

/** The index of a row whose participant a correction excluded: the row is dropped too. */
export const EXCLUDED = -0.5;

/**
 * Id → a number. Exports usually list participants in order of their id: while the ids come in
 * increasing order they are kept in two arrays, a new id is known to be new by comparing it with
 * the last one, and an id is found by binary search. The first id out of order moves them into a
 * Map. (A Map of a million ids costs two lookups a participant, most of them cache misses.)
 */
export class IdIndex {
  private ids: string[] = [];
  private values: number[] = [];
  private map: Map<string, number> | null = null;

  get size(): number {
    return this.map ? this.map.size : this.ids.length;
  }

  /** Whether `id` is known to be new without a lookup: it comes after every id in order. */
  after(id: string): boolean {
    return !this.map && (this.ids.length === 0 || this.ids[this.ids.length - 1]! < id);
  }

  get(id: string): number | undefined {
    if (this.map) return this.map.get(id);
    const k = this.position(id);
    return this.ids[k] === id ? this.values[k] : undefined;
  }

  set(id: string, value: number): void {
    if (this.map) {
      this.map.set(id, value);
    } else if (this.after(id)) {
      this.ids.push(id);
      this.values.push(value);
    } else {
      const k = this.position(id);
      if (this.ids[k] === id) {
        this.values[k] = value;
        return;
      }
      this.map = new Map(this.ids.map((x, i) => [x, this.values[i]!]));
      this.ids = [];
      this.values = [];
      this.map.set(id, value);
    }
  }

  /** The first position whose id is not before `id`. */
  private position(id: string): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export class ParticipantIds {
  /**
   * Participant id → its index in the participants array, or −line when its first row was
   * refused (or excluded). Serves duplicate checks and resolves references in one lookup.
   */
  private readonly seen = new IdIndex();
  private readonly lineOf: number[] = [];
  private lastId: string | null = null;
  private lastIndex: number | undefined;

  /**
   * @param participants the accepted participants in their order, filled while their table is
   * read: rows of another table that follow that order (the usual export, sorted by id) find
   * their participant as the one after the last, without a lookup among a million ids.
   */
  constructor(
    private readonly corrections: Corrections,
    private readonly participants: readonly Participant[],
  ) {}

  /** The problem of a participant id seen before (with the line it was first on), or null. */
  duplicate(id: string, line: number, column: string): Omit<Problem, 'file'> | null {
    const first = this.seen.after(id) ? undefined : this.seen.get(id);
    if (first === undefined) return null;
    return { line, column, value: id, expected: readText.idOnce(first >= 0 ? this.lineOf[first]! : -first) };
  }

  /** Records a participant's first row (one `duplicate` found no earlier row for): its index when it was accepted, else its line only. */
  first(id: string, line: number, index: number | null): void {
    this.seen.set(id, index === null ? -line : index);
    if (index !== null) this.lineOf[index] = line;
  }

  /** A participant a correction's rule left out: its line stays known for the duplicate check. */
  excluded(id: string, line: number): void {
    this.seen.set(id, -line);
  }

  /**
   * The index of the participant a row of another table names, or −1 (after reporting an unknown
   * id), or EXCLUDED. Rows come grouped by participant in most exports: the last id's index is
   * kept, and a repeated id is found without a lookup (its problems, if any, are still reported
   * on each line); so is the next participant's id.
   */
  indexOf(r: TableReader, c: ColumnReader<string>, id: string | null, line: number, table: 'activities' | 'followups'): number {
    if (this.corrections.cascade(id, table)) return EXCLUDED;
    if (id !== null && id === this.lastId && this.lastIndex !== undefined && this.lastIndex >= 0) return this.lastIndex;
    const next = this.lastIndex !== undefined && this.lastIndex >= 0 ? this.lastIndex + 1 : 0;
    // An accepted participant's id maps to its own index (its first row, without problems).
    const i = id === null ? undefined : this.participants[next]?.id === id ? next : this.seen.get(id);
    this.lastId = id;
    this.lastIndex = i;
    const pnr = identityNumberProblem(id, line, c.header);
    if (pnr) r.problems.add(pnr);
    // Without readable participants every reference would look unknown: say nothing then.
    else if (id !== null && i === undefined && this.seen.size > 0) r.problems.add({ line, column: c.header, value: id, expected: readText.knownParticipant });
    return i ?? -1;
  }
}
