import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema, type Config } from '../../scripts/config/schema.ts';
import type { Activity, Dataset, Participant } from '../../scripts/config/contract.ts';
import { computeIndicators } from '../../scripts/engine/compute.ts';
import { isMet } from '../../scripts/engine/goals.ts';
import { wilson } from '../../scripts/engine/wilson.ts';
import type { Figure } from '../../scripts/publish/indicators-schema.ts';
import { InputError, InternalError } from '../../scripts/problems.ts';
import { ActivityTable, type TableDataset } from '../../scripts/engine/activity-table.ts';

function config(extra: Record<string, unknown> = {}): Config {
  return configSchema.parse({
    title: 'T', commissioner: 'C', evaluator: 'E', authors: ['A'], date: '2022-01-01',
    period: { from: '2020-01-01', to: '2021-12-31' },
    units: { level: 'Enhet', items: [{ name: 'A' }, { name: 'B' }, { name: 'C', reported: false }] },
    tables: { participants: { file: 'p.csv' } },
    // These tests pin primary suppression; secondary suppression has test/engine/disclosure.test.ts.
    disclosure: { min_count: 5, secondary: false },
    ...extra,
  });
}

let seq = 0;
function person(unit: string, gender: Participant['gender'], exitStatus: Participant['exitStatus'] | null, more: Partial<Participant> = {}): Participant {
  return {
    id: `P${++seq}`, unit, gender, birthYear: 1990, ageAtEntry: 30, education: null, entryDate: '2020-02-01',
    exitDate: exitStatus ? '2020-12-01' : null, referral: null, incomeAtEntry: null, monthsWithoutWork: null,
    exitReason: null, exitStatus: exitStatus ?? [], ...more,
  };
}
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const data = (participants: Participant[], more: Partial<Dataset> = {}): TableDataset => ({ participants, followups: [], survey: [], costs: [], ...more, activities: ActivityTable.from(more.activities ?? []) });
const many = (n: number, make: () => Participant) => Array.from({ length: n }, make);
const fig = (figs: Figure[], id: string, unit = 'total', gender = 'all', category?: string) => {
  const f = figs.find((x) => x.id === id && x.unit === unit && x.gender === gender && x.category === category);
  assert.ok(f, `figure ${id} ${unit} ${gender} ${category ?? ''} exists`);
  return f;
};

describe('wilson', () => {
  // Newcombe (1998), Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score).
  for (const [num, den, lo, hi] of [[81, 263, 0.2553, 0.3662], [15, 148, 0.0624, 0.1605], [0, 20, 0, 0.1611], [1, 29, 0.0061, 0.1718]] as const) {
    it(`matches Newcombe's published interval for ${num}/${den}`, () => {
      const [a, b] = wilson(num, den);
      assert.deepEqual([Number(a.toFixed(4)), Number(b.toFixed(4))], [lo, hi]);
    });
  }
  it('agrees with the data contract example (24 of 109, shown there to three decimals, truncated)', () => {
    const [lo, hi] = wilson(24, 109);
    assert.deepEqual([Math.floor(lo * 1000) / 1000, Math.floor(hi * 1000) / 1000], [0.152, 0.306]);
  });
  it('stays within [0, 1] and mirrors around one half', () => {
    assert.equal(wilson(0, 10)[0], 0);
    assert.ok(wilson(10, 10)[1] <= 1 && wilson(10, 10)[1] > 0.999999);
    const [a, b] = wilson(3, 20);
    const [c, d] = wilson(17, 20);
    assert.ok(Math.abs(a - (1 - d)) < 1e-12 && Math.abs(b - (1 - c)) < 1e-12);
  });
  it('refuses an empty denominator', () => assert.throws(() => wilson(0, 0), InternalError));
});

