// Issue 5's mechanisms: reconciliation of parts and totals and of published figures, goals on
// reasons for exit, counted activity groups, follow-up groups and survey counts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema, type Config } from '../../scripts/config/schema.ts';
import type { Dataset, Participant } from '../../scripts/config/contract.ts';
import { computeIndicators } from '../../scripts/engine/compute.ts';
import { InputError } from '../../scripts/problems.ts';
import { ActivityTable, type TableDataset } from '../../scripts/engine/activity-table.ts';

function config(extra: Record<string, unknown> = {}): Config {
  return configSchema.parse({
    title: 'T', commissioner: 'C', evaluator: 'E', authors: ['A'], date: '2022-01-01',
    period: { from: '2020-01-01', to: '2021-12-31' }, disclosure: { min_count: 2 },
    units: { level: 'Verkstad', items: [{ name: 'A' }, { name: 'B' }, { name: 'Okänd', reported: false }] },
    tables: { participants: { file: 'p.csv' }, activities: { file: 'a.csv' }, followups: { file: 'f.csv' }, survey: { file: 's.csv' } },
    ...extra,
  });
}
let seq = 0;
const person = (unit: string, gender: Participant['gender'], exited: boolean, more: Partial<Participant> = {}): Participant => ({
  id: `P${++seq}`, unit, gender, birthYear: null, ageAtEntry: 30, education: null, entryDate: '2020-02-01',
  exitDate: exited ? '2020-12-01' : null, referral: null, incomeAtEntry: null, monthsWithoutWork: null,
  exitReason: exited ? 'completed' : null, exitStatus: exited ? ['employed'] : [], ...more,
});
const many = (n: number, f: () => Participant) => Array.from({ length: n }, f);
const data = (participants: Participant[], more: Partial<Dataset> = {}): TableDataset => ({ participants, followups: [], survey: [], costs: [], ...more, activities: ActivityTable.from(more.activities ?? []) });
const ps = [...many(4, () => person('A', 'woman', true)), ...many(3, () => person('B', 'man', true, { exitReason: 'early' })), person('Okänd', 'woman', true)];

