// The chart kinds of issue 18: series (lines or columns over periods) and crosstab. Rendered to
// SVG like the other kinds: a valid Vega-Lite spec compiled without warnings, one accessible
// image with title and description, a data table and CSV with the SCB marks for hidden values,
// Swedish number format and the palette's colours.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { renderChart, type ChartContext, type RenderedChart } from '../../scripts/render/charts/index.ts';
import { compileSpec } from '../../scripts/render/charts/render.ts';
import type { ChartConfig } from '../../scripts/config/schema.ts';
import type { Figure } from '../../scripts/publish/indicators-schema.ts';
import { categorical } from '../../scripts/palette.ts';

const root = join(import.meta.dirname, '..', '..');
const NBSP = '\u00a0';

function count(id: string, label: string, unit: string, category: string, categoryLabel: string, value: number | null, suppression?: 'primary' | 'secondary'): Figure {
  return { id, label, unit, gender: 'all', kind: 'count', category, category_label: categoryLabel, value, suppressed: value === null, ...(suppression ? { suppression } : {}) };
}
const MONTHS = [['2024-01', 'jan 2024'], ['2024-02', 'feb 2024'], ['2024-03', 'mars 2024'], ['2024-04', 'apr 2024']] as const;
const inflow = [1234, 3, 40, 12];
const outflow = [0, 20, null, 15];
const figures: Figure[] = [
  ...MONTHS.map(([k, l], j) => count('series.flow.inflow', 'Deltagare: nya deltagare', 'total', k, l, j === 1 ? null : inflow[j]!, j === 1 ? 'primary' : undefined)),
  ...MONTHS.map(([k, l], j) => count('series.flow.outflow', 'Deltagare: avslutade deltagare', 'total', k, l, outflow[j]!, outflow[j] === null ? 'secondary' : undefined)),
  // Another unit's and another gender's figures are not drawn unless asked for.
  ...MONTHS.map(([k, l]) => count('series.flow.inflow', 'Deltagare: nya deltagare', 'A', k, l, 9)),
  { ...count('series.flow.inflow', 'Deltagare: nya deltagare', 'total', '2024-01', 'jan 2024', 600), gender: 'woman' },
  ...(['under_25', '25_plus'] as const).map((r, j): Figure => ({ id: `crosstab.work_by_age.${r}`, label: `Arbete efter ålder: ${['Under 25 år', '25 år eller äldre'][j]}`, unit: 'total', gender: 'all', kind: 'share', value: j ? null : 0.25, numerator: j ? null : 30, ...(j ? {} : { denominator: 120 }), ci95: j ? null : [0.18, 0.33], suppressed: j === 1, ...(j ? { suppression: 'primary' as const } : {}) })),
];
const ctx: ChartContext = { language: 'sv', units: ['A', 'total'], unitLabel: (u) => (u === 'total' ? 'Totalt' : u), minCount: 5, unitLevel: 'Delprojekt' };
const chart = (c: Partial<ChartConfig> & Pick<ChartConfig, 'id' | 'kind'>): ChartConfig => ({ title: `Diagram ${c.id}`, figures: [], ...c });
const CHARTS = {
  lines: chart({ id: 'flow_lines', kind: 'series', title: 'Nya och avslutade per månad', figures: ['series.flow.inflow', 'series.flow.outflow'] }),
  columns: chart({ id: 'flow_columns', kind: 'series', title: 'Nya per månad', figures: ['series.flow.inflow'], units: ['A', 'total'], style: 'columns' }),
  crosstab: chart({ id: 'work_by_age', kind: 'crosstab', title: 'Arbete efter ålder', figures: ['crosstab.work_by_age'] }),
};
const rendered = new Map<string, RenderedChart>();
before(async () => {
  for (const [name, c] of Object.entries(CHARTS)) rendered.set(name, await renderChart(c, figures, [], ctx));
});
const get = (name: keyof typeof CHARTS) => rendered.get(name)!;

