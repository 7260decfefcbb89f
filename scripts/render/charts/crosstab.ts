// kind "crosstab": a crosstab's rows (figures crosstab.<id>.<row>; the chart names the family
// crosstab.<id>). An outcome by rows: one panel per unit shown (the total by default), one bar
// per row with its 95 % interval. A distribution by rows: one panel per row, one bar per
// category. Hidden values show their mark; the table and CSV list every cell.
import type { Figure } from '../../publish/indicators-schema.ts';
import { barColour, totalColour } from '../../palette.ts';
import { hiddenMark } from '../../format.ts';
import { barChart, type Panel } from './layout.ts';
import { frameOf, interval, msg, num, pct, unitHeader, suppressedCell, type BuiltChart, type Inputs } from './common.ts';
import { renderError } from '../../problem-messages.ts';

/** The description: how many rows; for an outcome by rows, the rows with the highest and lowest share of the total. */
function crosstabDescription(title: string, rows: string[], totalOf: ((id: string) => Figure | undefined) | undefined, rowLabel: (id: string) => string, ctx: Inputs['ctx']): string[] {
  const description = [msg(ctx, 'chart.desc.crosstab', { label: title, n: rows.length })];
  const known = totalOf ? rows.map((id) => ({ id, f: totalOf(id) })).filter((x) => x.f && !x.f.suppressed && x.f.value !== null) : [];
  if (known.length >= 2) {
    const max = known.reduce((a, b) => (b.f!.value! > a.f!.value! ? b : a));
    const min = known.reduce((a, b) => (b.f!.value! < a.f!.value! ? b : a));
    description.push(msg(ctx, 'chart.desc.crosstab.range', { max: rowLabel(max.id), maxValue: pct(max.f!.value!, ctx), min: rowLabel(min.id), minValue: pct(min.f!.value!, ctx) }));
  }
  return description;
}

export function crosstabChart({ chart, figures, ctx }: Inputs): BuiltChart {
  if (chart.figures.length !== 1) throw new Error(renderError.chart(chart.id, renderError.crosstabOneFigure));
  const family = chart.figures[0]!;
  const figs = figures.filter((f) => f.id.startsWith(`${family}.`) && f.gender === 'all');
  if (figs.length === 0 || !family.startsWith('crosstab.')) throw new Error(renderError.chart(chart.id, renderError.noCrosstab(family)));
  const rows = [...new Set(figs.map((f) => f.id))];
  const rowLabel = (id: string) => {
    const l = figs.find((f) => f.id === id)!.label;
    return l.slice(l.lastIndexOf(': ') + 2);
  };
  const title = figs[0]!.label.slice(0, figs[0]!.label.lastIndexOf(': '));
  const units = chart.units ?? ['total'];
  const hidden = (f: Figure | undefined) => !f || f.suppressed || f.value === null;
  const text = (f: Figure | undefined) => (hidden(f) ? hiddenMark(f) : pct(f!.value!, ctx));
  const categories: { code: string; label: string }[] = [];
  for (const f of figs) if (f.category !== undefined && !categories.some((c) => c.code === f.category)) categories.push({ code: f.category, label: f.category_label ?? f.category });
  const at = (id: string, unit: string, cat?: string) => figs.find((f) => f.id === id && f.unit === unit && f.category === cat);
  const cats = categories.length > 0 ? categories : [undefined];
  let suppressed = false;
  const panels: Panel[] =
    categories.length === 0
      ? units.map((u) => ({
          header: ctx.unitLabel(u),
          rows: rows.map((id) => {
            const f = at(id, u);
            return { label: rowLabel(id), value: hidden(f) ? null : f!.value, lo: hidden(f) ? null : f!.ci95?.[0], hi: hidden(f) ? null : f!.ci95?.[1], text: text(f), colour: u === 'total' ? totalColour : barColour };
          }),
        }))
      : units.flatMap((u) => rows.map((id) => ({
          header: units.length > 1 ? `${rowLabel(id)} (${ctx.unitLabel(u)})` : rowLabel(id),
          rows: categories.map((c) => {
            const f = at(id, u, c.code);
            return { label: c.label, value: hidden(f) ? null : f!.value, text: text(f), colour: barColour };
          }),
        })));
  const { spec, width } = barChart({ panels, scale: 'share', intervals: categories.length === 0, frame: frameOf(ctx) });
  const table: string[][] = [];
  const csv: BuiltChart['csv']['rows'] = [];
  for (const u of units)
    for (const id of rows)
      for (const c of cats) {
        const f = at(id, u, c?.code);
        if (f && hidden(f)) suppressed = true;
        const ci = c ? [] : [hidden(f) ? hiddenMark(f) : interval(f!.ci95, ctx)];
        table.push([ctx.unitLabel(u), rowLabel(id), ...(c ? [c.label] : []), text(f), ...ci, f?.denominator !== undefined ? num(f.denominator, ctx, 0) : '']);
        csv.push([f?.id ?? id, ctx.unitLabel(u), rowLabel(id), c?.code ?? '', hidden(f) ? null : f!.value, hidden(f) ? null : f!.numerator, f?.denominator, suppressedCell(f, ctx)]);
      }
  const description = crosstabDescription(title, rows, categories.length === 0 ? (id) => at(id, 'total') : undefined, rowLabel, ctx);
  return {
    spec,
    width,
    description,
    table: { headers: [unitHeader(ctx), msg(ctx, 'chart.col.row'), ...(categories.length ? [msg(ctx, 'chart.col.category'), msg(ctx, 'chart.col.share')] : [msg(ctx, 'chart.col.share'), msg(ctx, 'chart.col.ci')]), msg(ctx, 'chart.col.base')], rows: table },
    csv: { headers: ['id', unitHeader(ctx), msg(ctx, 'chart.col.row'), msg(ctx, 'chart.col.code'), msg(ctx, 'chart.col.share'), msg(ctx, 'chart.col.numerator'), msg(ctx, 'chart.col.base'), msg(ctx, 'chart.col.suppressed')], rows: csv },
    suppressed,
  };
}
