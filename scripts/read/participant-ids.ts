// The participants' ids while a project is read: each id's row (for the duplicate check) and the
// index other tables refer to it by (activities and follow-ups name the participant).
import type { Problem } from '../problems.ts';
import { identityNumberProblem } from '../privacy/secrets.ts';
import type { Corrections } from './corrections.ts';
import type { ColumnReader, TableReader } from './table.ts';
import { readText } from '../problem-messages.ts';

/** The index of a row whose participant a correction excluded: the row is dropped too. */
export const EXCLUDED = -0.5;

export class ParticipantIds {
  /**
   * Participant id → its index in the participants array, or −line when its first row was
   * refused (or excluded). Serves duplicate checks and resolves references in one lookup.
   */
  private readonly seen = new Map<string, number>();
  private readonly lineOf: number[] = [];
  private lastId: string | null = null;
  private lastIndex: number | undefined;

  constructor(private readonly corrections: Corrections) {}

  /** The problem of a participant id seen before (with the line it was first on), or null. */
  duplicate(id: string, line: number, column: string): Omit<Problem, 'file'> | null {
    const first = this.seen.get(id);
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
   * on each line).
   */
  indexOf(r: TableReader, c: ColumnReader<string>, id: string | null, line: number, table: 'activities' | 'followups'): number {
    if (this.corrections.cascade(id, table)) return EXCLUDED;
    if (id !== null && id === this.lastId && this.lastIndex !== undefined && this.lastIndex >= 0) return this.lastIndex;
    const i = id === null ? undefined : this.seen.get(id);
    this.lastId = id;
    this.lastIndex = i;
    const pnr = identityNumberProblem(id, line, c.header);
    if (pnr) r.problems.add(pnr);
    // Without readable participants every reference would look unknown: say nothing then.
    else if (id !== null && i === undefined && this.seen.size > 0) r.problems.add({ line, column: c.header, value: id, expected: readText.knownParticipant });
    return i ?? -1;
  }
}
