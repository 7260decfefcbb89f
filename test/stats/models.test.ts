// Models from the configuration: coefficients as figures model.<model>.<predictor>, the same
// numbers as fitting the estimator directly, listwise deletion and dummies reported.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { configSchema } from '../../scripts/config/schema.ts';
import type { Activity, Participant } from '../../scripts/config/contract.ts';
import { computeIndicators } from '../../scripts/engine/compute.ts';
import { renderNarrative } from '../../scripts/render/narrative.ts';
import { ols } from '../../scripts/stats/index.ts';
import { ActivityTable } from '../../scripts/engine/activity-table.ts';

// A small deterministic population: outcome depends on training and age.
const ps: Participant[] = [];
const acts: Activity[] = [];
for (let i = 0; i < 300; i++) {
  const trained = i % 3 === 0;
  const age = 20 + (i * 7) % 40;
  const success = (trained ? (i % 5) < 3 : (i % 5) < 1) || (age < 30 && i % 7 === 0);
  ps.push({
    id: `P${i}`, unit: i % 2 ? 'A' : 'B', gender: i % 4 ? 'woman' : 'man', birthYear: null, ageAtEntry: age,
    education: i % 11 === 0 ? 'unknown' : (['primary', 'secondary', 'tertiary'] as const)[i % 3]!, entryDate: '2020-01-01', exitDate: '2020-06-01',
    referral: null, incomeAtEntry: null, monthsWithoutWork: i % 50, exitReason: 'completed', exitStatus: [success ? 'employed' : 'job_seeking'],
  });
  if (trained) acts.push({ participantId: `P${i}`, participant: i, activity: 'work_training', provider: null, startDate: null, endDate: null, months: 2, hours: 10 + (i % 9), result: null });
}
const config = configSchema.parse({
  title: 'T', commissioner: 'C', evaluator: 'E', authors: ['A'], date: '2022-01-01', period: { from: '2020-01-01', to: '2021-12-31' },
  units: { level: 'Enhet', items: [{ name: 'A' }, { name: 'B' }] },
  tables: { participants: { file: 'p.csv' }, activities: { file: 'a.csv' } },
  outcome_groups: [{ id: 'work', label: 'Arbete', codes: ['employed'] }],
  activity_groups: [{ id: 'training.any', label: 'Arbetsträning', activity: ['work_training'] }],
  models: [{
    id: 'work', label: 'Arbete vid avslut', outcome: 'work', se: 'HC1',
    predictors: [
      { id: 'training', label: 'Arbetsträning', activity_group: 'training.any' },
      { id: 'age', label: 'Ålder', column: 'age_at_entry' },
      { id: 'education', label: 'Utbildning', column: 'education', ordered: ['primary', 'secondary', 'tertiary'] },
      { id: 'unit', label: 'Enhet', column: 'unit', categorical: true, reference: 'A' },
    ],
  }],
});
const r = computeIndicators(config, { participants: ps, activities: ActivityTable.from(acts), followups: [], survey: [], costs: [] });

it('publishes each coefficient as a figure with its standard error, p value and interval', () => {
  const ids = r.figures.filter((f) => f.id.startsWith('model.')).map((f) => f.id);
  assert.deepEqual(ids, ['model.work.r2', 'model.work.training', 'model.work.age', 'model.work.education', 'model.work.unit_b']);
  const f = r.figures.find((x) => x.id === 'model.work.training')!;
  assert.equal(f.kind, 'coefficient');
  assert.ok(f.se! > 0 && f.p! >= 0 && f.p! <= 1 && f.ci95![0] < f.value! && f.value! < f.ci95![1]);
  assert.ok(f.value! > 0.2, 'training raises the chance of work in this population');
});

it('agrees with fitting the estimator directly on the same design', () => {
  const rows = ps.filter((p) => p.education !== 'unknown');
  const direct = ols({
    y: rows.map((p) => (p.exitStatus.includes('employed') ? 1 : 0)),
    columns: [
      { name: 'training', values: rows.map((p) => (Number(p.id.slice(1)) % 3 === 0 ? 1 : 0)) },
      { name: 'age', values: rows.map((p) => p.ageAtEntry!) },
      { name: 'education', values: rows.map((p) => ['primary', 'secondary', 'tertiary'].indexOf(p.education!) + 1) },
      { name: 'unit_b', values: rows.map((p) => (p.unit === 'B' ? 1 : 0)) },
    ],
  }, { se: 'HC1' });
  for (const c of direct.coefficients.slice(1)) {
    const f = r.figures.find((x) => x.id === `model.work.${c.name}`)!;
    assert.ok(Math.abs(f.value! - c.estimate) < 1e-8 && Math.abs(f.se! - c.se) < 1e-8, c.name);
  }
  const m = r.models[0]!;
  assert.equal(m.n, rows.length);
  assert.deepEqual(m.dropped, { rows: 300 - rows.length, reasons: [{ column: 'education', rows: 300 - rows.length }] });
  assert.equal(m.se, 'HC1');
});

