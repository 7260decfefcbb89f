// Regression estimators and the two-proportion comparison against reference values from R.
// The reference values in test/fixtures/stats/reference.json were computed with R 4.2 (lm,
// sandwich::vcovHC, glm) by test/fixtures/stats/reference.R; rerun from the repository root with
//   Rscript test/fixtures/stats/reference.R
// (Debian: apt-get install r-base-core r-cran-sandwich). Agreement: 1e-6, absolute for values up
// to 1 in size and relative above (coefficients in kronor).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  benchFit, designFromRows, logit, ols, twoProportions,
  type Design, type DesignSpec, type LogitResult, type OlsResult, type Term,
} from '../../scripts/stats/index.ts';
import { pStudent, tQuantile975 } from '../../scripts/stats/dist.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'stats');
const ref = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8'));

type Row = Record<string, string | null>;
function readCsv(file: string): Row[] {
  const [head, ...lines] = readFileSync(join(dir, file), 'utf8').trim().split('\n');
  const names = head!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] === '' ? null : cells[i]!]));
  });
}

const TOL = 1e-6;
function close(actual: number, expected: number, what: string, tol = TOL) {
  const ok = Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
  assert.ok(ok, `${what}: ${actual} vs R ${expected} (diff ${actual - expected})`);
}
function closeAll(actual: number[], expected: number[], what: string, tol = TOL) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  actual.forEach((a, i) => close(a, expected[i]!, `${what}[${i}]`, tol));
}

interface OlsRef {
  n: number; dfResidual: number; dropped: number; r2: number; adjR2: number; sigma: number; fStatistic: number | null; fP: number | null;
  coefficients: { names: string[]; estimate: number[] } & Record<'classical' | 'HC1' | 'HC3', { se: number[]; statistic: number[]; p: number[]; lower: number[]; upper: number[] }>;
}
function assertOls(fit: OlsResult, r: OlsRef, label: string) {
  assert.equal(fit.status, 'ok', label);
  assert.equal(fit.n, r.n, `${label} n`);
  assert.equal(fit.dfResidual, r.dfResidual, `${label} df`);
  assert.equal(fit.dropped.rows, r.dropped, `${label} dropped`);
  close(fit.r2, r.r2, `${label} R²`);
  close(fit.adjR2, r.adjR2, `${label} adj R²`);
  close(fit.sigma, r.sigma, `${label} sigma`);
  if (r.fStatistic !== null) {
    close(fit.fTest!.statistic, r.fStatistic, `${label} F`);
    close(fit.fTest!.p, r.fP!, `${label} F p`);
  }
  const c = fit.coefficients;
  closeAll(c.map((x) => x.estimate), r.coefficients.estimate, `${label} estimate`);
  for (const type of ['classical', 'HC1', 'HC3'] as const) {
    const e = r.coefficients[type];
    closeAll(c.map((x) => x.bySe[type].se), e.se, `${label} ${type} se`);
    closeAll(c.map((x) => x.bySe[type].statistic), e.statistic, `${label} ${type} t`);
    closeAll(c.map((x) => x.bySe[type].p), e.p, `${label} ${type} p`);
    closeAll(c.map((x) => x.bySe[type].ci95[0]), e.lower, `${label} ${type} lower`);
    closeAll(c.map((x) => x.bySe[type].ci95[1]), e.upper, `${label} ${type} upper`);
  }
  // The chosen flavour (default HC3) is the top level.
  c.forEach((x) => assert.equal(x.se, x.bySe[fit.seType].se));
}

