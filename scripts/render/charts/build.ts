// A chart's data, table, description and Vega-Lite spec from the figures, without Vega: the
// builders measure text with the canvas only, so `check` resolves every chart in milliseconds.
import type { ChartConfig } from '../../config/schema.ts';
import type { Figure, GoalResult } from '../../publish/indicators-schema.ts';
import type { BuiltChart, ChartContext, Inputs } from './common.ts';
import { coefficientsChart } from './coefficients.ts';
import { distributionChart } from './distribution.ts';
import { goalsChart } from './goals.ts';
import { intervalsChart } from './intervals.ts';
import { likertChart } from './likert.ts';
import { meansChart } from './means.ts';
import { sharesChart } from './shares.ts';
import { seriesChart } from './series.ts';
import { crosstabChart } from './crosstab.ts';

const builders: Record<ChartConfig['kind'], (i: Inputs) => BuiltChart> = {
  shares: sharesChart,
  distribution: distributionChart,
  means: meansChart,
  likert: likertChart,
  goals: goalsChart,
  coefficients: coefficientsChart,
  intervals: intervalsChart,
  series: seriesChart,
  crosstab: crosstabChart,
};

/** Throws an Error naming the chart when a figure does not fit it (unknown, wrong kind). */
export function buildChartData(chart: ChartConfig, figures: Figure[], goals: GoalResult[], ctx: ChartContext): BuiltChart {
  return builders[chart.kind]({ chart, figures, goals, ctx });
}
