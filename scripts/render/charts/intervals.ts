// kind "intervals": one share figure by unit as a dot with its 95 % Wilson interval, against a
// vertical line at the project total, so a reader sees at once which intervals overlap the total
// (most, when units are small) instead of ranking units by their point values. Units below the
// disclosure threshold are left out and counted in a note; units with a base below `min_n` are
// drawn grey and marked in their label, so the mark does not rest on colour alone.
import { barColour, inkColour, mutedInk, targetColour } from '../../palette.ts';
import { textWidth } from './fonts.ts';
import { AXIS_SIZE, computeDomain, labelColumn, PADDING, rowEncoding, rowKey, rowStep, VALUE_SIZE, xEncoding, type Spec } from './layout.ts';
import { chartUnits, figuresOf, figureFor, interval, levelWord, msg, num, pct, unitHeader, frameOf, type BuiltChart, type Inputs, suppressedCell } from './common.ts';
import { hiddenMark } from '../../format.ts';
import type { Figure } from '../../publish/indicators-schema.ts';
import { renderError } from '../../problem-messages.ts';

const GAP = 4;

type Ctx = Inputs['ctx'];

/** The total's dashed rule and label, then each unit's interval, dot and value label. */
function intervalLayers(total: Figure | undefined, x: (field: string) => Spec, y: Spec, ctx: Ctx): Spec[] {
  const layers: Spec[] = [];
  if (total?.value != null) {
    layers.push(
      { data: { values: [{ t: total.value }] }, mark: { type: 'rule', color: targetColour, strokeWidth: 2, strokeDash: [5, 3] }, encoding: { x: x('t') } },
      {
        data: { values: [{ t: total.value, label: `${ctx.unitLabel('total')} ${pct(total.value, ctx)}` }] },
        mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -3, y: 0, color: targetColour, fontSize: AXIS_SIZE, fontWeight: 'bold' },
        encoding: { x: x('t'), text: { field: 'label' } },
      },
    );
  }
  layers.push(
    { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: x('lo'), x2: { field: 'hi' }, color: { field: 'colour', type: 'nominal', scale: null } } },
    { mark: { type: 'point', filled: true, size: 70, opacity: 1 }, encoding: { y, x: x('value'), color: { field: 'colour', type: 'nominal', scale: null } } },
    { mark: { type: 'text', align: 'left', baseline: 'middle', dx: GAP, color: inkColour }, encoding: { y, x: x('hi'), text: { field: 'text' } } },
  );
  return layers;
}

/** The data table and CSV: a row per unit and the total, hidden values marked, small bases flagged. */
function intervalRows(rows: Figure[], flag: (f: Figure) => string, ctx: Ctx): Pick<BuiltChart, 'table' | 'csv'> {
  return {
    table: {
      headers: [unitHeader(ctx), msg(ctx, 'chart.col.share'), msg(ctx, 'chart.col.ci'), msg(ctx, 'chart.col.base'), msg(ctx, 'chart.col.flag')],
      rows: rows.map((f) => {
        const hide = f.suppressed || f.value === null;
        return [ctx.unitLabel(f.unit), hide ? hiddenMark(f) : pct(f.value!, ctx), hide ? hiddenMark(f) : interval(f.ci95, ctx), f.denominator !== undefined ? num(f.denominator, ctx, 0) : hiddenMark(f), flag(f)];
      }),
    },
    csv: {
      headers: ['id', unitHeader(ctx), msg(ctx, 'chart.col.share'), msg(ctx, 'chart.col.ci_low'), msg(ctx, 'chart.col.ci_high'), msg(ctx, 'chart.col.numerator'), msg(ctx, 'chart.col.base'), msg(ctx, 'chart.col.flag'), msg(ctx, 'chart.col.suppressed')],
      rows: rows.map((f) => {
        const hide = f.suppressed || f.value === null;
        return [f.id, ctx.unitLabel(f.unit), hide ? null : f.value, hide ? null : f.ci95?.[0], hide ? null : f.ci95?.[1], hide ? null : f.numerator, f.denominator, flag(f), suppressedCell(f, ctx)];
      }),
    },
  };
}

