// End to end: a copy of the Samverkan example with a quarterly series, a crosstab by entry year
// and a duration, cited in its narrative and charted. The build (pages, data, no PDF) places the
// charts with their tables and CSVs, the citations print the registry's values, and
// indicators.json still fits its schema. The example itself is left as it is.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildSite } from '../../scripts/site/build-site.ts';
import type { Indicators } from '../../scripts/publish/indicators-schema.ts';
import { formatFigure } from '../../scripts/format.ts';

const repo = join(import.meta.dirname, '..', '..');
const slug = 'samverkan-leder-till-arbete';
const root = mkdtempSync(join(tmpdir(), 'time-build-'));
let html = '';
let ind: Indicators;
const out = join(root, '_site');

before(async () => {
  for (const d of ['content', 'data']) cpSync(join(repo, d, slug), join(root, d, slug), { recursive: true });
  const config = readFileSync(join(root, 'content', slug, 'report.yaml'), 'utf8');
  const charts = `  - { id: flow, kind: series, title: Nya och avslutade deltagare per kvartal, figures: [series.flow.inflow, series.flow.outflow] }
  - { id: stock, kind: series, title: Inskrivna vid kvartalets slut, figures: [series.flow.enrolled], style: columns }
  - { id: occupation_by_year, kind: crosstab, title: Sysselsättning efter inskrivningsår, figures: [crosstab.occupation_by_year] }
`;
  assert.match(config, /^charts:\n/m);
  writeFileSync(join(root, 'content', slug, 'report.yaml'), config.replace(/^charts:\n/m, `charts:\n${charts}`) + `
series:
  - { id: flow, label: Deltagare, interval: quarter, breakdown: total }
crosstabs:
  - { id: occupation_by_year, label: Sysselsättning vid avslut efter inskrivningsår, outcome: occupation, by_cohort: year, breakdown: total }
durations:
  - { id: enrolled, label: Tid i projektet, breakdown: total }
figure_tables:
  - { id: occupation_rows, title: Sysselsättning efter inskrivningsår, figures: [crosstab.occupation_by_year.2018, crosstab.occupation_by_year.2019], units: [total] }
`);
  appendFileSync(join(root, 'content', slug, 'resultat.md'), `
Under det första kvartalet år 2018 skrevs {{ fig("series.flow.inflow", "total", "all", "value", "2018-Q1") }} deltagare in. Mediantiden i projektet var {{ fig("duration.enrolled.median") }} månader.

{% chart "flow" %}

{% chart "stock" %}

{% chart "occupation_by_year" %}

{% table "occupation_rows" %}
`);
  await buildSite({ root, outDir: out, slugs: [slug], pdf: false, log: () => {} });
  html = readFileSync(join(out, slug, 'index.html'), 'utf8');
  ind = JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8')) as Indicators;
});
after(() => rmSync(root, { recursive: true, force: true }));

it('places each new chart as one accessible image with its data table and CSV', () => {
  for (const id of ['flow', 'stock', 'occupation_by_year']) {
    assert.match(html, new RegExp(`<svg[^>]* role="img" aria-labelledby="chart-${id}-title chart-${id}-desc">`), id);
    assert.ok(existsSync(join(out, slug, 'data', `chart-${id}.csv`)), `chart-${id}.csv`);
  }
  assert.ok(html.includes('kv.&nbsp;1 2018') || html.includes('kv.\u00a01 2018'), 'periods are named in Swedish');
});

it('a figure table lists a crosstab\'s rows', () => {
  assert.ok(html.includes('Sysselsättning efter inskrivningsår'), 'the table\'s caption');
  const row = ind.figures.find((x) => x.id === 'crosstab.occupation_by_year.2019' && x.unit === 'total' && x.gender === 'all')!;
  assert.equal(row.kind, 'share');
  assert.ok(html.replace(/&nbsp;/g, '\u00a0').includes(formatFigure(row, 'sv')));
});

it('the citations print the registry\'s values', () => {
  const f = ind.figures.find((x) => x.id === 'series.flow.inflow' && x.unit === 'total' && x.gender === 'all' && x.category === '2018-Q1')!;
  const m = ind.figures.find((x) => x.id === 'duration.enrolled.median' && x.unit === 'total' && x.gender === 'all')!;
  assert.ok(f && m.kind === 'quantile' && m.value! > 0, JSON.stringify([f, m]));
  const text = html.replace(/&nbsp;/g, '\u00a0');
  assert.ok(text.includes(`skrevs ${formatFigure(f, "sv")} deltagare in`), `inflow cited: ${text.slice(text.indexOf("skrevs") - 20, text.indexOf("skrevs") + 200)}`);
  assert.ok(text.includes(`var ${formatFigure(m, 'sv')} månader`), 'median cited');
});

it('indicators.json fits its schema with the new figures, and the example\'s own figures are unchanged', async () => {
  const schema = JSON.parse(readFileSync(join(repo, 'schemas/indicators.schema.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  assert.ok(validate(ind), JSON.stringify(validate.errors?.slice(0, 3) ?? []).slice(0, 800));
  const { buildIndicators } = await import('../../scripts/site/data-step.ts');
  const plain = await buildIndicators({ root: repo, slug }, new Date(0));
  const key = (f: { id: string; unit: string; gender: string; category?: string | undefined }) => `${f.id}|${f.unit}|${f.gender}|${f.category ?? ''}`;
  const now = new Map(ind.figures.map((f) => [key(f), f]));
  const changed = plain.figures.filter((f) => now.get(key(f))?.value !== f.value).map(key);
  assert.deepEqual(changed, []);
});
