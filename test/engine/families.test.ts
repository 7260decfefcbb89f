// The engine as figure families: what they share is passed explicitly, ids are unique (an
// internal error otherwise: the configuration's cross-checks refuse such ids), a mean's or sum's
// gate tables come from the measure its family states, and the engine takes no budget, clock or
// environment from the process.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configSchema, type Config } from '../../scripts/config/schema.ts';
import type { Participant } from '../../scripts/config/contract.ts';
import { computeIndicators } from '../../scripts/engine/compute.ts';
import { assertUniqueFigures } from '../../scripts/engine/gate.ts';
import { ActivityTable, type TableDataset } from '../../scripts/engine/activity-table.ts';
import type { Activity } from '../../scripts/config/contract.ts';
import type { Figure } from '../../scripts/publish/indicators-schema.ts';
import { InputError, InternalError } from '../../scripts/problems.ts';

const config = (extra: Record<string, unknown> = {}): Config =>
  configSchema.parse({
    title: 'T', commissioner: 'C', evaluator: 'E', authors: ['A'], date: '2022-01-01',
    period: { from: '2020-01-01', to: '2021-12-31' },
    units: { level: 'Enhet', items: [{ name: 'A' }, { name: 'B' }] },
    tables: { participants: { file: 'p.csv' }, activities: { file: 'a.csv' } },
    disclosure: { min_count: 5, secondary: false },
    ...extra,
  });

let seq = 0;
const person = (unit: string, gender: Participant['gender'], more: Partial<Participant> = {}): Participant => ({
  id: `P${++seq}`, unit, gender, birthYear: 1990, ageAtEntry: 30, education: 'tertiary', entryDate: '2020-02-01',
  exitDate: '2020-12-01', referral: null, incomeAtEntry: null, monthsWithoutWork: null, exitReason: null, exitStatus: ['employed'], ...more,
});
const data = (participants: Participant[], activities: Activity[] = []): TableDataset => ({ participants, followups: [], survey: [], costs: [], activities: ActivityTable.from(activities) });
const people = [...Array.from({ length: 12 }, (_, i) => person('A', i % 2 ? 'woman' : 'man')), ...Array.from({ length: 3 }, () => person('B', 'woman'))];

describe('figure ids', () => {
  const f = (id: string, category?: string): Figure => ({ id, label: id, unit: 'total', gender: 'all', kind: 'count', value: 1, suppressed: false, ...(category ? { category } : {}) });

  it('are unique over (id, unit, gender, category): categories of one id are distinct figures', () => {
    assert.doesNotThrow(() => assertUniqueFigures([f('a.b', 'x'), f('a.b', 'y'), f('a.c')]));
    assert.throws(() => assertUniqueFigures([f('a.b'), f('a.c'), f('a.b')]), (e: unknown) => e instanceof InternalError && /^internal error \(a bug in eval-report, please report it\): .*a\.b total all/.test(e.message));
    assert.throws(() => assertUniqueFigures([f('a.b'), f('a.b', 'x')]), /a\.b \(count and count by category\)/, 'one id, two shapes');
  });

  it('an entry group uni and a distribution entry.uni past the cross-checks stop the engine with an internal error', () => {
    const cfg = config({
      entry_groups: [{ id: 'uni', label: 'U', column: 'education', codes: ['tertiary'] }],
      distributions: [{ id: 'entry.uni', label: 'U igen', column: 'education', categories: { tertiary: 'E', secondary: 'G' } }],
    });
    assert.throws(() => computeIndicators(cfg, data(people)), (e: unknown) => e instanceof InternalError && /entry\.uni/.test(e.message));
    // Apart, both compute.
    const apart = computeIndicators({ ...cfg, distributions: [{ ...cfg.distributions[0]!, id: 'entry.education' }] }, data(people)).figures;
    assert.ok(apart.some((x) => x.id === 'entry.uni') && apart.some((x) => x.id === 'entry.education'));
  });
});

