// Logistic regression by iteratively reweighted least squares (Newton–Raphson on the
// log-likelihood), with Wald standard errors, odds ratios, average marginal effects with
// delta-method standard errors, McFadden's pseudo-R², and an honest refusal — naming the
// predictors — when the maximum-likelihood estimates do not exist (complete or quasi-complete
// separation) or the iteration does not converge. Matches R's glm(family = binomial).
import { backTransform, prepare, spdInverse, spdSolve, type ActiveColumn, type Prepared } from './prepare.ts';
import { pChiSquare, pNormal, Z95 } from './dist.ts';
import { statsText } from '../problem-messages.ts';
import type { Coefficient, Design, LogitResult, MarginalEffect, Separation } from './types.ts';

export interface LogitOptions {
  /** Most Newton steps before giving up. Default 50. */
  maxIter?: number;
  /**
   * Converged when the largest Newton step, in units of the predictors' standard deviations,
   * is below this. Default 1e-8 (Newton converges quadratically, so the estimates are then
   * accurate to far more digits than that).
   */
  tol?: number;
}

/** Linear predictors are clamped here when computing probabilities, as R's binomial() does. */
const ETA_CLAMP = 30;
/** |η| beyond this (fitted probability within 3e-7 of 0 or 1) marks a row as perfectly predicted. */
const ETA_EXTREME = 15;

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));

interface Evaluation {
  ll: number;
  gram: Float64Array;
  grad: Float64Array;
  /** Rows whose clamped linear predictor hit the clamp. */
  clamped: number;
}

function evaluate(P: Prepared, beta: Float64Array): Evaluation {
  const { n, p, X, y } = P;
  const gram = new Float64Array(p * p);
  const grad = new Float64Array(p);
  let ll = 0, clamped = 0;
  for (let i = 0, o = 0; i < n; i++, o += p) {
    let eta = 0;
    for (let a = 0; a < p; a++) eta += X[o + a]! * beta[a]!;
    if (eta > ETA_CLAMP) { eta = ETA_CLAMP; clamped++; } else if (eta < -ETA_CLAMP) { eta = -ETA_CLAMP; clamped++; }
    const yi = y[i]!;
    let mu: number;
    if (eta >= 0) {
      const e = Math.exp(-eta);
      mu = 1 / (1 + e);
      ll += yi * eta - eta - Math.log1p(e);
    } else {
      const e = Math.exp(eta);
      mu = e / (1 + e);
      ll += yi * eta - Math.log1p(e);
    }
    const w = mu * (1 - mu);
    const r = yi - mu;
    for (let a = 0; a < p; a++) {
      const xa = X[o + a]!;
      grad[a]! += r * xa;
      const wa = w * xa, row = a * p;
      for (let c = a; c < p; c++) gram[row + c]! += wa * X[o + c]!;
    }
  }
  for (let a = 0; a < p; a++) for (let c = a + 1; c < p; c++) gram[c * p + a] = gram[a * p + c]!;
  return { ll, gram, grad, clamped };
}

function linearPredictor(P: Prepared, beta: Float64Array): Float64Array {
  const { n, p, X } = P;
  const eta = new Float64Array(n);
  for (let i = 0, o = 0; i < n; i++, o += p) {
    let s = 0;
    for (let a = 0; a < p; a++) s += X[o + a]! * beta[a]!;
    eta[i] = s;
  }
  return eta;
}

const stdStep = (delta: Float64Array, cols: ActiveColumn[]) =>
  cols.reduce((m, c, j) => Math.max(m, Math.abs(delta[j]!) * c.scale), 0);

interface IrlsFit {
  beta: Float64Array;
  ev: Evaluation;
  /** Up to the last six iterates, oldest first. */
  history: Float64Array[];
  iterations: number;
  converged: boolean;
  singular: boolean;
}

