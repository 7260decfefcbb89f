// kind "distribution": one figure with categories (e.g. income at entry), a panel per unit side
// by side (wrapping onto more rows when there are many units), one bar per category.
import { barColour, totalColour } from '../../palette.ts';
import { textWidth } from './fonts.ts';
import { barChart, COLUMN_SPACING, HEADER_SIZE, labelColumn, PADDING, type Panel } from './layout.ts';
import { chartUnits, figuresOf, levelWord, msg, num, pct, unitHeader, frameOf, type BuiltChart, type Inputs, suppressedCell } from './common.ts';
import { hiddenMark } from '../../format.ts';
import type { Figure } from '../../publish/indicators-schema.ts';
import { renderError } from '../../problem-messages.ts';

/** Narrowest a panel may be before the units wrap onto another row. */
const MIN_PANEL = 150;

type Ctx = Inputs['ctx'];
type Category = { code: string; label: string };

/**
 * As many units side by side as leave each panel MIN_PANEL wide next to the category labels.
 * A panel is also at least as wide as the longest word of a unit name (headers wrap at spaces).
 */
function panelColumns(categories: Category[], units: string[], ctx: Ctx): { frame: ReturnType<typeof frameOf>; columns: number } {
  const frame = frameOf(ctx);
  const labelW = labelColumn(categories.map((c) => c.label), new Set(), frame);
  const longestWord = Math.max(...units.flatMap((u) => ctx.unitLabel(u).split(/\s+/).map((w) => textWidth(w, HEADER_SIZE, true))));
  const panelMin = Math.max(MIN_PANEL, Math.ceil(longestWord) + 8);
  return { frame, columns: Math.max(1, Math.min(units.length, Math.floor((frame.width - 2 - 2 * PADDING - labelW + COLUMN_SPACING) / (panelMin + COLUMN_SPACING)))) };
}

/** Table: one row per category, one column per unit; the base (people) as the last row. CSV: a row per unit and category. */
function distributionRows(id: string, figs: Figure[], categories: Category[], units: string[], cell: (unit: string, code: string) => Figure | undefined, ctx: Ctx): { rows: string[][]; csvRows: BuiltChart['csv']['rows'] } {
  const rows = categories.map((c) => [c.label, ...units.map((u) => {
    const f = cell(u, c.code);
    return !f || f.suppressed || f.value === null ? hiddenMark(f) : pct(f.value, ctx);
  })]);
  rows.push([msg(ctx, 'chart.col.base'), ...units.map((u) => {
    const d = figs.find((f) => f.unit === u)?.denominator;
    return d === undefined ? '' : num(d, ctx, 0);
  })]);
  const csvRows = units.flatMap((u) =>
    categories.map((c) => {
      const f = cell(u, c.code);
      const hidden = !f || f.suppressed || f.value === null;
      return [id, ctx.unitLabel(u), c.code, c.label, hidden ? null : f.value, hidden ? null : f.numerator, f?.denominator, suppressedCell(f, ctx)];
    }),
  );
  return { rows, csvRows };
}

export function distributionChart({ chart, figures, ctx }: Inputs): BuiltChart {
  if (chart.figures.length !== 1) throw new Error(renderError.chart(chart.id, renderError.distributionOneFigure));
  const id = chart.figures[0]!;
  const figs = figuresOf(figures, id, chart.id).filter((f) => f.category !== undefined);
  if (figs.length === 0) throw new Error(renderError.chart(chart.id, renderError.noCategories(id)));
  const label = figs[0]!.label;
  const units = chartUnits(chart, ctx).filter((u) => figs.some((f) => f.unit === u));
  // Categories in the order the figures list them (the configuration's chart order).
  const categories: Category[] = [];
  for (const f of figs) if (!categories.some((c) => c.code === f.category)) categories.push({ code: f.category!, label: f.category_label ?? f.category! });
  const cell = (unit: string, code: string) => figs.find((f) => f.unit === unit && f.category === code);

  let suppressed = false;
  // The total in its own grey, as elsewhere (its panel header also says so).
  const panels: Panel[] = units.map((u) => ({
    header: ctx.unitLabel(u),
    rows: categories.map((c) => {
      const f = cell(u, c.code);
      const hidden = !f || f.suppressed || f.value === null;
      if (f && hidden) suppressed = true;
      return { label: c.label, value: hidden ? null : f.value, text: hidden ? hiddenMark(f) : pct(f.value!, ctx), colour: u === 'total' ? totalColour : barColour };
    }),
  }));

  const { frame, columns } = panelColumns(categories, units, ctx);
  const { spec, width } = barChart({ panels, scale: 'share', columns, frame });

  const { rows, csvRows } = distributionRows(id, figs, categories, units, cell, ctx);

  // Description: the largest category per unit (at most four units, else the total only).
  const top = (u: string) => {
    const known = categories.map((c) => cell(u, c.code)).filter((f) => f && !f.suppressed && f.value !== null);
    const best = known.reduce<typeof known[number]>((a, b) => (!a || b!.value! > a.value! ? b : a), undefined);
    return best ? `${ctx.unitLabel(u)} ${best.category_label ?? best.category} (${pct(best.value!, ctx)})` : undefined;
  };
  const listed = (units.length <= 4 ? units : units.filter((u) => u === 'total')).map(top).filter((s) => s !== undefined);
  const description = [msg(ctx, 'chart.desc.distribution', { level: levelWord(ctx), label })];
  if (listed.length) description.push(msg(ctx, 'chart.desc.distribution.top', { list: listed.join(', ') }));

  return {
    spec,
    width,
    description,
    table: { headers: [msg(ctx, 'chart.col.category'), ...units.map(ctx.unitLabel)], rows },
    csv: {
      headers: ['id', unitHeader(ctx), msg(ctx, 'chart.col.code'), msg(ctx, 'chart.col.category'), msg(ctx, 'chart.col.share'), msg(ctx, 'chart.col.numerator'), msg(ctx, 'chart.col.base'), msg(ctx, 'chart.col.suppressed')],
      rows: csvRows,
    },
    suppressed,
  };
}
