// Small text helpers shared by the example-data generators (Excel-style Swedish CSV).

export const CRLF = '\r\n';
export const BOM = '\uFEFF';

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2020, 0, 1);

/** Days since 2020-01-01: dates are plain integers while generating. */
export function day(iso: string): number {
  return Math.round((Date.parse(iso + 'T00:00:00Z') - EPOCH) / DAY_MS);
}

// ISO strings are cached per day: formatting millions of dates must stay cheap.
const isoCache: string[] = [];
export function isoDay(d: number): string {
  return (isoCache[d] ??= new Date(EPOCH + d * DAY_MS).toISOString().slice(0, 10));
}

/** Number with a Swedish decimal comma: 3.5 -> "3,5", 12 -> "12". */
export function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  // Halves are the common case: skip general float formatting (hot in bench data).
  if (n > 0 && Number.isInteger(n * 2)) return `${Math.trunc(n)},5`;
  return String(n).replace('.', ',');
}

/** Round to the nearest half (months and hours are recorded in halves). */
export function half(n: number): number {
  return Math.round(n * 2) / 2;
}

/** RFC 4180 quoting, only when the field needs it. */
export function csvField(s: string, sep = ';'): string {
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