/** Newton–Raphson / IRLS from the null model (in the centred parametrisation the intercept-only fit). */
function irls(P: Prepared, ybar: number, nullLogLik: number, maxIter: number, tol: number): IrlsFit {
  const { p, cols } = P;
  let beta: Float64Array = new Float64Array(p);
  if (P.intercept) beta[0] = Math.log(ybar / (1 - ybar));
  // At the null start every weight is ȳ(1 − ȳ): the first evaluation follows from X'X and X'y.
  let ev: Evaluation;
  if (P.intercept) {
    const w0 = ybar * (1 - ybar);
    ev = { ll: nullLogLik, gram: P.gram.map((v) => v * w0), grad: P.xty.map((v, a) => v - ybar * P.gram[a]!), clamped: 0 };
  } else {
    ev = evaluate(P, beta);
  }
  const history: Float64Array[] = [beta];
  let iterations = 0, converged = false, singular = false, stalled = 0, lastStep = Infinity;
  while (iterations < maxIter) {
    const delta = spdSolve(ev.gram, p, ev.grad);
    if (!delta || delta.some((d) => !Number.isFinite(d))) { singular = true; break; }
    const step = stdStep(delta, cols);
    iterations++;
    // Step halving if the log-likelihood would go down (rare for the logit, but safe).
    let t = 1, next: Float64Array, nextEv: Evaluation;
    for (let h = 0; ; h++) {
      next = beta.map((b, j) => b + t * delta[j]!);
      nextEv = evaluate(P, next);
      if (nextEv.ll >= ev.ll - 1e-10 * (Math.abs(ev.ll) + 1) || h >= 20) break;
      t /= 2;
    }
    beta = next;
    ev = nextEv;
    history.push(beta);
    if (history.length > 6) history.shift();
    if (step < tol) { converged = true; break; }
    // Diverging along a direction with rows pinned at the clamp: separation, no need to go on.
    stalled = ev.clamped > 0 && step > 0.5 * lastStep ? stalled + 1 : 0;
    lastStep = step;
    if (iterations >= 15 && stalled >= 3) break;
  }
  return { beta, ev, history, iterations, converged, singular };
}

/** True when every row's linear predictor under `direction` is strictly positive for y = 1 and negative for y = 0. */
function separates(P: Prepared, direction: Float64Array): boolean {
  const eta = linearPredictor(P, direction);
  for (let i = 0; i < P.n; i++) if (P.y[i] === 1 ? !(eta[i]! > 0) : !(eta[i]! < 0)) return false;
  return true;
}

/**
 * From a diverging fit: the predictors whose coefficients kept growing (the separating
 * direction), and whether that direction — or the estimate itself — certifies complete
 * separation by putting every row strictly on the side of its outcome.
 */
function separatingDirection(P: Prepared, fit: IrlsFit): { certificate: boolean; predictors: string[] } {
  const first = fit.history[0]!;
  const direction = fit.beta.map((b, j) => b - first[j]!);
  const drift = P.cols.map((c, j) => (c.kind === 'intercept' ? 0 : Math.abs(direction[j]!) * c.scale));
  const biggest = Math.max(...drift);
  const predictors = P.cols.filter((_, j) => biggest > 0 && drift[j]! >= 0.1 * biggest).map((c) => c.name);
  return { certificate: separates(P, direction) || separates(P, fit.beta), predictors };
}

/** Pruning refits (below) only for data up to this many cells. */
const PRUNE_MAX = 5_000_000;

/** P without column j. */
function dropColumn(P: Prepared, j: number): Prepared {
  const { n, p } = P, q = p - 1;
  const X = new Float64Array(n * q);
  for (let i = 0; i < n; i++) for (let a = 0, t = 0; a < p; a++) if (a !== j) X[i * q + t++] = P.X[i * p + a]!;
  const keep = Array.from({ length: p }, (_, a) => a).filter((a) => a !== j);
  const gram = new Float64Array(q * q);
  keep.forEach((a, s) => keep.forEach((b, t) => { gram[s * q + t] = P.gram[a * p + b]!; }));
  return { ...P, p: q, X, cols: keep.map((a) => P.cols[a]!), gram, xty: Float64Array.from(keep, (a) => P.xty[a]!) };
}