describe('ids from the data', () => {
  it('two questionnaire names that give one figure id are a problem, not two figures of one id', () => {
    const cfg = config({ tables: { participants: { file: 'p.csv' }, survey: { file: 's.csv' } }, survey: { questions: [{ id: 'q', column: 'Q', label: 'Q', scale: ['Ja', 'Nej'] }] } });
    const row = (survey: string) => ({ respondentId: null, survey, answers: { q: 'Ja' }, answered: true });
    const survey = [...Array.from({ length: 6 }, () => row('Enkät 1')), ...Array.from({ length: 6 }, () => row('enkät 1'))];
    assert.throws(() => computeIndicators(cfg, { ...data(people), survey }, 'r.yaml'), (e: unknown) =>
      e instanceof InputError && e.problems.length === 1 && e.problems[0]!.value === 'enkät 1' && /"Enkät 1" and this one both give survey\.answered\.enkat_1/.test(e.problems[0]!.expected ?? ''));
    const apart = computeIndicators(cfg, { ...data(people), survey: [...survey.slice(0, 6), ...Array.from({ length: 6 }, () => row('Enkät 2'))] }, 'r.yaml').figures;
    assert.deepEqual(apart.filter((f) => f.id.startsWith('survey.answered.')).map((f) => f.id), ['survey.answered.enkat_1', 'survey.answered.enkat_2']);
  });

  it("a categorical predictor's level named like another predictor is a problem of the model's predictors", () => {
    const educations = ['primary', 'secondary', 'tertiary'] as const;
    const ps = Array.from({ length: 60 }, (_, i) => person(i % 2 ? 'A' : 'B', i % 3 ? 'woman' : 'man', { education: educations[i % 3]!, ageAtEntry: 20 + (i % 17), exitStatus: i % 5 < 2 ? ['employed'] : ['unemployed'] }));
    const model = (second: string) => ({
      outcome_groups: [{ id: 'work', label: 'W', codes: ['employed'] }],
      models: [{ id: 'm', label: 'M', outcome: 'work', predictors: [{ id: 'education', label: 'E', column: 'education', categorical: true, reference: 'primary' }, { id: second, label: 'T', column: 'age_at_entry' }] }],
    });
    assert.throws(() => computeIndicators(config(model('education_tertiary')), data(ps), 'r.yaml'), (e: unknown) =>
      e instanceof InputError && e.problems[0]!.column === 'models[0].predictors' && e.problems[0]!.value === 'model.m.education_tertiary');
    assert.ok(computeIndicators(config(model('age')), data(ps), 'r.yaml').figures.some((f) => f.id === 'model.m.education_tertiary'));
  });
});

describe('the measure a mean or sum rests on', () => {
  it("is stated by its family: an activity group's months mean and sum share the persons and the sum of <id>.months", () => {
    const cfg = config({ activity_groups: [{ id: 'act.training', label: 'Träning', activity: ['work_training'] }] });
    const acts: Activity[] = people.map((p, i) => ({ participant: i, participantId: p.id, activity: 'work_training', provider: null, result: null, startDate: null, endDate: null, months: 2, hours: 10 }));
    const { figures, truth } = computeIndicators(cfg, data(people, acts));
    const of = (id: string) => figures.filter((x) => x.id === id).map((x) => truth.get(x)!.measure);
    assert.deepEqual([...new Set(of('act.training.months_mean'))], ['act.training.months']);
    assert.deepEqual([...new Set(of('act.training.months_sum'))], ['act.training.months']);
    assert.deepEqual([...new Set(of('act.training.hours_mean'))], ['act.training.hours']);
    assert.deepEqual([...new Set(of('participants.months_enrolled_mean'))], ['participants.months_enrolled']);
  });
});

describe('the engine is pure', () => {
  it('takes its work bound from the caller: a bound of no linear program ends in a clear problem', () => {
    const cfg = config({ disclosure: { min_count: 5 } });
    assert.doesNotThrow(() => computeIndicators(cfg, data(people), 'r.yaml'));
    assert.throws(() => computeIndicators(cfg, data(people), 'r.yaml', { maxSolves: 0 }), (e: unknown) =>
      e instanceof InputError && e.problems[0]!.column === 'disclosure' && /within 0 linear programs/.test(e.problems[0]!.expected ?? ''));
  });

  it('reads no environment, clock or randomness in scripts/engine', () => {
    const dir = fileURLToPath(new URL('../../scripts/engine/', import.meta.url));
    const found = readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) =>
      readFileSync(dir + f, 'utf8').split('\n').map((line, i) => [`${f}:${i + 1}`, line] as const).filter(([, l]) => !/^\s*(\/\/|\*)/.test(l) && /\bprocess\.|\bperformance\.|Date\.now|Math\.random|new Date\(\)/.test(l)).map(([at]) => at));
    assert.deepEqual(found, []);
  });
});
