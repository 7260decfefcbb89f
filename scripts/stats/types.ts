// Types shared by the regression estimators. Pure data: no I/O, no clock, no randomness.

/** One predictor column. NaN (or any non-finite value) means missing. */
export interface DesignColumn {
  name: string;
  values: Float64Array | readonly number[];
  /**
   * 'numeric' (default): average marginal effect is the derivative.
   * 'indicator': a 0/1 column; its average marginal effect is the discrete change 0 → 1
   * (with the other dummies of the same `group` held at 0, i.e. level vs reference).
   */
  kind?: 'numeric' | 'indicator';
  /** The source variable a dummy belongs to (e.g. 'education'); listwise deletion is reported per group. */
  group?: string;
  /** The category this dummy stands for (e.g. 'tertiary'). */
  level?: string;
}

/** A model matrix: outcome, predictors, and whether to add an intercept. */
export interface Design {
  y: Float64Array | readonly number[];
  /** Name of the outcome in listwise-deletion reasons. Default 'y'. */
  yName?: string;
  columns: DesignColumn[];
  /** Default true. */
  intercept?: boolean;
}

export const INTERCEPT = '(Intercept)';

export interface Dropped {
  /** Rows removed by listwise deletion (a row missing in several columns counts once here). */
  rows: number;
  /** Per column (or categorical group, or the outcome): rows with a missing value there. A row can appear under several. */
  reasons: { column: string; rows: number }[];
}

export interface Excluded {
  name: string;
  reason: 'constant' | 'collinear';
  /** For 'collinear': the kept predictors (and possibly '(Intercept)') it is a linear combination of. */
  with?: string[];
}

export interface Estimate {
  estimate: number;
  se: number;
  /** t (OLS) or z (logit). */
  statistic: number;
  /** Two-sided p value. */
  p: number;
  ci95: [number, number];
}

export interface Coefficient extends Estimate {
  name: string;
  group?: string;
  level?: string;
}

export type SeType = 'classical' | 'HC1' | 'HC3';

export interface OlsCoefficient extends Coefficient {
  /** The same coefficient with every standard-error flavour; the top-level fields are the chosen one. */
  bySe: Record<SeType, Omit<Estimate, 'estimate'>>;
}

export type Status = 'ok' | 'insufficient-data';

export interface OlsResult {
  model: 'ols';
  status: Status;
  /** Null when status is 'ok'. */
  message: string | null;
  /** Which SE flavour the top-level se / statistic / p / ci95 of each coefficient use. */
  seType: SeType;
  /** Rows used. */
  n: number;
  /** Residual degrees of freedom, n − number of estimated coefficients. */
  dfResidual: number;
  dropped: Dropped;
  excluded: Excluded[];
  coefficients: OlsCoefficient[];
  r2: number;
  adjR2: number;
  /** Residual standard error. */
  sigma: number;
  /** Overall F test of all slopes = 0 (classical), null without slopes. */
  fTest: { statistic: number; df1: number; df2: number; p: number } | null;
  warnings: string[];
}

export interface Separation {
  type: 'complete' | 'quasi-complete';
  /** Predictors involved (names as in the design). */
  predictors: string[];
}

export interface MarginalEffect extends Estimate {
  name: string;
  group?: string;
  level?: string;
  /** 'derivative' for numeric predictors, 'discrete' (0 → 1, vs reference) for indicators. */
  type: 'derivative' | 'discrete';
}

export interface LogitResult {
  model: 'logit';
  /** Anything but 'ok' means: show `message`, not numbers. Coefficients etc. are then empty. */
  status: 'ok' | 'separation' | 'not-converged' | 'insufficient-data';
  message: string | null;
  separation: Separation | null;
  n: number;
  dropped: Dropped;
  excluded: Excluded[];
  /** Log odds with Wald z tests and Wald 95 % intervals (as R's summary.glm and confint.default). */
  coefficients: Coefficient[];
  /** exp(coefficient) and exp(Wald interval), predictors only (no intercept). */
  oddsRatios: { name: string; oddsRatio: number; ci95: [number, number] }[];
  /** Average marginal effects on the probability scale, delta-method SEs, normal intervals. */
  averageMarginalEffects: MarginalEffect[];
  logLik: number;
  /** Log-likelihood of the intercept-only model (or of p = ½ without an intercept, as R's glm). */
  nullLogLik: number;
  /** McFadden: 1 − logLik / nullLogLik. */
  pseudoR2: number;
  deviance: number;
  nullDeviance: number;
  aic: number;
  /** Likelihood-ratio test against the null model. */
  lrTest: { statistic: number; df: number; p: number } | null;
  converged: boolean;
  iterations: number;
  warnings: string[];
}