/**
 * Under certified complete separation: the smallest set of predictors found that still
 * separates. Drops predictors one at a time (least drift first) and keeps a drop when the model
 * without it still separates completely (refit, certified as above).
 */
function prune(P: Prepared, ybar: number, nullLogLik: number, fit: IrlsFit): string[] {
  const drift = (Q: Prepared, f: IrlsFit) => Q.cols.map((c, j) => Math.abs(f.beta[j]! - f.history[0]![j]!) * c.scale);
  let cur = P;
  const tried = new Set<string>();
  for (;;) {
    const f = cur === P ? fit : irls(cur, ybar, nullLogLik, 30, 1e-8);
    const d = drift(cur, f);
    const candidates = cur.cols.map((c, j) => ({ c, j, d: d[j]! }))
      .filter(({ c }) => c.kind !== 'intercept' && !tried.has(c.name)).sort((a, b) => a.d - b.d);
    let dropped = false;
    for (const { c, j } of candidates) {
      tried.add(c.name);
      if (cur.cols.filter((x) => x.kind !== 'intercept').length <= 1) break;
      const smaller = dropColumn(cur, j);
      const g = irls(smaller, ybar, nullLogLik, 30, 1e-8);
      if (!g.converged && separatingDirection(smaller, g).certificate) { cur = smaller; dropped = true; break; }
    }
    if (!dropped) return cur.cols.filter((c) => c.kind !== 'intercept').map((c) => c.name);
  }
}

/** Single predictors that separate the outcome on their own (a threshold splits 0s from 1s). */
function singleColumnSeparation(P: Prepared): { separation: Separation; details: string[] } | null {
  const { n, p, X, y, cols } = P;
  const min0 = new Float64Array(p).fill(Infinity), max0 = new Float64Array(p).fill(-Infinity);
  const min1 = new Float64Array(p).fill(Infinity), max1 = new Float64Array(p).fill(-Infinity);
  for (let i = 0, o = 0; i < n; i++, o += p) {
    const [mn, mx] = y[i] === 1 ? [min1, max1] : [min0, max0];
    for (let a = 0; a < p; a++) {
      const v = X[o + a]!;
      if (v < mn[a]!) mn[a] = v;
      if (v > mx[a]!) mx[a] = v;
    }
  }
  const predictors: string[] = [];
  const details: string[] = [];
  let complete = false;
  cols.forEach((c, j) => {
    if (c.kind === 'intercept') return;
    const s = c.shift;
    const [lo0, hi0, lo1, hi1] = [min0[j]! + s, max0[j]! + s, min1[j]! + s, max1[j]! + s];
    // Outcome 1 at high values (up) or at low values (down). Without an intercept the threshold must be 0.
    const up = P.intercept ? hi0 <= lo1 : hi0 <= 0 && lo1 >= 0;
    const down = P.intercept ? hi1 <= lo0 : hi1 <= 0 && lo0 >= 0;
    if (!up && !down) return;
    const strict = up ? hi0 < lo1 : hi1 < lo0;
    complete ||= strict;
    predictors.push(c.name);
    const q = `'${c.name}'`;
    if (c.kind === 'indicator') {
      // 0/1: the cases are "x = 1 ⇒ outcome k" and "x = 0 ⇒ outcome k".
      if (strict) details.push(`the outcome is ${up ? '' : 'the opposite of '}${q} in every row`);
      else if (up) details.push(hi0 === 0 ? `every row with ${q} = 1 has outcome 1` : `every row with ${q} = 0 has outcome 0`);
      else details.push(hi1 === 0 ? `every row with ${q} = 1 has outcome 0` : `every row with ${q} = 0 has outcome 1`);
    } else if (up) {
      details.push(strict
        ? `every row with ${q} ≥ ${fmt(lo1)} has outcome 1 and every row with ${q} ≤ ${fmt(hi0)} has outcome 0`
        : `every row with ${q} > ${fmt(lo1)} has outcome 1 and every row with ${q} < ${fmt(lo1)} has outcome 0`);
    } else {
      details.push(strict
        ? `every row with ${q} ≤ ${fmt(hi1)} has outcome 1 and every row with ${q} ≥ ${fmt(lo0)} has outcome 0`
        : `every row with ${q} < ${fmt(hi1)} has outcome 1 and every row with ${q} > ${fmt(hi1)} has outcome 0`);
    }
  });
  if (predictors.length === 0) return null;
  return { separation: { type: complete ? 'complete' : 'quasi-complete', predictors }, details };
}

