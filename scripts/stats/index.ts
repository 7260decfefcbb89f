// Regression and comparison statistics for reports, computed from the data.
//
//   ols(design, { se })        linear regression / linear probability model, classical + HC1 + HC3 SEs
//   logit(design, { maxIter }) logistic regression (IRLS): z tests, odds ratios, average marginal
//                              effects, McFadden R²; status 'separation' / 'not-converged' with a
//                              message naming the predictors instead of numbers when the MLE does not exist
//   designFromRows(rows, spec) plain objects → Design (numeric, 0/1 indicators, categorical → dummies)
//   twoProportions(x1, n1, x2, n2)  difference with Newcombe's hybrid score interval and z test
//   benchFit(rows, predictors) timings for npm run bench
//
// All pure: no I/O, no clock (except benchFit), no randomness (except benchFit's seeded PRNG).
// Golden tests against R: test/stats/stats.test.ts, reference values from test/fixtures/stats/reference.R.
export { ols, type OlsOptions } from './ols.ts';
export { logit, type LogitOptions } from './logit.ts';
export { designFromRows, type DesignSpec, type Term, type CategoricalInfo } from './design.ts';
export { twoProportions, type TwoProportions } from './proportions.ts';
export { benchFit, syntheticDesign } from './bench.ts';
export { RANK_TOL } from './prepare.ts';
export * from './types.ts';
