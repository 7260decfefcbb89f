// Raw text fields → typed values, Swedish conventions included. Each parser returns the value or
// undefined when the text is not acceptable; empty text is handled by the caller.

/** Accepts "1 234,5", "1 234,5" (no-break spaces), "−3" (U+2212), "12.5". */
export function parseNumber(text: string): number | undefined {
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

function isoIfValid(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type DateFormat = 'iso' | 'd/m/yyyy';

/** A calendar date as ISO YYYY-MM-DD; `2021-02-30` is rejected. A time of day is accepted and dropped. */
export function parseDate(text: string, format: DateFormat): string | undefined {
  if (format === 'd/m/yyyy') {
    const m = DMY.exec(text.trim());
    return m ? isoIfValid(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
  }
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return undefined;
  return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
}

export const DATE_EXPECTED: Record<DateFormat, string> = {
  iso: 'a date written YYYY-MM-DD (optionally followed by HH:MM) that exists in the calendar',
  'd/m/yyyy': 'a date written D/M/YYYY (as tables.<table>.date_format says) that exists in the calendar',
};