describe('computeIndicators', () => {
  const groups = {
    outcome_groups: [
      { id: 'work', label: 'Arbete', codes: ['employed'] },
      { id: 'seeking', label: 'Söker', codes: ['job_seeking'] },
      { id: 'work_or_studies', label: 'Arbete eller studier', codes: ['employed', 'studies'] },
    ],
  };
  const ps = [
    ...many(6, () => person('A', 'woman', ['employed', 'job_seeking'])),
    ...many(6, () => person('A', 'man', ['job_seeking'])),
    ...many(8, () => person('A', 'woman', null)),
    ...many(10, () => person('B', 'man', ['studies'])),
    ...many(10, () => person('C', 'woman', ['employed'])),
  ];
  const { figures, checks } = computeIndicators(config(groups), data(ps));

  it('counts per unit and the total, which includes units not reported separately', () => {
    assert.equal(fig(figures, 'participants.enrolled', 'A').value, 20);
    assert.equal(fig(figures, 'participants.enrolled', 'total').value, 40);
    assert.equal(fig(figures, 'participants.exited', 'A').value, 12);
    assert.equal(fig(figures, 'participants.still_enrolled', 'A', 'woman').value, 8);
    assert.ok(!figures.some((f) => f.unit === 'C'), 'unreported unit gets no figures of its own');
    assert.match(checks.find((c) => c.id === 'units.not_reported')!.message, /10 deltagare/);
  });

  it('lets one participant hold several outcomes, so group shares may add up to more than 100 %', () => {
    const work = fig(figures, 'exit.work', 'A');
    const seeking = fig(figures, 'exit.seeking', 'A');
    assert.deepEqual([work.numerator, work.denominator, seeking.numerator, seeking.denominator], [6, 12, 12, 12]);
    assert.ok(work.value! + seeking.value! > 1);
    assert.equal(fig(figures, 'exit.work_or_studies', 'total').value, r6(26 / 32));
  });

  it('gives every share its Wilson interval', () => {
    const f = fig(figures, 'exit.work', 'A');
    const [lo, hi] = wilson(6, 12);
    assert.deepEqual(f.ci95, [Math.round(lo * 1e6) / 1e6, Math.round(hi * 1e6) / 1e6]);
  });

  it('suppresses counts below the threshold and every share resting on them', () => {
    const small = [...many(3, () => person('A', 'woman', ['employed'])), ...many(7, () => person('B', 'man', ['employed'])), ...many(5, () => person('B', 'woman', ['studies']))];
    const r = computeIndicators(config(groups), data(small));
    const count = fig(r.figures, 'participants.enrolled', 'A');
    assert.deepEqual([count.value, count.suppressed], [null, true]);
    const share = fig(r.figures, 'exit.work', 'A');
    assert.deepEqual([share.value, share.numerator, share.ci95, share.suppressed, share.denominator], [null, null, null, true, undefined]);
    // A zero is not disclosive on its own: B's women, none employed, is published as 0.
    const zero = fig(r.figures, 'exit.work', 'B', 'woman');
    assert.deepEqual([zero.value, zero.suppressed], [0, false]);
    assert.equal(fig(r.figures, 'exit.work', 'B').value, r6(7 / 12));
    assert.match(r.checks.find((c) => c.id === 'disclosure.suppressed')!.message, /färre än 5/);
  });

  it('honours a configured threshold', () => {
    const r = computeIndicators(config({ ...groups, disclosure: { min_count: 11, secondary: false } }), data(ps));
    assert.equal(fig(r.figures, 'participants.enrolled', 'B').suppressed, true);
    assert.equal(fig(r.figures, 'participants.enrolled', 'A').suppressed, false);
  });

  it('computes activity shares and per-participant means and sums of months and hours', () => {
    const people = many(10, () => person('A', 'woman', ['employed']));
    const act = (p: Participant, months: number | null, hours: number | null, provider = 'social_enterprise'): Activity => ({
      participantId: p.id, participant: people.indexOf(p), activity: 'work_training', provider, startDate: null, endDate: null, months, hours, result: null,
    });
    const activities = [
      ...people.slice(0, 5).flatMap((p) => [act(p, 2, 100), act(p, 1.5, 50)]),
      act(people[5]!, 3, null),
      act(people[6]!, 9, 900, 'external_employer'),
    ];
    const cfg = config({ activity_groups: [{ id: 'training.social_enterprise', label: 'ASF', activity: ['work_training'], provider: ['social_enterprise'] }] });
    const r = computeIndicators(cfg, data(people, { activities }));
    assert.equal(fig(r.figures, 'training.social_enterprise', 'A').value, 0.6);
    assert.equal(fig(r.figures, 'training.social_enterprise.rows', 'A').value, 11);
    const months = fig(r.figures, 'training.social_enterprise.months_mean', 'A');
    assert.deepEqual([months.value, months.n], [r6((5 * 3.5 + 3) / 6), 6]);
    assert.deepEqual([fig(r.figures, 'training.social_enterprise.hours_mean', 'A').value, fig(r.figures, 'training.social_enterprise.hours_mean', 'A').n], [150, 5]);
    assert.equal(fig(r.figures, 'training.social_enterprise.hours_sum', 'A').value, 750);
  });

  it('computes distributions over categories and numeric bands, and refuses a value with no category', () => {
    const people = [
      ...many(6, () => person('A', 'woman', null, { incomeAtEntry: 'social_assistance', monthsWithoutWork: 3 })),
      ...many(4, () => person('A', 'man', null, { incomeAtEntry: 'salary', monthsWithoutWork: 100 })),
      person('A', 'man', null),
    ];
    const cfg = config({
      distributions: [
        { id: 'entry.income', label: 'Försörjning', column: 'income_at_entry', categories: { social_assistance: 'Försörjningsstöd', salary: 'Lön' } },
        { id: 'entry.time', label: 'Tid', column: 'months_without_work', bands: [{ id: 'short', label: 'Kort', max: 11 }, { id: 'long', label: 'Lång', min: 12 }] },
      ],
    });
    const r = computeIndicators(cfg, data(people));
    const income = fig(r.figures, 'entry.income', 'A', 'all', 'social_assistance');
    assert.deepEqual([income.numerator, income.denominator, income.category_label], [6, 10, 'Försörjningsstöd']);
    assert.equal(fig(r.figures, 'entry.time', 'A', 'all', 'long').numerator, null, '4 of 10 is suppressed');
    assert.ok(r.checks.some((c) => c.id === 'missing.entry.income' && /1 av 11/.test(c.message)));
    const bad = config({ distributions: [{ id: 'entry.income', label: 'F', column: 'income_at_entry', categories: { salary: 'Lön' } }] });
    assert.throws(() => computeIndicators(bad, data(people), 'content/x/report.yaml'), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.deepEqual(e.problems[0], {
        file: 'content/x/report.yaml', column: 'distributions[0].categories', value: 'social_assistance',
        expected: 'a category or band for every value of income_at_entry in the data (6 participant(s) have this value)',
      });
      return true;
    });
  });

  it('computes survey distributions in scale order with the positive share', () => {
    const survey = ['Ja', 'Ja', 'Ja', 'Ja', 'Ja', 'Nej', 'Kanske', null].map((a, i) => ({ respondentId: `R${i}`, survey: 'Enkät', answers: { q: a }, answered: a !== null }));
    const cfg = config({ tables: { participants: { file: 'p.csv' }, survey: { file: 's.csv' } }, survey: { questions: [{ id: 'q', column: 'Fråga', label: 'Fråga?', scale: ['Ja', 'Kanske', 'Nej'], positive: ['Ja'] }] } });
    const r = computeIndicators(cfg, data(ps, { survey }));
    assert.equal(fig(r.figures, 'survey.respondents').value, 8);
    const dist = r.figures.filter((f) => f.id === 'survey.q');
    assert.deepEqual(dist.map((f) => f.category), ['Ja', 'Kanske', 'Nej']);
    assert.deepEqual(dist.map((f) => f.suppressed), [false, true, true]);
    assert.equal(fig(r.figures, 'survey.q.positive').value, r6(5 / 7));
    assert.ok(r.checks.some((c) => c.id === 'survey.unanswered.q'));
  });
});

