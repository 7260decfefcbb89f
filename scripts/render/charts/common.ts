// What the chart kinds share: picking figures, formatting, the context, the CSV writer.
import type { ChartConfig } from '../../config/schema.ts';
import { csvNumber, formatInterval, formatNumber, formatPercent, MARKS, suppressionWord } from '../../format.ts';
import type { Figure, GoalResult } from '../../publish/indicators-schema.ts';
import { t, type Language, type MessageKey } from '../../messages.ts';
import { csvText } from '../../publish/write-outputs.ts';
import { WIDE, type Frame, type Spec } from './layout.ts';
import { renderError } from '../../problem-messages.ts';

export interface ChartContext {
  language: Language;
  /** Reported units in configuration order, then 'total'. */
  units: string[];
  /** Display name of a unit ('total' → 'Totalt' / 'Total'). */
  unitLabel: (unit: string) => string;
  /** Disclosure threshold, for the suppression footnote. */
  minCount: number;
  /** What a unit is called in this project ("Delprojekt"); default "Enhet" / "Unit". */
  unitLevel?: string;
  /** The width drawn for (WIDE, the A4 column and desktop, unless given). */
  frame?: Frame;
}

export const frameOf = (ctx: ChartContext): Frame => ctx.frame ?? WIDE;

/** What each kind module returns: a spec body (no config) and the data in readable forms. */
export interface BuiltChart {
  spec: Spec;
  /** Pixel width the layout was computed for (≤ MAX_WIDTH). */
  width: number;
  description: string[];
  table: { headers: string[]; rows: string[][] };
  csv: { headers: string[]; rows: (string | number | null | undefined)[][] };
  suppressed: boolean;
  footnotes?: string[];
}

export type Inputs = { chart: ChartConfig; figures: Figure[]; goals: GoalResult[]; ctx: ChartContext };


export const msg = (ctx: ChartContext, key: MessageKey, params: Record<string, string | number> = {}) => t(ctx.language, key, params);

/** The units shown, in order. */
export function chartUnits(chart: ChartConfig, ctx: ChartContext): string[] {
  return chart.units ?? ctx.units;
}

/** Figures of one id for gender 'all', by unit; an unknown id is an error. */
export function figuresOf(figures: Figure[], id: string, chartId: string): Figure[] {
  const out = figures.filter((f) => f.id === id && f.gender === 'all');
  if (out.length === 0) throw new Error(renderError.chart(chartId, renderError.noFiguresWithId(id)));
  return out;
}

/** The one figure without category for (id, unit), if computed. */
export function figureFor(figs: Figure[], unit: string): Figure | undefined {
  return figs.find((f) => f.unit === unit && f.category === undefined);
}

export const pct = (x: number, ctx: ChartContext) => formatPercent(x, ctx.language);
export const num = (x: number, ctx: ChartContext, decimals: number) => formatNumber(x, ctx.language, decimals);
export const interval = (ci: [number, number] | null | undefined, ctx: ChartContext) => (ci ? formatInterval(ci[0], ci[1], ctx.language) : MARKS.primary);

/** The unit level in running text: "delprojekt" (lower case unless an acronym). */
export function levelWord(ctx: ChartContext): string {
  const l = ctx.unitLevel ?? msg(ctx, 'chart.unit_level');
  return /^\p{Lu}\p{Ll}/u.test(l) ? l[0]!.toLowerCase() + l.slice(1) : l;
}

export function unitHeader(ctx: ChartContext): string {
  return ctx.unitLevel ?? msg(ctx, 'chart.col.unit');
}

/** "högst för HBS (22 %) och lägst för Södertälje (11 %)" over the units (total left out), or the one value. */
export function rangeSentence(label: string, values: { unit: string; value: number | null }[], ctx: ChartContext, fmt: (x: number) => string): string | undefined {
  const known = values.filter((v): v is { unit: string; value: number } => v.value !== null);
  // A label such as "Arbetsträning (ASF): antal månader" would otherwise get a second colon.
  label = label.replace(/:\s+/g, ', ');
  const parts = known.filter((v) => v.unit !== 'total');
  if (parts.length >= 2) {
    const max = parts.reduce((a, b) => (b.value > a.value ? b : a));
    const min = parts.reduce((a, b) => (b.value < a.value ? b : a));
    if (max.value !== min.value) {
      return msg(ctx, 'chart.desc.range', { label, max: ctx.unitLabel(max.unit), maxValue: fmt(max.value), min: ctx.unitLabel(min.unit), minValue: fmt(min.value) });
    }
  }
  if (known.length === 0) return undefined;
  return msg(ctx, 'chart.desc.single', { label, values: known.map((v) => `${ctx.unitLabel(v.unit)} ${fmt(v.value)}`).join(', ') });
}

/** CSV text: UTF-8 BOM, ';' separated, CRLF, numbers with a decimal comma in Swedish. */
export function toCsv(headers: string[], rows: (string | number | null | undefined)[][], lang: Language): string {
  const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : typeof v === 'number' ? csvNumber(v, lang) : csvText(v));
  return '\ufeff' + [headers.map(csvText).join(';'), ...rows.map((r) => r.map(cell).join(';'))].join('\r\n') + '\r\n';
}

export const suppressedCell = (f: Figure | undefined, ctx: ChartContext) => suppressionWord(f, ctx.language);