describe('reconcile', () => {
  it('warns when the reported units do not add up to the total, and says why', () => {
    const r = computeIndicators(config({ reconcile: [{ id: 'reconcile.exited_by_unit', figure: 'participants.exited' }] }), data(ps), 'r.yaml');
    const c = r.checks.find((x) => x.id === 'reconcile.exited_by_unit')!;
    assert.equal(c.severity, 'warning');
    assert.match(c.message, /enheterna \(A 4, B 3\) summerar till 7, men totalen är 8 \(skillnad 1\)/);
    assert.match(c.message, /1 deltagare i enheter som inte redovisas separat \(Okänd\)/);
  });
  it('is satisfied when they do, and also checks the original report\'s own parts', () => {
    const cfg = config({
      units: { level: 'Verkstad', items: [{ name: 'A' }, { name: 'B' }] },
      reconcile: [{ id: 'reconcile.exited_by_unit', figure: 'participants.exited' }],
      published: [{ figure: 'participants.exited', value: 8 }, { figure: 'participants.exited', unit: 'A', value: 4 }, { figure: 'participants.exited', unit: 'B', value: 3 }],
    });
    const r = computeIndicators(cfg, data(ps.map((p) => (p.unit === 'Okänd' ? { ...p, unit: 'A' } : p))), 'r.yaml');
    const c = r.checks.find((x) => x.id === 'reconcile.exited_by_unit')!;
    assert.equal(c.severity, 'warning', 'computed parts agree, the published ones do not');
    assert.match(c.message, /delarna summerar till 7, totalen är 8/);
    assert.ok(!/enheterna \(/.test(c.message));
  });
  it('compares published figures at their precision and names each mismatch', () => {
    const cfg = config({
      outcome_groups: [{ id: 'completed', label: 'Fullföljde', column: 'exit_reason', codes: ['completed'] }],
      published: [
        { figure: 'participants.exited', value: 8 },
        { figure: 'exit.completed', value: 0.63, decimals: 2 },
        { figure: 'exit.completed', unit: 'B', gender: 'man', value: 0.1, decimals: 2 },
      ],
    });
    const r = computeIndicators(cfg, data(ps), 'r.yaml');
    assert.equal(r.checks.find((x) => x.id === 'published.matches')!.message, '2 av 3 värden som den ursprungliga rapporten publicerade stämmer med de beräknade.');
    const bad = r.checks.filter((x) => x.id.startsWith('published.exit'));
    assert.equal(bad.length, 1);
    assert.match(bad[0]!.message, /B, män: den ursprungliga rapporten anger 10\u00a0%, beräknat värde är 0\u00a0%/);
  });
  it('refuses a reconcile entry that is not a count, and a published figure that is not computed', () => {
    assert.throws(() => computeIndicators(config({ reconcile: [{ id: 'reconcile.x', figure: 'participants.women' }] }), data(ps), 'r.yaml'), (e: unknown) => e instanceof InputError && e.problems[0]!.column === 'reconcile[0].figure');
    assert.throws(() => computeIndicators(config({ published: [{ figure: 'exit.none', value: 1 }] }), data(ps), 'r.yaml'), (e: unknown) => e instanceof InputError && e.problems[0]!.column === 'published[0]');
  });
});

describe('issue 5 figures', () => {
  it('shares of exits by reason (exit_reason groups)', () => {
    const r = computeIndicators(config({ outcome_groups: [{ id: 'completed', label: 'F', column: 'exit_reason', codes: ['completed'] }] }), data(ps));
    const f = r.figures.find((x) => x.id === 'exit.completed' && x.unit === 'total' && x.gender === 'all')!;
    assert.deepEqual([f.numerator, f.denominator], [5, 8]);
  });
  it('counts participants in an activity group, the follow-up status among them, and positive survey answers', () => {
    const people = many(6, () => person('A', 'woman', false));
    const act = (i: number, result: string | null) => ({ participantId: people[i]!.id, participant: i, activity: 'validation', provider: null, startDate: null, endDate: null, months: null, hours: null, result });
    const activities = [act(0, 'certificate'), act(1, null), act(2, 'certificate'), act(3, null), act(3, null)];
    const followups = [0, 1, 2, 4].map((i) => ({ participantId: people[i]!.id, participant: i, monthsAfterExit: 0, status: 'employed' as const }));
    const survey = [['Ja', 'Verkstadsledare'], ['Delvis', 'Verkstadsledare'], ['Nej', 'Verkstadsledare'], ['Ja', 'Deltagare']].map(([a, s]) => ({ respondentId: null, survey: s!, answers: { m: a! }, answered: true }));
    const cfg = config({
      activity_groups: [
        { id: 'validation.participants', label: 'V', measure: 'count', activity: ['validation'] },
        { id: 'validation.certificates', label: 'C', measure: 'count', activity: ['validation'], result: ['certificate'] },
      ],
      followup_groups: [{ id: 'validation.status_employed', label: 'Anställda', months_after_exit: 0, codes: ['employed'], activity_group: 'validation.participants' }],
      survey: { questions: [{ id: 'm', column: 'M', label: 'Motivation?', scale: ['Ja', 'Delvis', 'Nej'], positive: ['Ja', 'Delvis'], positive_count: 'validation.motivation', survey: 'Verkstadsledare' }] },
      // Counting is tested here: with secondary suppression the 2 positive answers of 3 would be
      // hidden, since 3 − 2 gives the single "Nej" away (test/engine/disclosure.test.ts covers that).
      disclosure: { min_count: 2, secondary: false },
    });
    const r = computeIndicators(cfg, data(people, { activities, followups, survey }));
    const v = (id: string) => r.figures.find((x) => x.id === id && x.unit === 'total' && x.gender === 'all' && x.category === undefined)!;
    assert.deepEqual([v('validation.participants').kind, v('validation.participants').value], ['count', 4]);
    assert.equal(v('validation.certificates').value, 2);
    assert.equal(v('validation.status_employed').value, 3, 'participant 4 was followed up but never in validation');
    assert.equal(v('validation.motivation').value, 2, 'only the leaders\' questionnaire counts');
  });
});
