// The corrections of report.yaml (`corrections`), applied while a table is read: rows excluded
// by participant id or by a rule on a canonical column, values set by participant id. A value is
// set on the raw field, before the row is read, so it is mapped and checked like the export's own
// values (and a correction can mend a row the reader would refuse). A row excluded by id alone is
// never read; one excluded by a rule is matched on its canonical values. Excluding a participant
// excludes their activity and follow-up rows. Each correction counts what it did; the report
// publishes the rule and the count, never a row or an id.
import { fieldValue } from '../config/contract.ts';
import type { Correction, WhereRule } from '../config/schema.ts';
import type { ColumnReader, TableReader } from './table.ts';
import { Cells } from './cells.ts';
import type { Check, CorrectionRecord } from '../publish/indicators-schema.ts';
import { t, type Language } from '../messages.ts';
import { readText } from '../problem-messages.ts';

export type CorrectedTable = Correction['table'];

/** What one correction did, for the data-quality appendix and indicators.json. */
export interface CorrectionCount {
  correction: Correction;
  /** Rows of its own table excluded or corrected. */
  rows: number;
  /** Activity and follow-up rows excluded with the participants this correction excluded. */
  cascaded: { activities: number; followups: number };
}

/**
 * A rule in a language-neutral notation ("unit = A, B", "entry_date < 2021-01-01"); ids only as
 * a number, and never the value a correction sets (with one id it would describe that person).
 */
export function ruleText(c: Correction): string {
  const parts: string[] = [];
  if (c.ids) parts.push(`participant_id (${c.ids.length} id)`);
  const w = c.where;
  if (w) {
    if (w.equals) parts.push(`${w.column} = ${w.equals.join(', ')}`);
    if (w.after !== undefined) parts.push(`${w.column} > ${w.after}`);
    if (w.before !== undefined) parts.push(`${w.column} < ${w.before}`);
    if (w.min !== undefined) parts.push(`${w.column} ≥ ${w.min}`);
    if (w.max !== undefined) parts.push(`${w.column} ≤ ${w.max}`);
    if (w.missing) parts.push(`${w.column} missing`);
  }
  return parts.join(' & ');
}

/** Does a canonical value match the rule? A missing value matches only `missing`. */
export function matchesRule(w: WhereRule, v: unknown): boolean {
  const empty = v === null || v === undefined || (Array.isArray(v) && v.length === 0);
  if (w.missing) return empty;
  if (empty) return false;
  if (w.equals) {
    const set = new Set(w.equals);
    return Array.isArray(v) ? v.some((x) => set.has(String(x))) : set.has(String(v));
  }
  if (w.before !== undefined || w.after !== undefined) {
    const d = String(v).slice(0, 10);
    return (w.before === undefined || d < w.before) && (w.after === undefined || d > w.after);
  }
  if (typeof v !== 'number') return false;
  return (w.min === undefined || v >= w.min) && (w.max === undefined || v <= w.max);
}

/** The corrections of one table while it is read. */
export interface TableCorrections {
  /** The fields to read the row from (a copy when a value is set), or null when the row is excluded by id. */
  raw(fields: Cells): Cells | null;
  /** Is the read row excluded by a rule? Counts it. */
  excludes(row: object): boolean;
}

export class Corrections {
  readonly counts: CorrectionCount[];
  /** Participant id → the correction that excluded the participant. */
  private readonly excluded = new Map<string, CorrectionCount>();

  constructor(corrections: readonly Correction[]) {
    this.counts = corrections.map((correction) => ({ correction, rows: 0, cascaded: { activities: 0, followups: 0 } }));
  }

  /**
   * The correction excluding a participant's rows in another table, counted there; undefined
   * when the participant is not excluded.
   */
  cascade(id: string | null, table: 'activities' | 'followups'): boolean {
    const by = id === null ? undefined : this.excluded.get(id);
    if (by) by.cascaded[table]++;
    return by !== undefined;
  }

