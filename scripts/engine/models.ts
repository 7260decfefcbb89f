// Regression models of an outcome at exit, among exited participants: the configuration's
// predictors → a design → OLS (linear probability model, robust errors) or logistic regression
// (scripts/stats). Coefficients become figures model.<model>.<predictor>; each model's fit, n,
// dropped rows and excluded predictors go into the summary. Pure: no I/O.
import type { Config } from '../config/schema.ts';
import { columnValue, type Participant } from '../config/contract.ts';
import type { Figure, ModelSummary } from '../publish/indicators-schema.ts';
import { idPart } from '../slug.ts';
import { modelFigureId } from '../config/figure-ids.ts';
import { configText } from '../problem-messages.ts';
import type { Problem } from '../problems.ts';
import { designFromRows, logit, ols, type Term } from '../stats/index.ts';

type Model = Config['models'][number];
type Predictor = Model['predictors'][number];

export interface ModelInputs {
  participants: Participant[];
  /** Per activity group: 1 where the participant took part. */
  members: Map<string, Uint8Array>;
  /** Per activity group: the participant's hours (0 without). */
  hours: Map<string, Float64Array>;
  /** Per outcome group: 1 where the exited participant's exit is in the group. */
  outcome: (group: string, i: number) => number;
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

function term(p: Predictor, inp: ModelInputs): Term<number> {
  const ps = inp.participants;
  if (p.activity_group) {
    const src = p.hours ? inp.hours.get(p.activity_group)! : inp.members.get(p.activity_group)!;
    return { type: p.hours ? 'numeric' : 'indicator', name: p.id, value: (i) => src[i] };
  }
  // A "not known" code (education unknown) is missing here, as an empty cell: ROLES.predictor.
  const value = columnValue(p.column!, 'predictor');
  const col = (i: number) => value(ps[i]!);
  if (p.ordered) return { type: 'numeric', name: p.id, value: (i) => { const v = col(i); const k = p.ordered!.indexOf(String(v)); return v === null || k === -1 ? null : k + 1; } };
  if (p.equals !== undefined) return { type: 'indicator', name: p.id, value: (i) => { const v = col(i); return v === null ? null : v === p.equals ? 1 : 0; } };
  if (p.categorical) return { type: 'categorical', name: p.id, value: (i) => col(i), ...(p.reference ? { reference: p.reference } : {}) };
  return { type: 'numeric', name: p.id, value: (i) => col(i) };
}

/** A categorical predictor's level named like another predictor (education_primary beside education = primary): two coefficients of one id. */
export function coefficientProblems(config: Config, figures: readonly Figure[], configFile: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const f of figures) {
    if (seen.has(f.id)) {
      const i = config.models.findIndex((m) => f.id.startsWith(modelFigureId(m.id, '')));
      problems.push({ file: configFile, column: `models[${i}].predictors`, value: f.id, expected: configText.coefficientIdOnce });
    }
    seen.add(f.id);
  }
  return problems;
}

export function fitModels(config: Config, inp: ModelInputs): { figures: Figure[]; models: ModelSummary[] } {
  const figures: Figure[] = [];
  const models: ModelSummary[] = [];
  const exited: number[] = [];
  inp.participants.forEach((p, i) => p.exitDate !== null && exited.push(i));
  for (const m of config.models) {
    const labels = new Map(m.predictors.map((p) => [p.id, p.label]));
    const design = designFromRows(exited, { outcome: { name: m.outcome, value: (i) => inp.outcome(m.outcome, i) }, terms: m.predictors.map((p) => term(p, inp)) });
    const fit = m.estimator === 'logit' ? logit(design) : ols(design, { se: m.se });
    models.push({
      id: m.id, label: m.label, estimator: m.estimator, outcome: m.outcome, se: m.estimator === 'logit' ? 'ml' : m.se,
      status: fit.status, ...(fit.message ? { message: fit.message } : {}), n: fit.n, dropped: fit.dropped,
      excluded: fit.excluded.map((e) => ({ name: e.name, reason: e.reason })),
      r2: 'r2' in fit && Number.isFinite(fit.r2) ? round(fit.r2) : 'pseudoR2' in fit && Number.isFinite(fit.pseudoR2) ? round(fit.pseudoR2) : null,
      adj_r2: 'adjR2' in fit && Number.isFinite(fit.adjR2) ? round(fit.adjR2) : null,
      warnings: fit.warnings,
    });
    const r2 = models.at(-1)!.r2;
    if (r2 !== null) figures.push({ id: modelFigureId(m.id, 'r2'), label: `${m.label}: R²`, unit: 'total', gender: 'all', kind: 'coefficient', value: r2, n: fit.n, suppressed: false });
    for (const c of fit.coefficients) {
      if (c.name === '(Intercept)') continue;
      const label = c.group ? `${labels.get(c.group) ?? c.group}: ${c.level}` : labels.get(c.name) ?? c.name;
      figures.push({
        id: modelFigureId(m.id, idPart(c.group ? `${c.group}_${c.level}` : c.name)), label, unit: 'total', gender: 'all', kind: 'coefficient',
        ...(m.estimator === 'lpm' ? { scale: 'probability' as const } : {}),
        value: round(c.estimate), se: round(c.se), p: round(c.p), ci95: [round(c.ci95[0]), round(c.ci95[1])], n: fit.n, suppressed: false,
      });
    }
  }
  return { figures, models };
}