function separationMessage(sep: Separation, details: string[]): string {
  const names = sep.predictors.map((x) => `'${x}'`).join(', ');
  const what = sep.type === 'complete'
    ? 'predict the outcome perfectly (complete separation)'
    : 'predict the outcome perfectly for part of the rows (quasi-complete separation)';
  return `The logistic regression has no estimates: ${names || 'the predictors'} ${what}`
    + (details.length ? `: ${details.join('; ')}` : '')
    + '. The maximum-likelihood coefficients diverge, so none are reported. Merge categories or leave the predictor out,'
    + ' or use a penalised (Firth) logistic regression; the linear probability model (OLS) is still defined.';
}

export function logit(design: Design, opts: LogitOptions = {}): LogitResult {
  const maxIter = opts.maxIter ?? 50;
  const tol = opts.tol ?? 1e-8;
  const P = prepare(design);
  const { n, p, cols } = P;
  const ySum = outcomeSum(P);
  const warnings = [...P.warnings];
  const k0 = P.intercept ? 1 : 0;
  const ybar = ySum / n;
  const nullLogLik = P.intercept ? n * (ybar * Math.log(ybar) + (1 - ybar) * Math.log(1 - ybar)) : n * Math.log(0.5);
  const base: LogitResult = {
    model: 'logit', status: 'ok', message: null, separation: null, n, dropped: P.dropped, excluded: P.excluded,
    coefficients: [], oddsRatios: [], averageMarginalEffects: [], logLik: NaN, nullLogLik, pseudoR2: NaN,
    deviance: NaN, nullDeviance: -2 * nullLogLik, aic: NaN, lrTest: null, converged: false, iterations: 0, warnings,
  };
  const refused = refusedBeforeFitting(P, ySum, base);
  if (refused) return refused;

  const fit = irls(P, ybar, nullLogLik, maxIter, tol);
  const { beta } = fit;
  const { ev, iterations, converged } = fit;
  let cov: Float64Array | null = null;
  if (converged) cov = spdInverse(ev.gram, p);
  const eta = linearPredictor(P, beta);
  if (!converged || !cov) return noEstimates(P, fit, eta, ybar, nullLogLik, base);

  // Average marginal effects in the centred parametrisation (the delta method is invariant).
  const averageMarginalEffects = marginalEffects(P, beta, eta, cov);
  const { coefficients, oddsRatios } = waldTable(cols, beta, cov);
  const logLik = ev.ll;
  const df = p - k0;
  const lrStat = 2 * (logLik - nullLogLik);
  return {
    ...base, coefficients, oddsRatios, averageMarginalEffects, logLik, pseudoR2: 1 - logLik / nullLogLik,
    deviance: -2 * logLik, aic: -2 * logLik + 2 * p,
    lrTest: df > 0 ? { statistic: lrStat, df, p: pChiSquare(lrStat, df) } : null,
    converged, iterations, warnings,
  };
}

/** The number of rows with outcome 1; throws if an outcome is neither 0 nor 1. */
function outcomeSum(P: Prepared): number {
  const { n, y } = P;
  let ySum = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v !== 0 && v !== 1) throw new RangeError(statsText.binaryOutcome(v));
    ySum += v;
  }
  return ySum;
}