interface LogitRef {
  n: number; dropped: number; logLik: number; nullLogLik: number; pseudoR2: number; deviance: number; nullDeviance: number; aic: number;
  lrStatistic: number; lrP: number;
  coefficients: { names: string[]; estimate: number[]; se: number[]; statistic: number[]; p: number[]; lower: number[]; upper: number[] };
  ame?: { names: string[]; estimate: number[]; se: number[] };
}
function assertLogit(fit: LogitResult, r: LogitRef, label: string) {
  assert.equal(fit.status, 'ok', `${label}: ${fit.message}`);
  assert.equal(fit.converged, true);
  assert.equal(fit.n, r.n, `${label} n`);
  assert.equal(fit.dropped.rows, r.dropped, `${label} dropped`);
  for (const k of ['logLik', 'nullLogLik', 'pseudoR2', 'deviance', 'nullDeviance', 'aic'] as const) close(fit[k], r[k], `${label} ${k}`);
  close(fit.lrTest!.statistic, r.lrStatistic, `${label} LR`);
  close(fit.lrTest!.p, r.lrP, `${label} LR p`);
  const c = fit.coefficients, e = r.coefficients;
  closeAll(c.map((x) => x.estimate), e.estimate, `${label} estimate`);
  closeAll(c.map((x) => x.se), e.se, `${label} se`);
  closeAll(c.map((x) => x.statistic), e.statistic, `${label} z`);
  closeAll(c.map((x) => x.p), e.p, `${label} p`);
  closeAll(c.map((x) => x.ci95[0]), e.lower, `${label} lower`);
  closeAll(c.map((x) => x.ci95[1]), e.upper, `${label} upper`);
  // Odds ratios: exp of the coefficient and of its Wald interval, predictors only.
  const preds = c.filter((x) => x.name !== '(Intercept)');
  assert.deepEqual(fit.oddsRatios.map((o) => o.name), preds.map((x) => x.name));
  fit.oddsRatios.forEach((o, i) => {
    const k = e.names.length - preds.length + i;
    close(o.oddsRatio, Math.exp(e.estimate[k]!), `${label} OR`);
    close(o.ci95[0], Math.exp(e.lower[k]!), `${label} OR lower`);
    close(o.ci95[1], Math.exp(e.upper[k]!), `${label} OR upper`);
  });
  if (r.ame) {
    const byName = new Map(fit.averageMarginalEffects.map((m) => [m.name, m]));
    r.ame.names.forEach((name, i) => {
      const m = byName.get(name);
      assert.ok(m, `${label} AME for ${name}`);
      close(m.estimate, r.ame!.estimate[i]!, `${label} AME ${name}`);
      close(m.se, r.ame!.se[i]!, `${label} AME se ${name}`);
    });
    assert.equal(fit.averageMarginalEffects.length, r.ame.names.length);
  }
}

// The regular fixture: mixed numeric, indicator and categorical predictors, with missing values.
const regularRows = readCsv('regular.csv');
const regularSpec = (outcome: string): DesignSpec<Row> => ({
  outcome: { name: outcome },
  terms: [
    { type: 'numeric', name: 'age' },
    { type: 'categorical', name: 'gender', levels: ['woman', 'man', 'other'], reference: 'woman' },
    { type: 'categorical', name: 'education', levels: ['secondary', 'primary', 'tertiary', 'unknown'], reference: 'secondary' },
    { type: 'numeric', name: 'months_without_work' },
    { type: 'indicator', name: 'social_enterprise' },
    { type: 'numeric', name: 'hours' },
  ],
});
const rNames = (names: string[]) => names.map((n) => n.replace(/^(gender|education)(?!=)/, '$1='));

