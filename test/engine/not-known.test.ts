// Education `unknown` through the figure families, as the column's definition and ROLES state it:
// an entry group and a distribution count it (in the base, as a category of its own), a model
// leaves its rows out like empty cells. The examples' goldens rest on this split.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { configSchema } from '../../scripts/config/schema.ts';
import { EDUCATION, type Participant } from '../../scripts/config/contract.ts';
import { computeIndicators } from '../../scripts/engine/compute.ts';
import { ActivityTable } from '../../scripts/engine/activity-table.ts';

// 40 exited participants, ten of each education code (unknown included), and 8 with an empty cell.
const ps: Participant[] = Array.from({ length: 48 }, (_, i) => ({
  id: `P${i}`, unit: i % 2 ? 'A' : 'B', gender: i % 3 ? 'woman' : 'man', birthYear: null, ageAtEntry: 20 + (i % 30),
  education: i < 40 ? EDUCATION[i % 4]! : null, entryDate: '2020-01-01', exitDate: '2020-06-01',
  referral: null, incomeAtEntry: null, monthsWithoutWork: null, exitReason: 'completed', exitStatus: [i % 5 < 2 ? 'employed' : 'job_seeking'],
}));

const config = configSchema.parse({
  title: 'T', commissioner: 'C', evaluator: 'E', authors: ['A'], date: '2022-01-01', period: { from: '2020-01-01', to: '2021-12-31' },
  units: { level: 'Enhet', items: [{ name: 'A' }, { name: 'B' }] },
  tables: { participants: { file: 'p.csv' } },
  disclosure: { min_count: 3, secondary: false },
  outcome_groups: [{ id: 'work', label: 'Arbete', codes: ['employed'] }],
  entry_groups: [{ id: 'primary', label: 'Förgymnasial', column: 'education', codes: ['primary'] }],
  distributions: [{ id: 'dist.education', label: 'Utbildning', column: 'education', categories: { primary: 'F', secondary: 'G', tertiary: 'E', unknown: 'Okänd' } }],
  models: [{ id: 'm', label: 'M', outcome: 'work', predictors: [{ id: 'education', label: 'Utbildning', column: 'education', categorical: true, reference: 'primary' }] }],
});
const r = computeIndicators(config, { participants: ps, activities: ActivityTable.from([]), followups: [], survey: [], costs: [] });
const total = (id: string, category?: string) => r.figures.find((f) => f.id === id && f.unit === 'total' && f.gender === 'all' && f.category === category)!;

it('an entry group counts education unknown in its base; only an empty cell is missing', () => {
  const f = total('entry.primary');
  assert.equal(f.denominator, 40);
  assert.equal(f.numerator, 10);
  assert.ok(r.checks.some((c) => c.id === 'missing.entry.primary' && /\b8\b/.test(c.message)));
});

it('a distribution shows education unknown as a category of its own', () => {
  assert.equal(total('dist.education', 'unknown').numerator, 10);
  assert.equal(total('dist.education', 'unknown').denominator, 40);
});

it('a model leaves the rows with education unknown out, as the empty ones', () => {
  const m = r.models[0]!;
  assert.equal(m.n, 30);
  assert.deepEqual(m.dropped, { rows: 18, reasons: [{ column: 'education', rows: 18 }] });
  assert.deepEqual(r.figures.filter((f) => f.id.startsWith('model.m.education')).map((f) => f.id).sort(), ['model.m.education_secondary', 'model.m.education_tertiary']);
});
