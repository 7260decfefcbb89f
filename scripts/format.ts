// The one place numbers are formatted for readers (report text, tables, CSV downloads).
import type { Figure } from './publish/indicators-schema.ts';
import { t, type Language } from './messages.ts';

const NBSP = '\u00a0';
const MINUS = '\u2212';

/** Plain decimal for CSV cells: decimal comma in Swedish, no thousands separator, ASCII minus. */
export function csvNumber(x: number, lang: Language): string {
  const s = String(x);
  return lang === 'sv' ? s.replace('.', ',') : s;
}

/** A number for reading: "1 234,5" (no-break spaces, U+2212 minus) in Swedish, "1,234.5" in English. */
export function formatNumber(x: number, lang: Language, decimals = 0): string {
  const s = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(x);
  return lang === 'sv' ? s.replace(/[\s\u202f]/g, NBSP).replace(/[-\u2212]/g, MINUS) : s;
}

/** A share 0–1 as a percentage: "22 %" (no-break space) in Swedish, "22%" in English. */
export function formatPercent(share: number, lang: Language, decimals = 0): string {
  const n = formatNumber(share * 100, lang, decimals);
  return lang === 'sv' ? `${n}${NBSP}%` : `${n}%`;
}

/** An interval of shares: "15–31 %" (en dash, no-break space) in Swedish, "15–31%" in English. */
export function formatInterval(lo: number, hi: number, lang: Language, decimals = 0): string {
  const a = formatNumber(lo * 100, lang, decimals);
  const b = formatNumber(hi * 100, lang, decimals);
  return lang === 'sv' ? `${a}–${b}${NBSP}%` : `${a}–${b}%`;
}

/** A date (YYYY-MM-DD) for reading: as it is in Swedish (the Swedish standard form), "30 June 2022" in English. */
export function formatDate(iso: string, lang: Language): string {
  if (lang === 'sv') return iso;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!));
}

/** A period of a time series ("2024-01", "2024-Q1", "2024") for reading: "jan 2024", "kv. 1 2024", "2024" (English "Jan 2024", "Q1 2024"). */
export function formatPeriod(key: string, lang: Language): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return lang === 'sv' ? `kv.${NBSP}${q[2]} ${q[1]}` : `Q${q[2]} ${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return key;
  const name = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).replace(/\.$/, '');
  return `${name} ${m[1]}`;
}

/**
 * The marks of official statistics for a value not shown (SCB's conventions): ".." for a value
 * resting on fewer than k persons, "×" for one hidden so that such a value cannot be worked out
 * from the others, and "–" only for nil (a cell that does not exist, such as a share of nobody).
 */
export const MARKS = { primary: '..', secondary: '×', nil: '–' } as const;
export type Suppression = NonNullable<Figure['suppression']>;

/** The mark for a hidden value: why it is hidden, or nil when there is no figure at all. */
export function hiddenMark(f: { suppression?: Suppression | undefined } | undefined): string {
  return f === undefined ? MARKS.nil : f.suppression === 'secondary' ? MARKS.secondary : MARKS.primary;
}

/** What a CSV's "suppressed" column says of a figure: primary, secondary or nothing. */
export function suppressionWord(f: { suppressed?: boolean; suppression?: Suppression | undefined } | undefined, lang: Language): string {
  return f?.suppressed ? t(lang, f.suppression === 'secondary' ? 'suppression.secondary' : 'suppression.primary') : '';
}

/** One legend line for each mark that `shown` (the texts a table or chart shows) holds. */
export function legendLines(shown: Iterable<string>, lang: Language, k: number): string[] {
  const texts = new Set(shown);
  return (['primary', 'secondary'] as const).filter((m) => texts.has(MARKS[m])).map((m) => t(lang, `legend.${m}`, { mark: MARKS[m], k }));
}

/** Decimals for means shown side by side: one, except for whole numbers and for values of 100 or
 * more, where a decimal is false precision ("136 timmar", not "136,0 timmar"). */
export function meanDecimals(values: number[]): number {
  return values.every((v) => Number.isInteger(v) || Math.abs(v) >= 100) ? 0 : 1;
}

/** A difference in probability in percentage points, one decimal: "4,9 procentenheter". */
export const percentagePoints = (x: number, lang: Language) => `${formatNumber(x * 100, lang, 1)}${NBSP}${t(lang, 'figure.percentage_points')}`;

/** A coefficient (or its se or interval end) as a model table shows it: percentage points with one
 * decimal for a linear probability model, else four decimals. No unit word: the column says it. */
export function formatCoefficient(x: number, f: Pick<Figure, 'scale'>, lang: Language): string {
  return f.scale === 'probability' ? formatNumber(x * 100, lang, 1) : formatNumber(x, lang, 4);
}

/** The formatted text of a figure's value (or part) in the report's language. */
export function formatFigure(f: Figure, lang: Language, part = 'value'): string {
  if (part === 'percent') return f.value === null ? hiddenMark(f) : formatPercent(f.value, lang);
  if (part === 'numerator' || part === 'denominator') {
    // A mean's denominator is the number of persons it is taken over.
    const v = part === 'denominator' && (f.kind === 'mean' || f.kind === 'quantile') ? f.n : f[part];
    return v === null || v === undefined ? hiddenMark(f) : formatNumber(v, lang);
  }
  if (f.value === null) return hiddenMark(f);
  switch (f.kind) {
    case 'share': return formatPercent(f.value, lang);
    case 'mean':
    case 'quantile': return formatNumber(f.value, lang, meanDecimals([f.value]));
    case 'coefficient': return f.scale === 'probability' ? percentagePoints(f.value, lang) : formatCoefficient(f.value, f, lang);
    case 'difference': return percentagePoints(f.value, lang);
    default: return formatNumber(f.value, lang);
  }
}

/** A cell as formatted for readers that holds a number: "1 234", "22 %", "15–31 %", "−8,2", "3,9 månader". */
const NUMERIC_CELL = /^[−+-]?\d[\d\u00a0\u202f ]*(?:[,.]\d+)?(?:\s?(?:%|–\s?[−-]?\d[\d\u00a0\u202f ]*(?:[,.]\d+)?\s?%?))?(?:\s?\(.*\))?$/;
/** The marks a hidden or missing number is printed as in a numeric column. */
const EMPTY_MARKS = new Set<string>(['', '·', ...Object.values(MARKS)]);

/** Whether every cell of a column holds a number (or a hidden-value mark), so it aligns right. */
export function isNumericColumn(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => !EMPTY_MARKS.has(c));
  return filled.length > 0 && filled.every((c) => NUMERIC_CELL.test(c));
}
