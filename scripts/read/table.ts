// Raw records → canonical rows of one table, using the configuration's column and value maps.
// Every problem is collected (file, line, column, value, what was expected); nothing is thrown
// here, so a caller can report all problems of all files at once.
import type { TableMapping } from '../config/schema.ts';
import { tableSpec, type ColumnName, type ColumnSpec, type ColumnValue, type ProjectCodes, type TableName } from '../config/contract.ts';
import type { Problem } from '../problems.ts';
import { maskText, quoteInput } from '../privacy/mask.ts';
import type { Records } from './csv.ts';
import { DATE_EXPECTED, parseDate, parseInteger, parseNumber } from './values.ts';
import { detach } from './detach.ts';
import { TextCache, type Cells } from './cells.ts';

/** Could this character be white space that trim() removes (ASCII, no-break or any Unicode space)? */
const maybeSpace = (c: number) => c <= 32 || c === 0xa0 || c >= 0x1680;

/** Distinct field texts whose values a column keeps (table.ts getter): codes and dates fit, ids fill it and stop. */
export const VALUE_CACHE_LIMIT = 8192;

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
      : [...this.items, { file: this.file, expected: `no further problems (${this.extra} more were found and not listed)` }];
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
  return looksLikeNames ? `the header has: ${quoteInput(header.join(', '))}` : `the header line has ${header.length} fields, not shown: they do not look like column names (check the line ends and the delimiter)`;
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
  const index = new Map<string, number>();
  const count = new Map<string, number>();
  records.header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
    count.set(h, (count.get(h) ?? 0) + 1);
  });
  // A header line with an identity number in it is a data row (a file without a header line).
  if (records.header.some((h) => maskText(h) !== h))
    problems.add({ line: records.headerLine, expected: 'column names in the first line: this line holds a personal identity or coordination number, so it looks like a data row (is the header line missing?)' });
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
      if (twice > 1) problems.add({ line: records.headerLine, column: header, expected: `one column named "${header}" (the header has ${twice}; they may disagree, so none is chosen: remove or rename the others)` });
    }
    // The canonical name is a header of its own, besides the one the mapping names: which one is meant?
    if (!col.header && columnMap[name] !== undefined && columnMap[name] !== name && index.has(name))
      problems.add({ line: records.headerLine, column: name, expected: `a single source for canonical column ${name}: tables.${table}.columns of ${configFile} maps it to "${header}", and the file also has a column named "${name}" (rename or remove one)` });
    if (i === undefined && col.required) {
      problems.add({
        line: records.headerLine,
        column: header,
        expected: `a column named "${header}"${col.header ? '' : ` (canonical column ${name}; rename it in tables.${table}.columns of ${configFile} if the export calls it something else)`}; ${headerList(records.header)}`,
      });
    }
    columns.set(name, {
      header,
      present: i !== undefined,
      index: i ?? -1,
      get: i === undefined ? () => null : getter(name, header, i, col, valueMaps[name], col.scale),
      raw: i === undefined ? () => '' : (fields) => fields.text(i).trim(),
    });
  }

  function getter(name: string, header: string, i: number, col: ColumnSpec, map: Record<string, string> | undefined, scale?: string[]): Getter<unknown> {
    const mapPath = `tables.${table}.values.${name} in ${configFile}`;
    const type = col.type;
    // A Map: faster than an object with Swedish keys, and no inherited keys like "constructor".
    const lookup = map ? new Map(Object.entries(map)) : null;
    const mapOne = (raw: string, line: number): string | null | undefined => {
      if (!lookup) return raw;
      const v = lookup.get(raw);
      if (v === undefined) {
        problems.add({ line, column: header, value: raw, expected: `a value listed in ${mapPath} (${[...lookup.keys()].join(', ')}); add "${raw}: <canonical value>" there if it is valid` });
        return undefined;
      }
      return v === '' ? null : v;
    };
    const checkAllowed = (v: string, raw: string, line: number, allowed: readonly string[]): boolean => {
      if (allowed.includes(v)) return true;
      problems.add({ line, column: header, value: raw, expected: `one of ${allowed.join(', ')}${map ? '' : `, or a mapping for it in ${mapPath}`}` });
      return false;
    };
    // Values repeat (dates, codes, units): a field's value, once read without a problem, is kept
    // by its text (up to VALUE_CACHE_LIMIT texts per column). A repeated text then skips parsing
    // and every row shares one string or list, detached from the file's text so that the text
    // can be freed once read (the cache's keys and the last text die with the reader). Invalid
    // values are not kept: each of their lines is reported. A column of mostly distinct texts
    // (ids) stops looking them up once the cache is full and fewer than half of its lookups found
    // a value; its last text is still remembered (rows of one participant come together).
    const cache = new TextCache<unknown>();
    let caching = true;
    let hits = 0;
    let lastField: string | undefined;
    let lastValue: unknown;
    return (fields, line) => {
      if (i >= fields.length) return readValue('', line);
      const source = fields.source;
      const from = fields.start[i]!;
      const to = fields.end[i]!;
      // The field's text compared and looked up where it stands in the record's source: a string
      // is cut only for a text this column has not kept (cells.ts).
      if (lastField !== undefined && lastField.length === to - from && source.startsWith(lastField, from)) return lastValue;
      const slot = caching ? cache.find(source, from, to) : -1;
      if (slot >= 0) {
        hits++;
        lastField = cache.key(slot);
        return (lastValue = cache.value(slot));
      }
      const field = source.slice(from, to);
      const before = problems.total;
      const v = readValue(field, line);
      if (v === null || problems.total !== before) return v;
      const kept = typeof v === 'string' ? detach(v) : Array.isArray(v) ? Object.freeze(v.map(detach)) : v;
      if (caching) {
        if (cache.size < VALUE_CACHE_LIMIT) cache.set(slot, detach(field), kept);
        else if (hits < cache.size) (caching = false), cache.clear();
      }
      lastField = field;
      lastValue = kept;
      return kept;
    };

    function readValue(field: string, line: number): unknown {
      // trim() only when needed: most fields have no surrounding space, and this runs millions of times.
      const raw = field.length > 0 && (maybeSpace(field.charCodeAt(0)) || maybeSpace(field.charCodeAt(field.length - 1))) ? field.trim() : field;
      if (raw === '') {
        if (col.required) problems.add({ line, column: header, value: '', expected: `a value (column ${name} is required)` });
        return null;
      }
      switch (type.kind) {
        case 'enum-list': {
          const sep = mapping.multi_separator;
          const out: string[] = [];
          for (const part of raw.split(sep)) {
            const p = part.trim();
            if (p === '') continue;
            const v = mapOne(p, line);
            if (v === undefined) return null;
            if (v !== null && checkAllowed(v, p, line, type.values)) out.push(v);
          }
          return out;
        }
        case 'enum': {
          const v = mapOne(raw, line);
          if (v === undefined || v === null) return null;
          return checkAllowed(v, raw, line, type.values) ? v : null;
        }
        case 'code':
        case 'string': {
          const v = mapOne(raw, line);
          if (v === undefined || v === null) return null;
          if (scale && !scale.includes(v)) {
            problems.add({ line, column: header, value: raw, expected: `an answer of the question's scale (${scale.join(', ')}) as listed in survey.questions of ${configFile}` });
            return null;
          }
          return v;
        }
        case 'integer':
        case 'number': {
          const v = mapOne(raw, line);
          if (v === undefined || v === null) return null;
          const n = type.kind === 'integer' ? parseInteger(v) : parseNumber(v);
          if (n === undefined) problems.add({ line, column: header, value: raw, expected: type.kind === 'integer' ? 'a whole number' : 'a number (decimal comma or point, spaces allowed between thousands)' });
          return n ?? null;
        }
        case 'date': {
          const d = parseDate(raw, mapping.date_format);
          if (d === undefined) problems.add({ line, column: header, value: raw, expected: DATE_EXPECTED[mapping.date_format] });
          return d ?? null;
        }
      }
    }
  }

  const width = records.header.length;
  return {
    problems,
    headerLine: records.headerLine,
    column(name: string) {
      const c = columns.get(name);
      if (!c) throw new Error(`bug: no column ${name} in table ${table}`);
      return c as ColumnReader<never>;
    },
    unused: () => records.header.filter((h, i) => !used.has(i) && h !== ''),
    fieldCountOk(fields, line) {
      if (fields.length === width) return true;
      problems.add({ line, value: quoteInput(fields.texts().join(records.delimiter), 60), expected: `${width} fields like the header (found ${fields.length}); check for a stray delimiter or a missing quote` });
      return false;
    },
  };
}
