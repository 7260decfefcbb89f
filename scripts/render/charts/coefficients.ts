// kind "coefficients": a regression model's coefficients (figures of kind coefficient), one bar
// per predictor from zero with its 95 % interval, so a reader sees which intervals cross zero.
import { barChart } from './layout.ts';
import { figuresOf, msg, num, frameOf, type BuiltChart, type Inputs } from './common.ts';
import { formatCoefficient } from '../../format.ts';
import { renderError } from '../../problem-messages.ts';

export function coefficientsChart({ chart, figures, ctx }: Inputs): BuiltChart {
  const coefs = chart.figures.map((id) => {
    const f = figuresOf(figures, id, chart.id).find((x) => x.unit === 'total' && x.gender === 'all');
    if (!f || f.kind !== 'coefficient') throw new Error(renderError.chart(chart.id, renderError.notCoefficient(id)));
    return f;
  });
  // A linear probability model's effects are drawn and read in percentage points.
  const pp = coefs.some((f) => f.scale === 'probability');
  const k = pp ? 100 : 1;
  const fmt = (x: number) => formatCoefficient(x, pp ? { scale: 'probability' } : {}, ctx.language);
  const header = msg(ctx, pp ? 'model.estimate_pp' : 'chart.col.coefficient');
  const { spec, width } = barChart({
    panels: [{ header, rows: coefs.map((f) => ({ label: f.label, value: f.value! * k, lo: f.ci95![0] * k, hi: f.ci95![1] * k, text: fmt(f.value!) })) }],
    scale: 'number',
    intervals: true,
    frame: frameOf(ctx),
  });
  const crossing = coefs.filter((f) => f.ci95 && f.ci95[0] <= 0 && f.ci95[1] >= 0).map((f) => f.label);
  return {
    spec,
    width,
    description: [
      msg(ctx, 'chart.desc.coefficients', { n: coefs.length }),
      crossing.length ? msg(ctx, 'chart.desc.coefficients_zero', { labels: crossing.join(', ') }) : msg(ctx, 'chart.desc.coefficients_none_zero'),
    ],
    table: {
      headers: [msg(ctx, 'chart.col.figure'), header, msg(ctx, 'chart.col.ci'), 'p'],
      rows: coefs.map((f) => [f.label, fmt(f.value!), `${fmt(f.ci95![0])} – ${fmt(f.ci95![1])}`, num(f.p!, ctx, 3)]),
    },
    csv: {
      headers: ['id', msg(ctx, 'chart.col.figure'), msg(ctx, 'chart.col.coefficient'), msg(ctx, 'chart.col.ci_low'), msg(ctx, 'chart.col.ci_high'), 'p', 'n'],
      rows: coefs.map((f) => [f.id, f.label, f.value, f.ci95?.[0], f.ci95?.[1], f.p, f.n]),
    },
    suppressed: false,
  };
}