it('places a model table from narrative, and refuses an unknown model', () => {
  const cite = { fig: () => 'x', goal: () => 'x' };
  const ok = renderNarrative('f.md', '# A\n{% model "work" %}\n', cite, new Set(), new Set(), '', new Set(['work']));
  assert.ok(!('problems' in ok) && ok.parts.some((p) => p.kind === 'model' && p.id === 'work'));
  const bad = renderNarrative('f.md', '# A\n{% model "nope" %}\n', cite, new Set(), new Set(), '', new Set(['work']));
  assert.ok('problems' in bad && bad.problems[0]!.line === 2 && bad.problems[0]!.value === 'nope');
});

it('charts the coefficients with their intervals and says which cross zero', async () => {
  const { buildChart } = await import('../../scripts/render/charts/index.ts');
  const ids = r.figures.filter((f) => f.id.startsWith('model.work.') && f.id !== 'model.work.r2').map((f) => f.id);
  const chart = { id: 'coef', kind: 'coefficients' as const, title: 'Koefficienter', figures: ids };
  const built = buildChart(chart, r.figures, [], { language: 'sv', units: ['A', 'B', 'total'], unitLabel: (u: string) => u, minCount: 5 });
  assert.equal(built.table.rows.length, ids.length);
  const crossing = r.figures.filter((f) => ids.includes(f.id) && f.ci95![0] <= 0 && f.ci95![1] >= 0).map((f) => f.label);
  assert.ok(built.description.join(' ').includes(crossing.length ? crossing.join(', ') : 'Inget intervall'));
  assert.throws(() => buildChart({ ...chart, figures: ['participants.enrolled'] }, r.figures, [], { language: 'sv', units: ['total'], unitLabel: (u: string) => u, minCount: 5 }), /not a model coefficient/);
});

it('compares two groups\' shares with the difference\'s Newcombe interval', async () => {
  const { twoProportions } = await import('../../scripts/stats/index.ts');
  const cfg = configSchema.parse({ ...config, comparisons: [{ id: 'compare.work_by_training', label: 'Skillnad', outcome: 'work', a: 'training.any', b: 'training.any' }] });
  const c = computeIndicators(cfg, { participants: ps, activities: ActivityTable.from(acts), followups: [], survey: [], costs: [] });
  const a = c.figures.find((f) => f.id === 'compare.work_by_training.a')!;
  const d = c.figures.find((f) => f.id === 'compare.work_by_training')!;
  const ref = twoProportions(a.numerator!, a.denominator!, a.numerator!, a.denominator!);
  assert.deepEqual([d.kind, d.value, d.ci95, d.p], ['difference', 0, [Math.round(ref.ci95[0] * 1e6) / 1e6, Math.round(ref.ci95[1] * 1e6) / 1e6], 1]);
});

it("says in the report's language why a model has no estimates, whatever the estimator's English message", async () => {
  const { modelView } = await import('../../scripts/render/report-view.ts');
  const { t } = await import('../../scripts/messages.ts');
  const ind = { figures: [], models: [] } as unknown as Parameters<typeof modelView>[1];
  const base = { id: 'm', label: 'M', estimator: 'logit' as const, outcome: 'work', se: 'ml', n: 40, dropped: { rows: 0, reasons: [] }, excluded: [], r2: null, adj_r2: null, warnings: [] };
  for (const status of ['separation', 'insufficient-data', 'not-converged'] as const) {
    const view = modelView({ ...base, status, message: 'The logistic regression has no estimates: quasi-complete separation.' }, ind, 'sv');
    assert.equal(view.message, t('sv', `model.status.${status}`));
    assert.doesNotMatch(view.message!, /regression has no/);
  }
  assert.equal(modelView({ ...base, status: 'separation' }, ind, 'en').message, t('en', 'model.status.separation'));
  assert.equal(modelView({ ...base, status: 'ok' }, ind, 'sv').message, null);
});
