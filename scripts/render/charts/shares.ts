// kind "shares": share figures by unit, one panel per figure (its label as header), one bar per
// unit with the 95 % interval and the value written at the end of the bar; for one unit, one
// panel with a bar per figure.
import { barChart, type Panel } from './layout.ts';
import { chartUnits, figureFor, figuresOf, interval, levelWord, msg, num, pct, rangeSentence, unitHeader, frameOf, type BuiltChart, type Inputs, suppressedCell } from './common.ts';
import { hiddenMark } from '../../format.ts';
import { combinedShareNotes, type ShownShare } from './combined.ts';
import { renderError } from '../../problem-messages.ts';

export function sharesChart({ chart, figures, ctx }: Inputs): BuiltChart {
  const units = chartUnits(chart, ctx);
  const panels: Panel[] = [];
  const table: string[][] = [];
  const csv: BuiltChart['csv']['rows'] = [];
  const description: string[] = [];
  let suppressed = false;
  const shown: ShownShare[] = [];
  for (const id of chart.figures) {
    const figs = figuresOf(figures, id, chart.id);
    const present = units.map((u) => figureFor(figs, u)).filter((f) => f !== undefined);
    if (present.length === 0) throw new Error(renderError.chart(chart.id, renderError.noValueWithoutCategory(id)));
    if (present.some((f) => f.kind !== 'share')) throw new Error(renderError.chart(chart.id, renderError.notShare(id)));
    const label = present[0]?.label ?? id;
    shown.push({ label, cells: present });
    panels.push({
      header: label,
      rows: present.map((f) => ({
        label: ctx.unitLabel(f.unit),
        value: f.suppressed ? null : f.value,
        lo: f.suppressed ? null : f.ci95?.[0],
        hi: f.suppressed ? null : f.ci95?.[1],
        text: f.suppressed || f.value === null ? hiddenMark(f) : pct(f.value, ctx),
        strong: f.unit === 'total',
      })),
    });
    for (const f of present) {
      const hidden = f.suppressed || f.value === null;
      suppressed ||= hidden;
      table.push([label, ctx.unitLabel(f.unit), hidden ? hiddenMark(f) : pct(f.value!, ctx), hidden ? hiddenMark(f) : interval(f.ci95, ctx), f.denominator !== undefined ? num(f.denominator, ctx, 0) : '']);
      csv.push([f.id, label, ctx.unitLabel(f.unit), hidden ? null : f.value, hidden ? null : f.ci95?.[0], hidden ? null : f.ci95?.[1], hidden ? null : f.numerator, f.denominator, suppressedCell(f, ctx)]);
    }
    if (description.length < 3) {
      const s = rangeSentence(label, present.map((f) => ({ unit: f.unit, value: f.suppressed ? null : f.value })), ctx, (x) => pct(x, ctx));
      if (s && description.length < 2) description.push(s);
    }
  }
  // One unit only: one panel with a bar per figure (a header per figure would repeat the unit's
  // name beside every bar); the unit is in the title and in the table.
  const drawn = units.length === 1 ? [{ rows: panels.map((p) => ({ ...p.rows[0]!, label: p.header!, strong: false })) }] : panels;
  const { spec, width } = barChart({ panels: drawn, scale: 'share', intervals: true, frame: frameOf(ctx) });
  return {
    spec,
    width,
    description: [msg(ctx, 'chart.desc.shares', { level: levelWord(ctx), n: chart.figures.length }), ...description],
    table: { headers: [msg(ctx, 'chart.col.figure'), unitHeader(ctx), msg(ctx, 'chart.col.share'), msg(ctx, 'chart.col.ci'), msg(ctx, 'chart.col.base')], rows: table },
    csv: {
      headers: ['id', msg(ctx, 'chart.col.figure'), unitHeader(ctx), msg(ctx, 'chart.col.share'), msg(ctx, 'chart.col.ci_low'), msg(ctx, 'chart.col.ci_high'), msg(ctx, 'chart.col.numerator'), msg(ctx, 'chart.col.base'), msg(ctx, 'chart.col.suppressed')],
      rows: csv,
    },
    suppressed,
    footnotes: combinedShareNotes(shown, ctx),
  };
}