/** A model that cannot be fitted at all: too few rows, no variation in the outcome, or a predictor that separates it alone. */
function refusedBeforeFitting(P: Prepared, ySum: number, base: LogitResult): LogitResult | null {
  const { n, p } = P;
  if (n === 0 || p === 0 || n <= p) {
    return { ...base, status: 'insufficient-data', message: p === 0
      ? 'No predictors and no intercept: nothing to estimate.'
      : `Too few rows for the model: ${n} rows used for ${p} coefficients.` };
  }
  if (ySum === 0 || ySum === n) {
    return { ...base, status: 'insufficient-data', message: `The outcome is ${ySum === 0 ? 0 : 1} in every one of the ${n} rows used: there is no variation to explain.` };
  }
  const single = singleColumnSeparation(P);
  if (single) {
    return { ...base, status: 'separation', separation: single.separation, message: separationMessage(single.separation, single.details) };
  }
  return null;
}

/**
 * A fit that did not converge (or whose information matrix is singular): separation, naming the
 * predictors, when some rows are predicted (numerically) perfectly; else not converged.
 */
function noEstimates(P: Prepared, fit: IrlsFit, eta: Float64Array, ybar: number, nullLogLik: number, base: LogitResult): LogitResult {
  const { n, p, y } = P;
  const { ev, iterations } = fit;
  let extreme = 0, perfect = 0;
  for (let i = 0; i < n; i++) {
    const e = eta[i]!;
    if (Math.abs(e) > ETA_EXTREME) extreme++;
    if (y[i] === 1 ? e > ETA_EXTREME : e < -ETA_EXTREME) perfect++;
  }
  if (extreme > 0) {
    // The coefficients that kept growing over the last iterations span the separating direction.
    const { certificate, predictors } = separatingDirection(P, fit);
    let named = predictors;
    if (certificate && n * p <= PRUNE_MAX) named = prune(P, ybar, nullLogLik, fit);
    const complete = perfect === n || certificate;
    const separation: Separation = { type: complete ? 'complete' : 'quasi-complete', predictors: named };
    const detail = `${perfect} of ${n} rows get a fitted probability of (numerically) exactly 0 or 1`;
    return { ...base, status: 'separation', separation, iterations, logLik: ev.ll, message: separationMessage(separation, [detail]) };
  }
  const why = fit.singular ? 'the information matrix became singular' : `it did not converge in ${iterations} iterations`;
  return {
    ...base, status: 'not-converged', iterations, logLik: ev.ll,
    message: `The logistic regression has no estimates: ${why}. Allow more iterations (maxIter), rescale extreme predictor values, or simplify the model.`,
  };
}

/** Log odds in the original columns with Wald z tests and intervals, and the odds ratios of the predictors. */
function waldTable(cols: ActiveColumn[], beta: Float64Array, cov: Float64Array): Pick<LogitResult, 'coefficients' | 'oddsRatios'> {
  const p = cols.length;
  const { beta: b, covs } = backTransform(cols, beta, [cov]);
  const V = covs[0]!;
  const coefficients: Coefficient[] = cols.map((c, j) => {
    const estimate = b[j]!;
    const se = Math.sqrt(V[j * p + j]!);
    const statistic = estimate / se;
    const coef: Coefficient = { name: c.name, estimate, se, statistic, p: pNormal(statistic), ci95: [estimate - Z95 * se, estimate + Z95 * se] };
    if (c.group !== undefined) coef.group = c.group;
    if (c.level !== undefined) coef.level = c.level;
    return coef;
  });
  const oddsRatios = coefficients.filter((_, j) => cols[j]!.kind !== 'intercept')
    .map((c) => ({ name: c.name, oddsRatio: Math.exp(c.estimate), ci95: [Math.exp(c.ci95[0]), Math.exp(c.ci95[1])] as [number, number] }));
  return { coefficients, oddsRatios };
}

const sigmoid = (e: number) => (e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e)));

/**
 * Average marginal effects on the probability: for a numeric predictor the mean derivative
 * mean(μ(1−μ))·β_j, for an indicator the mean discrete change from 0 to 1 with the other dummies
 * of its group at 0 (level vs reference), each with a delta-method SE from the gradient in β.
 */