  /**
   * The corrections of `table` bound to its reader, or null when it has none. A column to set
   * that the file lacks is a problem at the header line.
   */
  forTable(table: CorrectedTable, reader: TableReader, configFile: string): TableCorrections | null {
    const mine = this.counts.map((c, i) => ({ ...c, i, count: c })).filter((c) => c.correction.table === table);
    if (mine.length === 0) return null;
    const idColumn = reader.column('participant_id');
    const byRule = mine.filter((c) => c.correction.where);
    const { exclusions, sets } = byIdCorrections(mine.filter((c) => c.correction.ids && !c.correction.where), reader, configFile);
    const idOf = (row: object): string | null => {
      const r = row as Record<string, unknown>;
      return (table === 'participants' ? r.id : r.participantId) as string | null;
    };
    return {
      raw: (fields) => {
        const id = idColumn.raw(fields);
        const ex = exclusions.get(id);
        if (ex) {
          ex.rows++;
          if (table === 'participants') this.excluded.set(id, ex);
          return null;
        }
        const set = sets.get(id);
        if (!set) return fields;
        const out = fields.texts();
        for (const s of set) {
          out[s.column.index] = s.value;
          s.count.rows++;
        }
        return Cells.of(out);
      },
      excludes: (row) => {
        if (byRule.length === 0) return false;
        const id = idOf(row);
        for (const c of byRule) {
          const w = c.correction.where!;
          if (c.correction.ids && (id === null || !c.correction.ids.includes(id))) continue;
          if (!matchesRule(w, fieldValue(table, w.column)(row))) continue;
          c.count.rows++;
          if (table === 'participants' && id !== null) this.excluded.set(id, c.count);
          return true;
        }
        return false;
      },
    };
  }
}

type ById = { correction: Correction; i: number; count: CorrectionCount };

/** The corrections that pick rows by participant id only: exclusions and values to set, by id. */
function byIdCorrections(byId: ById[], reader: TableReader, configFile: string) {
  const exclusions = new Map<string, CorrectionCount>();
  const sets = new Map<string, { column: ColumnReader; value: string; count: CorrectionCount }[]>();
  for (const c of byId) {
    const col = c.correction.action === 'set' ? reader.column(c.correction.column!) : null;
    if (col && !col.present) {
      reader.problems.add({ line: reader.headerLine, column: col.header, expected: readText.correctedColumn(col.header, c.i, configFile, c.correction.column!) });
      continue;
    }
    for (const id of c.correction.ids!) {
      if (!col) {
        if (!exclusions.has(id)) exclusions.set(id, c.count);
        continue;
      }
      const list = sets.get(id) ?? [];
      list.push({ column: col, value: c.correction.value!, count: c.count });
      sets.set(id, list);
    }
  }
  return { exclusions, sets };
}

/** One check per correction for the data-quality appendix: the rule and the count, a warning when it matched nothing. */
export function correctionChecks(counts: readonly CorrectionCount[], files: Partial<Record<CorrectedTable, { file: string }>>, lang: Language): Check[] {
  return counts.map((c, i) => {
    const k = c.correction;
    const params = { n: i + 1, rows: c.rows, file: files[k.table]?.file ?? k.table, rule: ruleText(k), reason: k.reason, column: k.column ?? '' };
    if (c.rows === 0) return { id: `corrections.${i + 1}`, severity: 'warning', message: t(lang, 'check.correction_none', params) };
    const { activities, followups } = c.cascaded;
    const cascade = activities + followups > 0 ? t(lang, 'check.correction_cascade', { activities, followups }) : '';
    const key = k.action === 'set' ? 'check.correction_set' : 'check.correction_excluded';
    return { id: `corrections.${i + 1}`, severity: 'info', message: t(lang, key, { ...params, cascade }) };
  });
}

/** What indicators.json keeps of each correction: the rule, the reason and the counts, never an id. */
export const correctionProvenance = (counts: readonly CorrectionCount[]): CorrectionRecord[] =>
  counts.map((c) => ({ table: c.correction.table, action: c.correction.action, rule: ruleText(c.correction), reason: c.correction.reason, rows: c.rows, cascaded: c.cascaded }));