describe('designFromRows', () => {
  it('builds numeric, indicator and dummy columns with the reference left out', () => {
    const d = designFromRows(regularRows, regularSpec('target'));
    assert.deepEqual(d.columns.map((c) => c.name), rNames(ref.regular.lpm.coefficients.names.slice(1)));
    assert.equal(d.yName, 'target');
    const man = d.columns.find((c) => c.name === 'gender=man')!;
    assert.equal(man.kind, 'indicator');
    assert.equal(man.group, 'gender');
    assert.equal(man.level, 'man');
    assert.deepEqual(d.categorical.map((c) => [c.name, c.reference]), [['gender', 'woman'], ['education', 'secondary']]);
    // A missing education is NaN in every education dummy.
    const i = regularRows.findIndex((r) => r.education === null);
    assert.ok(d.columns.filter((c) => c.group === 'education').every((c) => Number.isNaN(c.values[i]!)));
  });

  it('defaults the reference to the most frequent level, treats unknown levels as missing, rejects bad values', () => {
    const rows = [{ g: 'b', y: 1 }, { g: 'a', y: 0 }, { g: 'b', y: true }, { g: 'c', y: false }, { g: 'zz', y: null }];
    const d = designFromRows(rows, { outcome: { name: 'y' }, terms: [{ type: 'categorical', name: 'g' }] });
    assert.deepEqual(d.categorical[0]!.reference, 'b');
    assert.deepEqual(d.columns.map((c) => c.name), ['g=a', 'g=c', 'g=zz']);
    assert.deepEqual([...d.y].slice(0, 4), [1, 0, 1, 0]);
    assert.ok(Number.isNaN(d.y[4]!));
    const fixed = designFromRows(rows, { outcome: { name: 'y' }, terms: [{ type: 'categorical', name: 'g', levels: ['a', 'b', 'c'] }] });
    assert.deepEqual(fixed.columns.map((c) => c.name), ['g=a', 'g=c']);
    assert.ok(Number.isNaN(fixed.columns[0]!.values[4]!), 'a value outside levels is missing');
    assert.throws(() => designFromRows([{ x: 'abc', y: 1 }], { outcome: { name: 'y' }, terms: [{ type: 'numeric', name: 'x' }] }), /'x' should be a number/);
    assert.throws(() => designFromRows([{ x: 2, y: 1 }], { outcome: { name: 'y' }, terms: [{ type: 'indicator', name: 'x' }] }), /'x' should be 0\/1/);
    assert.throws(() => designFromRows(rows, { outcome: { name: 'y' }, terms: [{ type: 'categorical', name: 'g', reference: 'q' }] }), /reference 'q'/);
    // Getter functions for computed terms.
    const g = designFromRows([{ a: { b: 3 } }], { outcome: { name: 'y', value: () => 1 }, terms: [{ type: 'numeric', name: 'ab', value: (r) => r.a.b }] });
    assert.equal(g.columns[0]!.values[0], 3);
  });
});

describe('ols against R (lm + sandwich)', () => {
  it('linear probability model: coefficients, classical / HC1 / HC3 SEs, t, p, CI, R², adj R², F', () => {
    assertOls(ols(designFromRows(regularRows, regularSpec('target'))), ref.regular.lpm, 'lpm');
  });

  it('continuous outcome (kronor)', () => {
    assertOls(ols(designFromRows(regularRows, regularSpec('earnings')), { se: 'classical' }), ref.regular.earnings, 'earnings');
  });

  it('without intercept (uncentred R², as R)', () => {
    const d = designFromRows(regularRows, {
      outcome: { name: 'target' }, intercept: false,
      terms: [{ type: 'numeric', name: 'age' }, { type: 'indicator', name: 'social_enterprise' }],
    });
    assertOls(ols(d, { se: 'HC1' }), ref.regular.noIntercept, 'no intercept');
  });

  it('reports listwise deletion per term', () => {
    const fit = ols(designFromRows(regularRows, regularSpec('target')));
    const missing = (k: string) => regularRows.filter((r) => r[k] === null).length;
    assert.deepEqual(fit.dropped.reasons, [
      { column: 'age', rows: missing('age') },
      { column: 'education', rows: missing('education') },
      { column: 'months_without_work', rows: missing('months_without_work') },
    ]);
    assert.equal(fit.dropped.rows, regularRows.filter((r) => r.age === null || r.education === null || r.months_without_work === null).length);
    assert.equal(fit.dropped.rows, 19);
    assert.match(fit.warnings.join('\n'), /19 of 200 rows were left out because of missing values \(listwise deletion\): age 8, education 6, months_without_work 5/);
  });

  it('is unaffected by a large offset in a predictor (centred internally)', () => {
    const d = designFromRows(regularRows, regularSpec('target'));
    const shifted: Design = { ...d, columns: d.columns.map((c) => (c.name === 'hours' ? { ...c, values: c.values.map((v) => v * 1000 + 5e7) } : c)) };
    const a = ols(d), b = ols(shifted);
    const i = a.coefficients.findIndex((c) => c.name === 'hours');
    close(b.coefficients[i]!.estimate * 1000, a.coefficients[i]!.estimate, 'slope', 1e-9);
    close(b.coefficients[i]!.bySe.HC3.statistic, a.coefficients[i]!.bySe.HC3.statistic, 't', 1e-8);
    close(b.r2, a.r2, 'R²', 1e-10);
  });
});

