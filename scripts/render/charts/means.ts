// kind "means": mean, sum or count figures by unit, e.g. months of work training in a social
// enterprise vs at an external employer, or how many had each status at follow-up. One panel
// per figure, one bar per unit, value labels with one decimal (whole numbers and values of 100 or more without).
import type { Figure } from '../../publish/indicators-schema.ts';
import { barChart, type Panel } from './layout.ts';
import { chartUnits, figureFor, figuresOf, levelWord, msg, num, rangeSentence, unitHeader, frameOf, type BuiltChart, type Inputs, suppressedCell } from './common.ts';
import { hiddenMark, meanDecimals } from '../../format.ts';
import { renderError } from '../../problem-messages.ts';

function decimalsFor(figs: Figure[]): number {
  return meanDecimals(figs.flatMap((f) => (f.value === null ? [] : [f.value])));
}

export function meansChart({ chart, figures, ctx }: Inputs): BuiltChart {
  const units = chartUnits(chart, ctx);
  const panels: Panel[] = [];
  const table: string[][] = [];
  const csv: BuiltChart['csv']['rows'] = [];
  const sentences: string[] = [];
  let suppressed = false;
  let allMeans = true;
  for (const id of chart.figures) {
    const figs = figuresOf(figures, id, chart.id);
    const present = units.map((u) => figureFor(figs, u)).filter((f) => f !== undefined);
    if (present.length === 0) throw new Error(renderError.chart(chart.id, renderError.noValueWithoutCategory(id)));
    if (present.some((f) => f.kind === 'share')) throw new Error(renderError.chart(chart.id, renderError.isShare(id)));
    allMeans &&= present.every((f) => f.kind === 'mean');
    const dec = decimalsFor(present);
    const fmt = (x: number) => num(x, ctx, dec);
    const label = present[0]?.label ?? id;
    panels.push({
      header: label,
      rows: present.map((f) => ({
        label: ctx.unitLabel(f.unit),
        value: f.suppressed ? null : f.value,
        text: f.suppressed || f.value === null ? hiddenMark(f) : fmt(f.value),
        strong: f.unit === 'total',
      })),
    });
    for (const f of present) {
      const hidden = f.suppressed || f.value === null;
      suppressed ||= hidden;
      table.push([label, ctx.unitLabel(f.unit), hidden ? hiddenMark(f) : fmt(f.value!), f.n !== undefined ? num(f.n, ctx, 0) : '']);
      csv.push([f.id, label, ctx.unitLabel(f.unit), f.kind, hidden ? null : f.value, f.n, suppressedCell(f, ctx)]);
    }
    const s = rangeSentence(label, present.map((f) => ({ unit: f.unit, value: f.suppressed ? null : f.value })), ctx, fmt);
    if (s && sentences.length < 2) sentences.push(s);
  }
  const { spec, width } = barChart({ panels, scale: 'number', frame: frameOf(ctx) });
  const valueHeader = msg(ctx, allMeans ? 'chart.col.mean' : 'chart.col.value');
  return {
    spec,
    width,
    description: [msg(ctx, 'chart.desc.means', { level: levelWord(ctx), n: chart.figures.length }), ...sentences],
    table: { headers: [msg(ctx, 'chart.col.figure'), unitHeader(ctx), valueHeader, msg(ctx, 'chart.col.persons')], rows: table },
    csv: {
      headers: ['id', msg(ctx, 'chart.col.figure'), unitHeader(ctx), msg(ctx, 'chart.col.kind'), msg(ctx, 'chart.col.value'), msg(ctx, 'chart.col.persons'), msg(ctx, 'chart.col.suppressed')],
      rows: csv,
    },
    suppressed,
  };
}