function marginalEffects(P: Prepared, beta: Float64Array, eta: Float64Array, cov: Float64Array): MarginalEffect[] {
  const { p, cols } = P;
  const { meanF, meanFx } = derivativeMeans(P, eta);
  const out: MarginalEffect[] = [];
  cols.forEach((c, j) => {
    if (c.kind === 'intercept') return;
    const { estimate, g } = c.kind === 'numeric' ? derivativeEffect(beta, j, meanF, meanFx) : discreteEffect(P, beta, eta, j);
    const se = Math.sqrt(quadraticForm(g, cov, p));
    const statistic = estimate / se;
    const me: MarginalEffect = {
      name: c.name, type: c.kind === 'numeric' ? 'derivative' : 'discrete',
      estimate, se, statistic, p: pNormal(statistic), ci95: [estimate - Z95 * se, estimate + Z95 * se],
    };
    if (c.group !== undefined) me.group = c.group;
    if (c.level !== undefined) me.level = c.level;
    out.push(me);
  });
  return out;
}

/** For numeric predictors: mean f(η) and mean f'(η)·x, with f = μ(1−μ), f' = f(1−2μ). */
function derivativeMeans(P: Prepared, eta: Float64Array): { meanF: number; meanFx: Float64Array } {
  const { n, p, X } = P;
  let meanF = 0;
  const meanFx = new Float64Array(p);
  for (let i = 0, o = 0; i < n; i++, o += p) {
    const mu = sigmoid(eta[i]!);
    const f = mu * (1 - mu);
    meanF += f;
    const fp = f * (1 - 2 * mu);
    for (let a = 0; a < p; a++) meanFx[a]! += fp * X[o + a]!;
  }
  meanF /= n;
  for (let a = 0; a < p; a++) meanFx[a]! /= n;
  return { meanF, meanFx };
}

/** A numeric predictor's mean derivative and its gradient in β. */
function derivativeEffect(beta: Float64Array, j: number, meanF: number, meanFx: Float64Array): { estimate: number; g: Float64Array } {
  const p = meanFx.length;
  const g = new Float64Array(p);
  const estimate = meanF * beta[j]!;
  for (let a = 0; a < p; a++) g[a] = beta[j]! * meanFx[a]!;
  g[j]! += meanF;
  return { estimate, g };
}

/** An indicator's mean discrete change: the group's dummies (this one included) set to 0, then this one to 1; and its gradient in β. */
function discreteEffect(P: Prepared, beta: Float64Array, eta: Float64Array, j: number): { estimate: number; g: Float64Array } {
  const { n, p, X, cols } = P;
  const c = cols[j]!;
  const g = new Float64Array(p);
  const group = cols.map((d, k) => (k === j || (c.group !== undefined && d.group === c.group && d.kind === 'indicator') ? k : -1)).filter((k) => k >= 0);
  // g = mean(f1·x1 − f0·x0), where x1 and x0 are the row with the group's columns replaced
  // by constants: accumulate (f1 − f0)·x over all columns, then put the group's entries right.
  let sum = 0, sumF0 = 0, sumF1 = 0;
  for (let i = 0, o = 0; i < n; i++, o += p) {
    let e0 = eta[i]!;
    for (const k of group) e0 -= beta[k]! * (X[o + k]! + cols[k]!.shift);
    const m0 = sigmoid(e0), m1 = sigmoid(e0 + beta[j]!);
    sum += m1 - m0;
    const f0 = m0 * (1 - m0), f1 = m1 * (1 - m1);
    sumF0 += f0;
    sumF1 += f1;
    const df = f1 - f0;
    for (let a = 0; a < p; a++) g[a]! += df * X[o + a]!;
  }
  for (const k of group) {
    const x0 = -cols[k]!.shift, x1 = k === j ? 1 - cols[k]!.shift : x0;
    g[k] = sumF1 * x1 - sumF0 * x0;
  }
  const estimate = sum / n;
  for (let a = 0; a < p; a++) g[a]! /= n;
  return { estimate, g };
}

/** g' V g: the delta-method variance of an effect with gradient g. */
function quadraticForm(g: Float64Array, cov: Float64Array, p: number): number {
  let v = 0;
  for (let a = 0; a < p; a++) for (let c = 0; c < p; c++) v += g[a]! * cov[a * p + c]! * g[c]!;
  return v;
}
