// Raw text fields → typed values, Swedish conventions included. Each parser returns the value or
// undefined when the text is not acceptable; empty text is handled by the caller.

/** True when every character is an ASCII digit (the common case, checked without a regex). */
function allDigits(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Accepts "1 234,5", "1 234,5" (no-break spaces), "−3" (U+2212), "12.5". */
export function parseNumber(text: string): number | undefined {
  if (allDigits(text)) return Number(text);
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-').replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

export function parseInteger(text: string): number | undefined {
  const n = parseNumber(text);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[m - 1]!);
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

function isoIfValid(y: number, m: number, d: number): string | undefined {
  if (!validDay(y, m, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
/** The common case "YYYY-MM-DD" without a regex or a new string (millions of dates per build). */
function plainIso(s: string): string | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  return validDay(y, digit(s, 5) * 10 + digit(s, 6), digit(s, 8) * 10 + digit(s, 9)) ? s : undefined;
}

export type DateFormat = 'iso' | 'd/m/yyyy';

/** A calendar date as ISO YYYY-MM-DD; `2021-02-30` is rejected. A time of day is accepted and dropped. */
export function parseDate(text: string, format: DateFormat): string | undefined {
  if (format === 'd/m/yyyy') {
    const m = DMY.exec(text.trim());
    return m ? isoIfValid(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
  }
  if (text.length === 10 && text.charCodeAt(4) === 45) return plainIso(text);
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return undefined;
  return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
}

export const DATE_EXPECTED: Record<DateFormat, string> = {
  iso: 'a date written YYYY-MM-DD (optionally followed by HH:MM) that exists in the calendar',
  'd/m/yyyy': 'a date written D/M/YYYY (as tables.<table>.date_format says) that exists in the calendar',
};
