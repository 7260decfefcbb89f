// "Samverkan leder till arbete" rebuilt from its synthetic raw exports: the published figures of
// the real evaluation (seed B in ../shared/reference/seed-figures.md), and the lost figure found.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeProjectData } from '../../scripts/site/build-site.ts';
import type { Figure, Indicators } from '../../scripts/publish/indicators-schema.ts';

const root = join(import.meta.dirname, '..', '..');
const slug = 'samverkan-leder-till-arbete';
const workshops = ['Västervik', 'Oskarshamn-Högsby-Mönsterås', 'Emmaboda-Torsås', 'Mörbylånga', 'Nybro'];
let dir: string;
let ind: Indicators;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sla-'));
  ({ indicators: ind } = await writeProjectData(root, slug, dir, new Date('2024-01-01T00:00:00Z')));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const fig = (id: string, unit = 'total', gender = 'all'): Figure => {
  const f = ind.figures.find((x) => x.id === id && x.unit === unit && x.gender === gender && x.category === undefined);
  assert.ok(f, `${id} for ${unit}/${gender} is in indicators.json`);
  return f;
};
const pct = (f: Figure) => Math.round(f.value! * 100);
const goal = (id: string) => ind.goals.find((g) => g.id === id)!;

describe('Samverkan leder till arbete: the published figures, computed', () => {
  it('enrolled 621, goal 418 met', () => {
    assert.equal(fig('participants.enrolled').value, 621);
    assert.deepEqual(goal('goal.enrolled').results.map((r) => [r.unit, r.met]), [['total', true]]);
  });
  it('exited 505: 279 women, 226 men; per workshop 88, 109, 71, 116, 120', () => {
    assert.deepEqual([fig('participants.exited').value, fig('participants.exited', 'total', 'woman').value, fig('participants.exited', 'total', 'man').value], [505, 279, 226]);
    assert.deepEqual(workshops.map((w) => fig('participants.exited', w).value), [88, 109, 71, 116, 120]);
  });
  it('finds by itself that the workshops add up to 504, not 505', () => {
    const c = ind.checks.find((x) => x.id === 'reconcile.exited_by_unit');
    assert.ok(c);
    assert.equal(c.severity, 'warning');
    assert.match(c.message, /summerar till 504, men totalen är 505/);
    assert.match(c.message, /Verkstad saknas/);
  });
  it('completed: men 52 %, women 70 %', () => {
    assert.equal(pct(fig('exit.completed', 'total', 'man')), 52);
    assert.equal(pct(fig('exit.completed', 'total', 'woman')), 70);
  });
  it('occupation 60 %, goal 60 % met; employed men 38 %, women 29 %; studies men 18 %, women 29 %', () => {
    assert.equal(pct(fig('exit.occupation')), 60);
    assert.deepEqual(goal('goal.occupation').results.map((r) => r.met), [true]);
    assert.deepEqual([pct(fig('exit.employed', 'total', 'man')), pct(fig('exit.employed', 'total', 'woman'))], [38, 29]);
    assert.deepEqual([pct(fig('exit.studies', 'total', 'man')), pct(fig('exit.studies', 'total', 'woman'))], [18, 29]);
  });
  it('women 55 % of exited; the 40/60 split met overall and in exactly 2 of the 5 workshops', () => {
    assert.equal(pct(fig('participants.women')), 55);
    const results = goal('goal.gender_split').results;
    assert.equal(results.find((r) => r.unit === 'total')!.met, true);
    assert.equal(results.filter((r) => workshops.includes(r.unit) && r.met).length, 2);
    assert.equal(results.filter((r) => workshops.includes(r.unit)).length, 5, 'shown per workshop');
  });
  it('validation: 21 participants (14 women, 7 men), 4 certificates, 14 a step towards work, 19 motivation, 19 self-confidence; now 12 employed, 7 internship, 2 unknown', () => {
    assert.deepEqual(['all', 'woman', 'man'].map((g) => fig('validation.participants', 'total', g).value), [21, 14, 7]);
    assert.deepEqual(
      ['validation.certificates', 'validation.step_towards_work', 'validation.motivation', 'validation.self_confidence', 'validation.status_employed', 'validation.status_internship', 'validation.status_unknown'].map((id) => fig(id).value),
      // The published "2 unknown" are one person in each of two workshops. With the report's
      // threshold of 2 the two hidden ones stay protected by each other (each lies in [0, 2]), so
      // the total is published as in the original.
      [4, 14, 19, 19, 12, 7, 2],
    );
    assert.equal(fig('validation.status_unknown').suppressed, false);
  });
  it('shows the discrimination goal as not measured, with the reason', () => {
    const g = goal('goal.discrimination');
    assert.equal(g.measured, false);
    assert.match(g.reason!, /enkät/);
  });
  it('agrees with every published figure it was given', () => {
    assert.ok(!ind.checks.some((c) => c.id.startsWith('published.') && c.id !== 'published.matches'), JSON.stringify(ind.checks.filter((c) => c.id.startsWith('published.'))));
    assert.match(ind.checks.find((c) => c.id === 'published.matches')!.message, /^13 av 13 /);
  });
});
