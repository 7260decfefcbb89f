// kind "series": count figures over periods (a time series' inflow, outflow and enrolled, whose
// categories are the periods) as lines or columns, one series per figure and unit shown (the
// project total by default). A hidden value breaks its line and shows its mark ('..' or '×')
// at the baseline; the data table lists every period with the same marks.
import type { Figure } from '../../publish/indicators-schema.ts';
import { categorical } from '../../palette.ts';
import { hiddenMark } from '../../format.ts';
import { PADDING, type Spec } from './layout.ts';
import { figuresOf, frameOf, msg, num, unitHeader, suppressedCell, type BuiltChart, type Inputs } from './common.ts';
import { renderError } from '../../problem-messages.ts';

const HEIGHT = 220;
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'circle', 'square'];

interface Line {
  name: string;
  figs: Figure[];
}

export function seriesChart({ chart, figures, ctx }: Inputs): BuiltChart {
  const units = chart.units ?? ['total'];
  const lines: Line[] = [];
  for (const id of chart.figures) {
    const all = figuresOf(figures, id, chart.id);
    if (all.some((f) => f.kind !== 'count' || f.category === undefined)) throw new Error(renderError.chart(chart.id, renderError.notSeries(id)));
    for (const u of units) {
      const figs = all.filter((f) => f.unit === u);
      if (figs.length === 0) continue;
      lines.push({ name: units.length > 1 ? `${figs[0]!.label} (${ctx.unitLabel(u)})` : figs[0]!.label, figs });
    }
  }
  if (lines.length === 0) throw new Error(renderError.chart(chart.id, renderError.noSeriesFigures));
  if (lines.length > categorical.length) throw new Error(renderError.chart(chart.id, renderError.tooManySeries(categorical.length)));
  const periods: { code: string; label: string }[] = [];
  for (const l of lines) for (const f of l.figs) if (!periods.some((p) => p.code === f.category)) periods.push({ code: f.category!, label: f.category_label ?? f.category! });
  const at = (l: Line, code: string) => l.figs.find((f) => f.category === code);
  const shown = (f: Figure | undefined) => (f && !f.suppressed && f.value !== null ? f.value : null);
  const style = chart.style ?? 'lines';
  let suppressed = false;
  const values = lines.flatMap((l) =>
    periods.map((p) => {
      const f = at(l, p.code);
      const v = shown(f);
      if (f && v === null) suppressed = true;
      return { period: p.label, series: l.name, value: v, mark: v === null ? hiddenMark(f) : '' };
    }),
  );
  // Drawn for the width it is shown at (the A4 column, or a phone), so its text keeps its size.
  const width = frameOf(ctx).width;
  const spec = seriesSpec(values, periods.map((p) => p.label), lines.map((l) => l.name), style, width);

  const fmt = (x: number) => num(x, ctx, 0);
  const rows = periods.map((p) => [p.label, ...lines.map((l) => {
    const v = shown(at(l, p.code));
    return v === null ? hiddenMark(at(l, p.code)) : fmt(v);
  })]);
  const csvRows = lines.flatMap((l) => periods.map((p) => {
    const f = at(l, p.code);
    return [f?.id, f ? ctx.unitLabel(f.unit) : '', p.code, p.label, shown(f), suppressedCell(f, ctx)];
  }));
  const first = periods[0]!.label;
  const last = periods.at(-1)!.label;
  const description = [msg(ctx, 'chart.desc.series', { style: msg(ctx, `chart.desc.series.${style}`), n: lines.length, first, last })];
  for (const l of lines.slice(0, 3)) {
    const known = periods.map((p) => ({ p, v: shown(at(l, p.code)) })).filter((x) => x.v !== null);
    if (known.length === 0) continue;
    const max = known.reduce((a, b) => (b.v! > a.v! ? b : a));
    const end = shown(at(l, periods.at(-1)!.code));
    description.push(msg(ctx, 'chart.desc.series.one', { label: l.name, max: fmt(max.v!), maxPeriod: max.p.label, lastValue: end === null ? hiddenMark(at(l, periods.at(-1)!.code)) : fmt(end), last }));
  }
  return {
    spec,
    width,
    description,
    table: { headers: [msg(ctx, 'chart.col.period'), ...lines.map((l) => l.name)], rows },
    csv: { headers: ['id', unitHeader(ctx), msg(ctx, 'chart.col.code'), msg(ctx, 'chart.col.period'), msg(ctx, 'chart.col.value'), msg(ctx, 'chart.col.suppressed')], rows: csvRows },
    suppressed,
  };
}

type Point = { period: string; series: string; value: number | null; mark: string };

/** Lines with points (or grouped columns) over the periods in order; hidden values' marks at the baseline. */
function seriesSpec(values: Point[], periods: string[], names: string[], style: 'lines' | 'columns', width: number): Spec {
  const x = { field: 'period', type: 'ordinal', sort: periods, title: null, axis: { labelAngle: periods.length > 8 ? -45 : 0, labelOverlap: true } };
  const colour = { field: 'series', type: 'nominal', sort: names, title: null, scale: { domain: names, range: categorical.slice(0, names.length) }, legend: { orient: 'bottom', direction: 'vertical', labelLimit: width - 40 } };
  const y = { field: 'value', type: 'quantitative', title: null, axis: { format: ',d', tickMinStep: 1 } };
  const offset = names.length > 1 ? { xOffset: { field: 'series', type: 'nominal', sort: names } } : {};
  const main =
    style === 'lines'
      ? { mark: { type: 'line', strokeWidth: 2, invalid: 'break-paths-show-domains', point: { filled: true, size: 45 } }, encoding: { x, y, color: colour, shape: { field: 'series', type: 'nominal', sort: names, scale: { domain: names, range: SHAPES.slice(0, names.length) }, legend: colour.legend } } }
      : { mark: { type: 'bar' }, encoding: { x, y, color: colour, ...offset } };
  const marks = { transform: [{ filter: "datum.mark !== ''" }], mark: { type: 'text', baseline: 'bottom', dy: -2, fontSize: 12 }, encoding: { x, ...(style === 'columns' ? offset : {}), y: { datum: 0 }, text: { field: 'mark' } } };
  return { width: width - 2 * PADDING - 60, height: HEIGHT, data: { values }, layer: [main, marks] };
}
