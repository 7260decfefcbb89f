// Raw records → canonical rows of one table, using the configuration's column and value maps.
// Every problem is collected (file, line, column, value, what was expected); nothing is thrown
// here, so a caller can report all problems of all files at once.
import { invariant } from '../problems.ts';
import type { TableMapping } from '../config/schema.ts';
import { tableSpec, type ColumnName, type ColumnSpec, type ColumnValue, type ProjectCodes, type TableName } from '../config/contract.ts';
import type { Problem } from '../problems.ts';
import { maskText, quoteInput } from '../privacy/mask.ts';
import type { Records } from './csv.ts';
import type { Cells } from './cells.ts';
import { cachedGetter, valueReader } from './column-values.ts';
import { readText } from '../problem-messages.ts';

export { VALUE_CACHE_LIMIT } from './column-values.ts';

/** Problems kept per file; a larger count is summarised in one extra line. */
export const PROBLEMS_KEPT_PER_FILE = 1000;

export class FileProblems {
  readonly items: Problem[] = [];
  private extra = 0;
  constructor(readonly file: string) {}
  add(p: Omit<Problem, 'file'>): void {
    if (this.items.length < PROBLEMS_KEPT_PER_FILE) this.items.push({ file: this.file, ...p });
    else this.extra++;
  }
  get any(): boolean {
    return this.items.length > 0;
  }
  /** Every problem found so far, kept or not: compare before and after a row to see if it had any. */
  get total(): number {
    return this.items.length + this.extra;
  }
  all(): Problem[] {
    return this.extra === 0
      ? this.items
      : [...this.items, { file: this.file, expected: readText.moreProblems(this.extra) }];
  }
}

/**
 * The header for a message, when it looks like column names: short names without line breaks or
 * identity numbers. Otherwise (a file read as one line, a data row taken for the header) only the
 * number of fields, so no message ever repeats the rows of a file.
 */
export function headerList(header: string[]): string {
  // eslint-disable-next-line no-control-regex
  const looksLikeNames = header.length <= 200 && header.every((h) => h.length <= 80 && !/[\u0000-\u001f\u007f]/.test(h) && maskText(h) === h);
  return looksLikeNames ? readText.headerNames(quoteInput(header.join(', '))) : readText.headerNotNames(header.length);
}

/** Reads one field of a record as a typed value; null when empty (or invalid, after reporting it). */
export type Getter<T> = (fields: Cells, line: number) => T | null;

export interface ColumnReader<T = unknown> {
  /** Source header, as written in the file. */
  header: string;
  present: boolean;
  /** The field's position in a record, or −1 when the file lacks the column. */
  index: number;
  /** The field's value, of the type the contract gives the column (the reader checked it). */
  get: Getter<T>;
  /** The field's text, trimmed ('' when empty or when the column is absent). */
  raw: (fields: Cells) => string;
}

export interface TableReader<T extends TableName = TableName> {
  problems: FileProblems;
  /** Line of the header in the file (2 after a `sep=` line). */
  headerLine: number;
  /** A column of the contract, typed by its definition; a column the configuration adds (survey questions) is text. */
  column<N extends ColumnName<T>>(name: N): ColumnReader<ColumnValue<T, N>>;
  column(name: string): ColumnReader<string>;
  /** Headers in the file that no canonical column or question reads. */
  unused(): string[];
  fieldCountOk(fields: Cells, line: number): boolean;
}

/** Each header's first position, and how many times it occurs. */
function headerPositions(header: string[]): { index: Map<string, number>; count: Map<string, number> } {
  const index = new Map<string, number>();
  const count = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
    count.set(h, (count.get(h) ?? 0) + 1);
  });
  return { index, count };
}

/**
 * Prepares readers for the canonical columns of `table`. `extra` adds columns the configuration
 * declares (survey questions). Reports missing required columns against the header line.
 */
export function tableReader<T extends TableName>(
  table: T,
  records: Records,
  mapping: TableMapping,
  problems: FileProblems,
  configFile: string,
  extra: Record<string, ColumnSpec & { header: string; scale?: string[] }> = {},
  codes?: ProjectCodes,
): TableReader<T> {
  const spec: Record<string, ColumnSpec & { header?: string; scale?: string[] }> = { ...tableSpec(table, codes), ...extra };
  const { index, count } = headerPositions(records.header);
  // A header line with an identity number in it is a data row (a file without a header line).
  if (records.header.some((h) => maskText(h) !== h))
    problems.add({ line: records.headerLine, expected: readText.headerIsData });
  // Two canonical columns may read one header (Samverkan codes reason and destination of exit in one).
  const used = new Set<number>();
  const columns = new Map<string, ColumnReader>();
  const columnMap = mapping.columns as Record<string, string | undefined>;
  const valueMaps = mapping.values as Record<string, Record<string, string> | undefined>;

  for (const [name, col] of Object.entries(spec)) {
    const header = col.header ?? columnMap[name] ?? name;
    const i = index.get(header);
    if (i !== undefined) {
      used.add(i);
      const twice = count.get(header)!;
      if (twice > 1) problems.add({ line: records.headerLine, column: header, expected: readText.oneColumnNamed(header, twice) });
    }
    // The canonical name is a header of its own, besides the one the mapping names: which one is meant?
    if (!col.header && columnMap[name] !== undefined && columnMap[name] !== name && index.has(name))
      problems.add({ line: records.headerLine, column: name, expected: readText.singleSource(name, table, configFile, header) });
    if (i === undefined && col.required)
      problems.add({ line: records.headerLine, column: header, expected: readText.columnNamed(header, col.header ? null : name, table, configFile, headerList(records.header)) });
    columns.set(name, {
      header,
      present: i !== undefined,
      index: i ?? -1,
      get: i === undefined ? () => null : cachedGetter(i, valueReader({ table, name, header, col, map: valueMaps[name], mapping, configFile, problems }), problems),
      raw: i === undefined ? () => '' : (fields) => fields.text(i).trim(),
    });
  }

  const width = records.header.length;
  return {
    problems,
    headerLine: records.headerLine,
    column(name: string) {
      const c = columns.get(name);
      invariant(c, `a row reader asked for column ${name}, which table ${table} does not have`);
      return c as ColumnReader<never>;
    },
    unused: () => records.header.filter((h, i) => !used.has(i) && h !== ''),
    fieldCountOk(fields, line) {
      if (fields.length === width) return true;
      problems.add({ line, value: quoteInput(fields.texts().join(records.delimiter), 60), expected: readText.fieldCount(width, fields.length) });
      return false;
    },
  };
}