describe('logit against R (glm, binomial)', () => {
  it('coefficients, SEs, z, p, Wald CI, odds ratios, logLik, McFadden R², LR test, average marginal effects', () => {
    const fit = logit(designFromRows(regularRows, regularSpec('target')));
    assertLogit(fit, ref.regular.logit, 'logit');
    assert.deepEqual(fit.coefficients.map((c) => c.name), rNames(ref.regular.logit.coefficients.names));
    assert.equal(fit.averageMarginalEffects.find((m) => m.name === 'gender=man')!.type, 'discrete');
    assert.equal(fit.averageMarginalEffects.find((m) => m.name === 'age')!.type, 'derivative');
    assert.ok(fit.iterations <= 10);
  });

  it('without intercept (null model p = ½, as R)', () => {
    const d = designFromRows(regularRows, {
      outcome: { name: 'target' }, intercept: false,
      terms: [{ type: 'numeric', name: 'age' }, { type: 'indicator', name: 'social_enterprise' }],
    });
    assertLogit(logit(d), ref.regular.logitNoIntercept, 'logit no intercept');
  });

  it('reports non-convergence instead of numbers', () => {
    const fit = logit(designFromRows(regularRows, regularSpec('target')), { maxIter: 2 });
    assert.equal(fit.status, 'not-converged');
    assert.equal(fit.converged, false);
    assert.equal(fit.coefficients.length, 0);
    assert.match(fit.message!, /did not converge in 2 iterations/);
  });

  it('refuses an outcome without variation or outside 0/1', () => {
    const y = new Float64Array(10);
    const x = Float64Array.from({ length: 10 }, (_, i) => i);
    const fit = logit({ y, columns: [{ name: 'x', values: x }] });
    assert.equal(fit.status, 'insufficient-data');
    assert.match(fit.message!, /outcome is 0 in every one of the 10 rows/);
    assert.throws(() => logit({ y: [0, 1, 2], columns: [] }), /must be 0 or 1/);
  });
});

const collinearRows = readCsv('collinear.csv');
const collinearDesign = (): Design => designFromRows(collinearRows, {
  outcome: { name: 'target' },
  terms: [
    ...['x1', 'x2', 'x3', 'const'].map((name): Term<Row> => ({ type: 'numeric', name })),
    { type: 'indicator', name: 'd' },
  ],
});

describe('constant and collinear predictors', () => {
  it('OLS leaves them out by name and matches R\'s fit without them', () => {
    const fit = ols(collinearDesign());
    assert.deepEqual(ref.collinear.aliased, ['x3', 'const']);
    assert.deepEqual(fit.excluded, [{ name: 'const', reason: 'constant' }, { name: 'x3', reason: 'collinear', with: ['x1', 'x2'] }]);
    assert.match(fit.warnings.join('\n'), /'const' was left out: it has the same value \(1\) in every row used/);
    assert.match(fit.warnings.join('\n'), /'x3' was left out: it is a linear combination of x1, x2 \(collinear\)/);
    assertOls(fit, ref.collinear.lpm, 'collinear lpm');
    closeAll(fit.coefficients.map((c) => c.estimate), ref.collinear.fullEstimates.estimate, 'full lm (NA dropped)');
  });

  it('logit likewise', () => {
    const fit = logit(collinearDesign());
    assert.deepEqual(fit.excluded.map((e) => e.name), ['const', 'x3']);
    assertLogit(fit, ref.collinear.logit, 'collinear logit');
  });

  it('the dummy trap: a full set of dummies plus intercept loses the last one, named with the intercept', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ y: (i * 7) % 3 === 0 ? 1 : 0, x: i % 5, g: ['a', 'b', 'c'][i % 3]! }));
    const d = designFromRows(rows, { outcome: { name: 'y' }, terms: [{ type: 'numeric', name: 'x' }] });
    for (const level of ['a', 'b', 'c']) d.columns.push({ name: `g=${level}`, values: rows.map((r) => (r.g === level ? 1 : 0)), kind: 'indicator', group: 'g' });
    const fit = ols(d);
    assert.deepEqual(fit.excluded, [{ name: 'g=c', reason: 'collinear', with: ['(Intercept)', 'g=a', 'g=b'] }]);
    assert.equal(fit.coefficients.length, 4);
  });

  it('a category absent after listwise deletion becomes a constant dummy and is left out', () => {
    const rows: Row[] = regularRows.map((r) => ({ ...r, age: r.gender === 'other' ? null : r.age ?? null }));
    const fit = ols(designFromRows(rows, regularSpec('target')));
    assert.deepEqual(fit.excluded, [{ name: 'gender=other', reason: 'constant' }]);
    assert.ok(fit.coefficients.every((c) => Number.isFinite(c.se)));
  });
});

