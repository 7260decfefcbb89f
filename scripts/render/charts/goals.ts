// kind "goals": every measured goal (or those in chart.goals) as a panel, one bar per unit with
// its 95 % interval, the target as a dashed line labelled with its value, and "uppnått" /
// "inte uppnått" written beside each bar. Goals that cannot be measured get a footnote.
import type { GoalResult } from '../../publish/indicators-schema.ts';
import { barChart, type Panel, type Target } from './layout.ts';
import { chartUnits, interval, levelWord, msg, pct, unitHeader, frameOf, type BuiltChart, type ChartContext, type Inputs } from './common.ts';
import { hiddenMark } from '../../format.ts';
import { renderError } from '../../problem-messages.ts';

function targetText(g: GoalResult, ctx: ChartContext, short: boolean): string {
  const t = g.target!;
  if (t.op === 'between') {
    const v = `${pct(t.min!, ctx).replace(/[\s\u00a0]?%$/, '')}–${pct(t.max!, ctx)}`;
    return short ? v : msg(ctx, 'chart.target.between', { value: v });
  }
  const v = pct(t.value!, ctx);
  if (short) return msg(ctx, t.op === '>=' ? 'chart.target.short_min' : 'chart.target.short_max', { value: v });
  return msg(ctx, t.op === '>=' ? 'chart.target.min' : 'chart.target.max', { value: v });
}

function status(met: boolean | null, ctx: ChartContext): string {
  return met === null ? msg(ctx, 'chart.not_assessed') : msg(ctx, met ? 'goals.met' : 'goals.not_met');
}

/** One goal's panel: its target drawn, a bar per unit with its interval and its assessment beside it. */
function goalPanel(g: GoalResult, results: GoalResult['results'], ctx: ChartContext): Panel {
  const t = g.target!;
  const target: Target = { label: targetText(g, ctx, false) };
  if (t.op === 'between') Object.assign(target, { min: t.min, max: t.max });
  else target.value = t.value;
  return {
    header: g.label,
    target,
    rows: results.map((r) => ({
      label: ctx.unitLabel(r.unit),
      value: r.value,
      lo: r.value === null ? null : r.ci95?.[0],
      hi: r.value === null ? null : r.ci95?.[1],
      text: r.value === null ? hiddenMark(r) : pct(r.value, ctx),
      strong: r.unit === 'total',
      status: status(r.met, ctx),
    })),
  };
}

export function goalsChart({ chart, goals, figures, ctx }: Inputs): BuiltChart {
  const wanted = chart.goals ?? goals.map((g) => g.id);
  const unknown = wanted.filter((id) => !goals.some((g) => g.id === id));
  if (unknown.length) throw new Error(renderError.chart(chart.id, renderError.unknownGoals(unknown)));
  const chosen = wanted.map((id) => goals.find((g) => g.id === id)!);
  // One percent axis for every panel: goals on counts (e.g. participants enrolled) are left to
  // the goals table, and said so in a footnote.
  const isShare = (g: GoalResult) => !figures.some((f) => f.id === g.figure && f.kind !== 'share');
  const measured = chosen.filter((g) => g.measured && g.target && isShare(g));
  const footnotes = [
    ...(chart.goals ? chosen.filter((g) => !g.measured).map((g) => msg(ctx, 'chart.footnote.not_measured', { goal: g.label, reason: g.reason ?? '' }).trim()) : []),
    ...chosen.filter((g) => g.measured && g.target && !isShare(g)).map((g) => msg(ctx, 'chart.footnote.not_share', { goal: g.label })),
  ];
  const units = chartUnits(chart, ctx);

  let suppressed = false;
  const panels: Panel[] = [];
  const table: string[][] = [];
  const csv: BuiltChart['csv']['rows'] = [];
  const sentences: string[] = [];
  for (const g of measured) {
    const results = units.map((u) => g.results.find((r) => r.unit === u)).filter((r) => r !== undefined);
    const t = g.target!;
    panels.push(goalPanel(g, results, ctx));
    for (const r of results) {
      suppressed ||= r.value === null;
      table.push([g.label, ctx.unitLabel(r.unit), r.value === null ? hiddenMark(r) : pct(r.value, ctx), r.value === null ? hiddenMark(r) : interval(r.ci95, ctx), targetText(g, ctx, true), status(r.met, ctx)]);
      csv.push([
        g.id, g.label, ctx.unitLabel(r.unit), r.value, r.value === null ? null : r.ci95?.[0], r.value === null ? null : r.ci95?.[1],
        t.op, t.value ?? t.min, t.op === 'between' ? t.max : null, r.met === null ? '' : status(r.met, ctx),
      ]);
    }
    if (sentences.length < 2) {
      const judged = results.filter((r) => r.met !== null);
      sentences.push(msg(ctx, 'chart.desc.goals.met', { label: g.label, met: judged.filter((r) => r.met).length, count: judged.length }));
    }
  }
  const { spec, width } = barChart({ panels, scale: 'share', intervals: true, status: true, frame: frameOf(ctx) });
  return {
    spec,
    width,
    description: [msg(ctx, 'chart.desc.goals', { level: levelWord(ctx), n: measured.length }), ...sentences],
    table: {
      headers: [msg(ctx, 'chart.col.goal'), unitHeader(ctx), msg(ctx, 'chart.col.result'), msg(ctx, 'chart.col.ci'), msg(ctx, 'chart.col.target'), msg(ctx, 'chart.col.assessment')],
      rows: table,
    },
    csv: {
      headers: ['id', msg(ctx, 'chart.col.goal'), unitHeader(ctx), msg(ctx, 'chart.col.result'), msg(ctx, 'chart.col.ci_low'), msg(ctx, 'chart.col.ci_high'), msg(ctx, 'chart.col.condition'), msg(ctx, 'chart.col.target'), msg(ctx, 'chart.col.target_max'), msg(ctx, 'chart.col.assessment')],
      rows: csv,
    },
    suppressed,
    footnotes,
  };
}
