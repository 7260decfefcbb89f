// Charts for the report: a chart from report.yaml (kind, figures, units) and the computed
// figures → an accessible inline SVG with its description, data table, CSV and footnotes.
// One module per kind builds the Vega-Lite spec (pure: figures in, spec and table out);
// render.ts turns the spec into SVG. See docs in /work/shared/spec/tech-notes.md, "Charts".
import type { ChartConfig } from '../../config/schema.ts';
import type { Figure, GoalResult } from '../../publish/indicators-schema.ts';
import { legendLines } from '../../format.ts';
import { msg, toCsv, type BuiltChart, type ChartContext } from './common.ts';
import { buildChartData } from './build.ts';
import { NARROW } from './layout.ts';
import { completeSpec, finishSvg, renderSvg } from './render.ts';

export type { ChartContext } from './common.ts';

export interface RenderedChart {
  id: string;
  title: string;
  /** Plain-language alt text (language of the report), computed from the figures. */
  description: string;
  /** Inline SVG, root <svg role="img" aria-labelledby="chart-<id>-title chart-<id>-desc">. */
  svg: string;
  /** The same chart drawn for a phone's width (NARROW), ids chart-<id>-narrow-…: shown instead of
   * `svg` on small screens, so that its text keeps its size rather than being scaled down. */
  svgNarrow: string;
  /** The same data as an accessible table: formatted strings ("22 %", "–", "15–31 %"). */
  table: { caption: string; headers: string[]; rows: string[][] };
  /** The chart's data as CSV: UTF-8 BOM, ';'-separated, decimal comma in Swedish, one row per mark. */
  csv: string;
  footnotes: string[];
  /** The complete Vega-Lite spec (for tests and debugging). */
  spec: object;
}

/** The Vega-Lite spec and readable data of a chart, without rendering. */
export function buildChart(chart: ChartConfig, figures: Figure[], goals: GoalResult[], ctx: ChartContext): BuiltChart & { fullSpec: Record<string, unknown> } {
  const built = buildChartData(chart, figures, goals, ctx);
  return { ...built, fullSpec: completeSpec(built.spec, ctx.language) };
}

export async function renderChart(chart: ChartConfig, figures: Figure[], goals: GoalResult[], ctx: ChartContext): Promise<RenderedChart> {
  const built = buildChart(chart, figures, goals, ctx);
  const sentences = built.description.length ? built.description : [msg(ctx, 'chart.desc.none')];
  const description = [...sentences, ...(chart.note ? [chart.note] : [])].join(' ');
  const svg = finishSvg(await renderSvg(built.fullSpec), chart.id, chart.title, description);
  const narrow = buildChart(chart, figures, goals, { ...ctx, frame: NARROW });
  const svgNarrow = finishSvg(await renderSvg(narrow.fullSpec), `${chart.id}-narrow`, chart.title, description, 'chart chart-phone');
  // A legend for each mark the chart's data table shows.
  const footnotes = [...legendLines(built.table.rows.flat(), ctx.language, ctx.minCount), ...(built.footnotes ?? [])];
  return {
    id: chart.id,
    title: chart.title,
    description,
    svg,
    svgNarrow,
    table: { caption: msg(ctx, 'chart.table.caption', { title: chart.title }), ...built.table },
    csv: toCsv(built.csv.headers, built.csv.rows, ctx.language),
    footnotes,
    spec: built.fullSpec,
  };
}