const separationRows = readCsv('separation.csv');
const separationDesign = (withTreat: boolean): Design => designFromRows(separationRows, {
  outcome: { name: 'target' },
  terms: [
    ...(withTreat ? [{ type: 'indicator' as const, name: 'treat' }] : []),
    { type: 'numeric', name: 'age' }, { type: 'numeric', name: 'score' },
  ],
});

describe('separation', () => {
  it('quasi-complete separation by an indicator: a clear message naming it, no coefficients (R gives garbage)', () => {
    const r = ref.separation.logitWithTreat;
    assert.ok(r.warnings.some((w: string) => /fitted probabilities numerically 0 or 1/.test(w)));
    assert.ok(r.coefficients.se[1] > 1e4, 'R reports an enormous SE for treat');
    const fit = logit(separationDesign(true));
    assert.equal(fit.status, 'separation');
    assert.deepEqual(fit.separation, { type: 'quasi-complete', predictors: ['treat'] });
    assert.match(fit.message!, /'treat' predict the outcome perfectly for part of the rows \(quasi-complete separation\): every row with 'treat' = 1 has outcome 1/);
    assert.deepEqual([fit.coefficients, fit.oddsRatios, fit.averageMarginalEffects], [[], [], []]);
  });

  it('the linear probability model is still defined there and matches R', () => {
    assertOls(ols(separationDesign(true)), ref.separation.lpm, 'separation lpm');
  });

  it('without the separating predictor the logit matches R', () => {
    assertLogit(logit(separationDesign(false)), ref.separation.logitWithoutTreat, 'without treat');
  });

  it('complete separation by a numeric predictor', () => {
    const x = Array.from({ length: 40 }, (_, i) => i);
    const y = x.map((v) => (v >= 25 ? 1 : 0));
    const z = x.map((v) => (v * 37) % 11);
    const fit = logit({ y, columns: [{ name: 'months', values: x }, { name: 'z', values: z }] });
    assert.equal(fit.status, 'separation');
    assert.deepEqual(fit.separation, { type: 'complete', predictors: ['months'] });
    assert.match(fit.message!, /every row with 'months' ≥ 25 has outcome 1 and every row with 'months' ≤ 24 has outcome 0/);
  });

  it('separation by a combination of predictors (neither alone separates) is found from the diverging fit', () => {
    const n = 200;
    const a = Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 3);
    const b = Array.from({ length: n }, (_, i) => Math.cos(i * 0.9) * 2);
    const c = Array.from({ length: n }, (_, i) => ((i * 13) % 7) - 3);
    const y = a.map((v, i) => (v + b[i]! > 0.05 ? 1 : 0));
    const fit = logit({ y, columns: [{ name: 'a', values: a }, { name: 'b', values: b }, { name: 'c', values: c }] });
    assert.equal(fit.status, 'separation', fit.message ?? '');
    assert.equal(fit.separation!.type, 'complete');
    assert.deepEqual(fit.separation!.predictors, ['a', 'b']);
    assert.match(fit.message!, /'a', 'b' predict the outcome perfectly \(complete separation\)/);
  });
});

describe('separation (multivariate, quasi-complete)', () => {
  it('rows on the boundary a + b = 0 have both outcomes: quasi-complete, named a and b', () => {
    const a: number[] = [], b: number[] = [], c: number[] = [], y: number[] = [];
    for (let i = 0; i < 300; i++) {
      const ai = (i % 7) - 3, bi = ((i * 5) % 9) - 4;
      a.push(ai); b.push(bi); c.push(Math.sin(i) * 2);
      y.push(ai + bi > 0 ? 1 : ai + bi < 0 ? 0 : i % 2);
    }
    const fit = logit({ y, columns: [{ name: 'a', values: a }, { name: 'b', values: b }, { name: 'c', values: c }] });
    assert.equal(fit.status, 'separation');
    assert.deepEqual(fit.separation, { type: 'quasi-complete', predictors: ['a', 'b'] });
    // The linear probability model is fine on the same data.
    assert.equal(ols({ y, columns: [{ name: 'a', values: a }, { name: 'b', values: b }, { name: 'c', values: c }] }).status, 'ok');
  });
});

