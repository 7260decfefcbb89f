// report.yaml for time series, crosstabs, durations and date filters: the keys load, and every
// wrong reference, range or duplicate figure id is reported with its line, key path and value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../scripts/config/load.ts';

import { EXAMPLE, FILE, lineOf, problems } from '../helpers/config-problems.ts';

const GOOD = `
series:
  - { id: flow, label: Deltagare, interval: quarter }
crosstabs:
  - { id: work_by_income, label: Arbete eller studier efter försörjning, outcome: work_or_studies, by: entry.income }
  - { id: work_by_cohort, label: Arbete eller studier efter inskrivningsår, outcome: work_or_studies, by_cohort: year }
durations:
  - { id: enrolled, label: Tid i projektet, bands: [{ id: under_6, label: Under 6 månader, max: 6 }, { id: 6_plus, label: 6 månader eller mer, min: 6 }] }
  - { id: to_work, label: Tid till arbete eller studier, outcome: work_or_studies, filter: { exit: { from: 2021-01-01, to: 2021-12-31 } } }
`;

test('the new keys load into the example configuration, with their defaults', () => {
  const c = parseConfig(EXAMPLE + GOOD, FILE);
  assert.equal(c.series[0]!.interval, 'quarter');
  assert.equal(c.crosstabs.length, 2);
  assert.deepEqual(c.durations[1]!.filter, { exit: { from: '2021-01-01', to: '2021-12-31' } });
});

test('wrong references, ranges and kinds are reported all at once, with line, key path and value', () => {
  const bad = `
series:
  - { id: flow, label: Deltagare, interval: month, from: 2021-06-01, to: 2021-01-01 }
crosstabs:
  - { id: a, label: A, outcome: no_such_group, by: entry.income }
  - { id: b, label: B, outcome: work_or_studies, distribution: entry.income, by_cohort: year }
  - { id: c, label: C, outcome: work_or_studies }
  - { id: d, label: D, distribution: entry.income, by: entry.income }
durations:
  - { id: x, label: X, outcome: nope, bands: [{ id: b1, label: B, min: 6, max: 6 }], filter: { exit: { from: 2022-01-01, to: 2021-01-01 } } }
`;
  const text = EXAMPLE + bad;
  const got = problems(text).map((p) => [p.line, p.column, p.value]);
  const want = [
    [lineOf(text, 'id: x, label: X'), 'durations[0].filter.exit.to', '2021-01-01'],
    [lineOf(text, 'id: flow, label: Deltagare, interval: month'), 'series[0].to', '2021-01-01'],
    [lineOf(text, 'id: a, label: A'), 'crosstabs[0].outcome', 'no_such_group'],
    [lineOf(text, 'id: b, label: B'), 'crosstabs[1]', undefined],
    [lineOf(text, 'id: c, label: C'), 'crosstabs[2]', undefined],
    [lineOf(text, 'id: d, label: D'), 'crosstabs[3].by', 'entry.income'],
    [lineOf(text, 'id: x, label: X'), 'durations[0].outcome', 'nope'],
    [lineOf(text, 'id: x, label: X'), 'durations[0].bands[0].max', '6'],
  ];
  for (const w of want) assert.ok(got.some((g) => g[0] === w[0] && g[1] === w[1] && (w[2] === undefined || g[2] === w[2])), `${JSON.stringify(w)} in ${JSON.stringify(got)}`);
  assert.equal(got.length, want.length, JSON.stringify(got));
});

test('a figure id defined twice is an error naming both keys', () => {
  const text = EXAMPLE + `
series:
  - { id: flow, label: Deltagare, interval: month }
  - { id: flow, label: Deltagare igen, interval: quarter }
`;
  const p = problems(text);
  assert.equal(p.length, 1);
  assert.equal(p[0]!.column, 'series[1].id');
  assert.match(p[0]!.expected, /figure series\.flow\.inflow is already defined at series\[0\]\.id/);
  assert.equal(p[0]!.line, lineOf(text, 'Deltagare igen'));
});

test('chart kind crosstab names one crosstab; style belongs to kind series only', () => {
  const text = EXAMPLE + GOOD;
  const withCharts = text.replace(/^charts:\n/m, 'charts:\n  - { id: ct, kind: crosstab, title: T, figures: [crosstab.nope] }\n  - { id: st, kind: shares, title: S, figures: [exit.work_or_studies], style: lines }\n  - { id: ok, kind: crosstab, title: O, figures: [crosstab.work_by_income] }\n  - { id: ok2, kind: series, title: O, figures: [series.flow.inflow], style: columns }\n');
  assert.deepEqual(problems(withCharts).map((p) => [p.column, p.value]), [['charts[0].figures', 'crosstab.nope'], ['charts[1].style', 'lines']]);
});

test('a crosstab\'s rows must have distinct ids: categories that give the same id are an error', () => {
  const text = EXAMPLE.replace(/^distributions:\n/m, 'distributions:\n  - { id: entry.code, label: Kod, column: referral, categories: { "a-b": A, "a_b": B } }\n') + `
crosstabs:
  - { id: by_code, label: R, outcome: work_or_studies, by: entry.code }
`;
  const p = problems(text).filter((x) => x.column === 'crosstabs[0].by');
  assert.deepEqual(p.map((x) => x.value), ['a_b']);
  assert.match(p[0]!.expected, /distinct and not empty/);
});