describe('goals', () => {
  it('judges >=, <= and between targets', () => {
    assert.equal(isMet({ op: '>=', value: 0.25 }, 0.25), true);
    assert.equal(isMet({ op: '>=', value: 0.25 }, 0.2499), false);
    assert.equal(isMet({ op: '<=', value: 0 }, 0), true);
    assert.equal(isMet({ op: 'between', min: 0.4, max: 0.6 }, 0.61), false);
    assert.equal(isMet({ op: 'between', min: 0.4, max: 0.6 }, 0.4), true);
  });

  it('reports results per unit, not-measured goals with their reason, and null where suppressed', () => {
    const ps = [...many(8, () => person('A', 'woman', ['employed'])), ...many(4, () => person('A', 'man', ['other'])), ...many(3, () => person('B', 'man', ['employed']))];
    const cfg = config({
      outcome_groups: [{ id: 'work', label: 'Arbete', codes: ['employed'] }],
      goals: [
        { id: 'goal.work', label: 'Minst 60 % i arbete', figure: 'exit.work', target: { op: '>=', value: 0.6 } },
        { id: 'goal.split', label: 'Könsfördelning 40/60', figure: 'participants.women', target: { op: 'between', min: 0.4, max: 0.6 }, units: ['A'] },
        { id: 'goal.discrimination', label: '0 % upplevd diskriminering', not_measured: 'Ingen mätning gjordes.' },
      ],
    });
    const [work, split, discr] = computeIndicators(cfg, data(ps)).goals;
    assert.deepEqual(work!.results.map((r) => [r.unit, r.met]), [['A', true], ['B', null], ['total', true]]);
    assert.deepEqual(split!.results.map((r) => [r.unit, r.value, r.met]), [['A', r6(8 / 12), false]]);
    assert.deepEqual([discr!.measured, discr!.reason, discr!.results], [false, 'Ingen mätning gjordes.', []]);
  });

  it('fails on a goal that names a figure that does not exist', () => {
    const cfg = config({ goals: [{ id: 'goal.x', label: 'X', figure: 'exit.nothing', target: { op: '>=', value: 1 } }] });
    assert.throws(() => computeIndicators(cfg, data([person('A', 'man', null)]), 'content/x/report.yaml'), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.problems[0]!.column, 'goals[0].figure');
      assert.equal(e.problems[0]!.value, 'exit.nothing');
      return true;
    });
  });
});