export function intervalsChart({ chart, figures, ctx }: Inputs): BuiltChart {
  const id = chart.figures[0]!;
  const figs = figuresOf(figures, id, chart.id);
  const units = chartUnits(chart, ctx).filter((u) => u !== 'total');
  const total = figureFor(figs, 'total');
  const present = units.map((u) => figureFor(figs, u)).filter((f) => f !== undefined);
  // A unit without the figure at all (nobody in its base) is as uncomparable as a hidden one.
  const absent = units.length - present.length;
  if (present.some((f) => f.kind !== 'share') || (total && total.kind !== 'share')) throw new Error(renderError.chart(chart.id, renderError.intervalsNotShare(id)));
  const minN = chart.min_n ?? ctx.minCount;
  const hidden = present.filter((f) => f.suppressed || f.value === null);
  const shown = present.filter((f) => !f.suppressed && f.value !== null);
  const isSmall = (f: (typeof present)[number]) => (f.denominator ?? 0) < minN;
  const small = shown.filter(isSmall);
  const mark = msg(ctx, 'chart.intervals.small_mark');
  const label = (f: (typeof present)[number]) => (isSmall(f) ? `${ctx.unitLabel(f.unit)} ${mark}` : ctx.unitLabel(f.unit));
  const text = (f: (typeof present)[number]) => `${pct(f.value!, ctx)} (${interval(f.ci95, ctx)})`;

  const labels = shown.map(label);
  const frame = frameOf(ctx);
  const labelW = labelColumn(labels, new Set(), frame);
  const plotW = Math.floor(frame.width - 2 - 2 * PADDING - labelW);
  const values = shown.flatMap((f) => [f.value!, ...(f.ci95 ?? [])]).concat(total?.value != null ? [total.value] : []);
  const d = computeDomain(values, shown.map((f) => ({ at: f.ci95?.[1] ?? f.value!, width: textWidth(text(f), VALUE_SIZE) })), plotW, 'share');
  const y = rowEncoding(labels, [], labelW, true, frame);
  const x = (field: string) => xEncoding(field, d, true);
  const data = shown.map((f) => ({ row: rowKey(label(f), frame), value: f.value, lo: f.ci95?.[0] ?? f.value, hi: f.ci95?.[1] ?? f.value, text: text(f), colour: isSmall(f) ? mutedInk : barColour }));
  const layers = intervalLayers(total, x, y, ctx);
  const spec: Spec = { data: { values: data }, width: plotW, height: { step: rowStep(labels, frame) }, layer: layers };

  const too = absent + hidden.length + small.length;
  const note =
    too > 0
      ? msg(ctx, 'chart.intervals.too_small', { n: too, count: units.length, hidden: absent + hidden.length, small: small.length, k: ctx.minCount, min: minN, mark })
      : msg(ctx, 'chart.intervals.fair', { count: units.length, min: minN });
  const overlap = total?.value != null ? shown.filter((f) => f.ci95 && f.ci95[0] <= total.value! && total.value! <= f.ci95[1]).length : 0;
  const figLabel = (total ?? present[0])?.label ?? id;
  const rows = [...present, ...(total ? [total] : [])];
  const flag = (f: (typeof present)[number]) => (f.unit !== 'total' && !f.suppressed && isSmall(f) ? msg(ctx, 'chart.flag.small') : '');
  return {
    spec,
    width: 2 + 2 * PADDING + labelW + plotW,
    description: [
      msg(ctx, 'chart.desc.intervals', { label: figLabel.toLowerCase(), level: levelWord(ctx), total: total?.value != null ? pct(total.value, ctx) : hiddenMark(total) }),
      ...(total?.value != null ? [msg(ctx, 'chart.desc.intervals.overlap', { n: overlap, count: shown.length })] : []),
      note,
    ],
    ...intervalRows(rows, flag, ctx),
    suppressed: hidden.length > 0,
    footnotes: [note],
  };
}
