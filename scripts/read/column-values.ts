// A column's fields → typed values: the configuration's value map, the contract's closed lists,
// numbers, dates and a survey question's scale, each problem reported with its line and column;
// and the cache that reads each distinct text of a column once.
import type { TableMapping } from '../config/schema.ts';
import type { ColumnSpec } from '../config/contract.ts';
import { readText } from '../problem-messages.ts';
import { TextCache, type Cells } from './cells.ts';
import { detach } from './detach.ts';
import { DATE_EXPECTED, parseDate, parseInteger, parseNumber } from './values.ts';
import type { FileProblems, Getter } from './table.ts';

/** Could this character be white space that trim() removes (ASCII, no-break or any Unicode space)? */
const maybeSpace = (c: number) => c <= 32 || c === 0xa0 || c >= 0x1680;

/** Distinct field texts whose values a column keeps: codes and dates fit, ids fill it and stop. */
export const VALUE_CACHE_LIMIT = 8192;

export interface ColumnSource {
  table: string;
  /** The canonical column (or the configuration's name of a survey question's column). */
  name: string;
  /** The column's header in the file. */
  header: string;
  col: ColumnSpec & { scale?: string[] };
  /** tables.<table>.values.<name>: the export's values → canonical ones. */
  map: Record<string, string> | undefined;
  mapping: TableMapping;
  configFile: string;
  problems: FileProblems;
}

type ReadValue = (field: string, line: number) => unknown;

/** Reads one field's text as the column's typed value; null when empty or invalid (the problem reported). */
export function valueReader(src: ColumnSource): ReadValue {
  const { name, header, col, problems } = src;
  const type = col.type;
  const mapOne = valueMap(src);
  const checkAllowed = (v: string, raw: string, line: number, allowed: readonly string[]): boolean => {
    if (allowed.includes(v)) return true;
    problems.add({ line, column: header, value: raw, expected: readText.allowedValue(allowed, src.map ? null : mapPath(src)) });
    return false;
  };
  return (field, line) => {
    // trim() only when needed: most fields have no surrounding space, and this runs millions of times.
    const raw = field.length > 0 && (maybeSpace(field.charCodeAt(0)) || maybeSpace(field.charCodeAt(field.length - 1))) ? field.trim() : field;
    if (raw === '') {
      if (col.required) problems.add({ line, column: header, value: '', expected: readText.requiredValue(name) });
      return null;
    }
    switch (type.kind) {
      case 'enum-list': {
        const out: string[] = [];
        for (const part of raw.split(src.mapping.multi_separator)) {
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
        return v === undefined || v === null ? null : checkAllowed(v, raw, line, type.values) ? v : null;
      }
      case 'code':
      case 'string': {
        const v = mapOne(raw, line);
        if (v === undefined || v === null) return null;
        if (!col.scale || col.scale.includes(v)) return v;
        problems.add({ line, column: header, value: raw, expected: readText.scaleAnswer(col.scale, src.configFile) });
        return null;
      }
      case 'integer':
      case 'number': {
        const v = mapOne(raw, line);
        if (v === undefined || v === null) return null;
        const n = type.kind === 'integer' ? parseInteger(v) : parseNumber(v);
        if (n === undefined) problems.add({ line, column: header, value: raw, expected: type.kind === 'integer' ? readText.wholeNumber : readText.number });
        return n ?? null;
      }
      case 'date': {
        const d = parseDate(raw, src.mapping.date_format);
        if (d === undefined) problems.add({ line, column: header, value: raw, expected: DATE_EXPECTED[src.mapping.date_format] });
        return d ?? null;
      }
    }
  };
}

const mapPath = (src: ColumnSource) => `tables.${src.table}.values.${src.name} in ${src.configFile}`;

/** The export's value → its canonical value (null for one mapped to ""), undefined after reporting one the map lacks. */
function valueMap(src: ColumnSource): (raw: string, line: number) => string | null | undefined {
  if (!src.map) return (raw) => raw;
  // A Map: faster than an object with Swedish keys, and no inherited keys like "constructor".
  const lookup = new Map(Object.entries(src.map));
  return (raw, line) => {
    const v = lookup.get(raw);
    if (v !== undefined) return v === '' ? null : v;
    src.problems.add({ line, column: src.header, value: raw, expected: readText.mappedValue(mapPath(src), [...lookup.keys()], raw) });
    return undefined;
  };
}

/**
 * The getter of the field at `index`. Values repeat (dates, codes, units): a field's value, once
 * read without a problem, is kept by its text (up to VALUE_CACHE_LIMIT texts per column). A
 * repeated text then skips parsing and every row shares one string or list, detached from the
 * file's text so that the text can be freed once read (the cache's keys and the last text die
 * with the reader). The text is compared and looked up where it stands in the record's source
 * (cells.ts): a string is cut only for a text the column has not kept. Invalid values are not
 * kept: each of their lines is reported. A column of mostly distinct texts (ids) stops looking
 * them up once the cache is full and fewer than half of its lookups found a value; its last text
 * is still remembered (rows of one participant come together).
 */
export function cachedGetter(index: number, read: ReadValue, problems: FileProblems): Getter<unknown> {
  const cache = new TextCache<unknown>();
  let caching = true;
  let hits = 0;
  let lastField: string | undefined;
  let lastValue: unknown;
  return (fields: Cells, line: number) => {
    if (index >= fields.length) return read('', line);
    const source = fields.source;
    const from = fields.start[index]!;
    const to = fields.end[index]!;
    if (lastField !== undefined && lastField.length === to - from && source.startsWith(lastField, from)) return lastValue;
    const slot = caching ? cache.find(source, from, to) : -1;
    if (slot >= 0) {
      hits++;
      lastField = cache.key(slot);
      return (lastValue = cache.value(slot));
    }
    const field = source.slice(from, to);
    const before = problems.total;
    const v = read(field, line);
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
}