describe('chart kinds series and crosstab', () => {
  const schema = JSON.parse(readFileSync(join(root, 'node_modules/vega-lite/build/vega-lite-schema.json'), 'utf8')) as object;
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('color-hex', /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i);
  const validate = ajv.compile(schema);

  for (const name of Object.keys(CHARTS) as (keyof typeof CHARTS)[])
    it(`${name}: validates against the Vega-Lite JSON Schema, compiles without warnings and is one accessible image`, () => {
      const r = get(name);
      assert.ok(validate(r.spec), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
      assert.deepEqual(compileSpec(r.spec as Record<string, unknown>).warnings, []);
      assert.match(r.svg, new RegExp(`^<svg[^>]* role="img" aria-labelledby="chart-${r.id}-title chart-${r.id}-desc"><title id="chart-${r.id}-title">`));
      assert.ok(r.description.length > 20 && r.svg.includes(`<desc id="chart-${r.id}-desc">`));
    });

  it('series: the table lists every period with Swedish numbers and the marks for hidden values, with their legend', () => {
    const t = get('lines').table;
    assert.deepEqual(t.headers, ['Period', 'Deltagare: nya deltagare', 'Deltagare: avslutade deltagare']);
    assert.deepEqual(t.rows, [['jan 2024', `1${NBSP}234`, '0'], ['feb 2024', '..', '20'], ['mars 2024', '40', '×'], ['apr 2024', '12', '15']]);
    assert.ok(get('lines').footnotes.some((f) => f.includes('..')) && get('lines').footnotes.some((f) => f.includes('×')));
  });

  it('series: a hidden value breaks the line and shows its mark at the baseline, never a number', () => {
    const r = get('lines');
    const values = (r.spec as { data: { values: Array<{ period: string; series: string; value: number | null; mark: string }> } }).data.values;
    assert.deepEqual(values.filter((v) => v.value === null).map((v) => [v.period, v.mark]), [['feb 2024', '..'], ['mars 2024', '×']]);
    const texts = [...r.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    assert.ok(texts.includes('..') && texts.includes('×'), 'the marks are drawn');
    for (const c of categorical.slice(0, 2)) assert.ok(r.svg.toLowerCase().includes(c), `palette colour ${c}`);
  });

  it('series: CSV with BOM, ";" and one row per series and period; the description names the range and the highest value', () => {
    const csv = get('lines').csv;
    assert.ok(csv.startsWith('\ufeffid;Delprojekt;Kod;Period;Värde;Undertryckt') || csv.startsWith('\ufeffid;'));
    const lines = csv.trim().split('\r\n');
    assert.equal(lines.length, 1 + 8);
    assert.ok(lines.some((l) => l.startsWith('series.flow.inflow;Totalt;2024-02;feb 2024;;')), lines.join('\n'));
    assert.match(get('lines').description, /Linjediagram med 2 serier per period, från jan 2024 till apr 2024\./);
    assert.match(get('lines').description, /högst 1\u00a0234 \(jan 2024\)/);
  });

  it('series: columns for several units, each unit its own series; the woman-only figure is not drawn', () => {
    const r = get('columns');
    assert.deepEqual(r.table.headers, ['Period', 'Deltagare: nya deltagare (A)', 'Deltagare: nya deltagare (Totalt)']);
    assert.deepEqual(r.table.rows[0], ['jan 2024', '9', `1${NBSP}234`]);
    assert.match(r.description, /^Stapeldiagram/);
  });

  it('crosstab: a bar per row with its interval, a hidden row marked', () => {
    const r = get('crosstab');
    assert.deepEqual(r.table.rows, [['Totalt', 'Under 25 år', `25${NBSP}%`, `18–33${NBSP}%`, '120'], ['Totalt', '25 år eller äldre', '..', '..', '']]);
    assert.match(r.description, /Arbete efter ålder i 2 grupper/);
  });

  it('a series chart refuses a figure that is not a count by period', async () => {
    await assert.rejects(renderChart(chart({ id: 'bad', kind: 'series', figures: ['crosstab.work_by_age.under_25'] }), figures, [], ctx), /not a count by period/);
  });
});