describe('ols edge cases', () => {
  it('too few rows: a status and a message, not NaNs', () => {
    const fit = ols({ y: [1, 2], columns: [{ name: 'x', values: [3, 5] }] });
    assert.equal(fit.status, 'insufficient-data');
    assert.match(fit.message!, /2 rows used for 2 coefficients/);
    assert.equal(fit.coefficients.length, 0);
  });

  it('a row with leverage 1 makes HC3 undefined, with a warning; classical and HC1 stay', () => {
    const x = [0, 0, 0, 0, 0, 0, 1], z = [1, 2, 3, 4, 5, 6, 7], y = [1, 3, 2, 5, 4, 6, 9];
    const fit = ols({ y, columns: [{ name: 'single', values: x, kind: 'indicator' }, { name: 'z', values: z }] }, { se: 'HC1' });
    assert.match(fit.warnings.join('\n'), /HC3 standard errors are undefined: some row has leverage 1/);
    assert.ok(fit.coefficients.every((c) => Number.isNaN(c.bySe.HC3.se) && Number.isFinite(c.bySe.classical.se) && Number.isFinite(c.se)));
  });
});

describe('distribution functions', () => {
  it('the t quantile for 95 % intervals agrees with R\'s qt to 1e-13 (jstat alone: ~3e-8)', () => {
    const { df, q } = ref.tQuantile975 as { df: number[]; q: number[] };
    df.forEach((d, i) => close(tQuantile975(d), q[i]!, `qt(0.975, ${d})`, 1e-13));
  });

  it('two-sided t p values', () => {
    close(pStudent(2.1, 150), 0.037402550353430694, 'p', 1e-8);
    assert.equal(pStudent(Infinity, 10), 0);
    assert.ok(Number.isNaN(pStudent(1, 0)));
  });
});

describe('twoProportions', () => {
  it('Newcombe (1998) hybrid score interval and the z test, against R (prop.test) and the published table', () => {
    for (const r of ref.twoProportions) {
      const t = twoProportions(r.x1, r.n1, r.x2, r.n2);
      close(t.difference, r.x1 / r.n1 - r.x2 / r.n2, 'difference', 1e-12);
      close(t.ci95[0], r.lower, `lower ${r.x1}/${r.n1} − ${r.x2}/${r.n2}`, 1e-9);
      close(t.ci95[1], r.upper, `upper ${r.x1}/${r.n1} − ${r.x2}/${r.n2}`, 1e-9);
      if (r.p === null) assert.equal(t.p, 1);
      else close(t.p, r.p, `p ${r.x1}/${r.n1} − ${r.x2}/${r.n2}`, 1e-9);
    }
    // Newcombe (1998), Table II, method 10, to the four decimals printed there.
    const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
    assert.deepEqual(twoProportions(56, 70, 48, 80).ci95.map(r4), [0.0524, 0.3339]);
    assert.deepEqual(twoProportions(9, 10, 3, 10).ci95.map(r4), [0.1705, 0.809]);
    assert.deepEqual(twoProportions(6, 7, 2, 7).ci95.map(r4), [0.0582, 0.8062]);
    assert.deepEqual(twoProportions(5, 56, 0, 29).ci95.map(r4), [-0.0381, 0.1926]);
    assert.deepEqual(twoProportions(0, 10, 0, 20).ci95.map(r4), [-0.1611, 0.2775]);
    assert.deepEqual(twoProportions(10, 10, 0, 20).ci95.map(r4), [0.6791, 1]);
  });

  it('rejects impossible counts', () => {
    assert.throws(() => twoProportions(3, 2, 1, 4), /x1 must be an integer in 0..n1/);
    assert.throws(() => twoProportions(1, 2, 1, 0), /n2 must be a positive integer/);
  });
});

describe('benchFit', () => {
  it('fits both models on synthetic data and reports the times', () => {
    const t = benchFit(20_000, 10);
    assert.ok(t.olsMs > 0 && t.logitMs > 0);
  });
});
