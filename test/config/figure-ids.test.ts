// Ids unique and checked: the configuration's cross-checks refuse two keys that would produce one
// figure id (whatever their kinds: an entry group uni and a distribution entry.uni), a free id the
// engine reserves, and an id used twice in any list named by id — each with its line, key path
// and value; every example's ids pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../scripts/config/load.ts';
import { definedFigureIds } from '../../scripts/config/figure-ids.ts';

import { EXAMPLE, FILE, lineOf, problems } from '../helpers/config-problems.ts';
/** The example with `item` added as the first item of the list `key`. */
const withItem = (key: string, item: string) => EXAMPLE.replace(new RegExp(`^${key}:\\n`, 'm'), `${key}:\n  - ${item}\n`);

test('the example loads: its ids are unique', () => {
  assert.deepEqual(problems(EXAMPLE), []);
  const ids = definedFigureIds(parseConfig(EXAMPLE, FILE)).map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.includes('training.social_enterprise.months_mean'), "an activity group's family of ids is defined");
});

test('an entry group uni and a distribution entry.uni are one figure id: refused at the later key, naming the first', () => {
  const text = withItem('entry_groups', '{ id: uni, label: Universitet, column: education, codes: [tertiary] }').replace(
    /^distributions:\n/m, 'distributions:\n  - { id: entry.uni, label: Utbildning igen, column: education, categories: { tertiary: Eftergymnasial } }\n');
  const p = problems(text);
  assert.deepEqual(p.map((x) => [x.column, x.value]), [['distributions[0].id', 'entry.uni']]);
  assert.match(p[0]!.expected, /figure entry\.uni is already defined at entry_groups\[0\]\.id/);
  assert.equal(p[0]!.line, lineOf(text, 'Utbildning igen'));
});

test("ids of different kinds that collide through a family's derived ids: a follow-up group named like an activity group's rows", () => {
  const text = EXAMPLE + `
followup_groups:
  - { id: training.social_enterprise.rows, label: Rader, months_after_exit: 6, codes: [employed] }
`;
  const p = problems(text).filter((x) => x.column?.startsWith('followup_groups[0]') && x.column?.endsWith('.id'));
  assert.equal(p.length, 1);
  assert.match(p[0]!.expected, /figure training\.social_enterprise\.rows is already defined at activity_groups\[0\]\.id/);
  assert.equal(p[0]!.line, lineOf(text, 'label: Rader'));
});

test('duplicate outcome groups, activity groups and goals are refused, one problem per key', () => {
  const outcome = withItem('outcome_groups', '{ id: work_or_studies, label: Igen, codes: [employed] }');
  assert.deepEqual(problems(outcome).filter((x) => x.column?.endsWith('.id')).map((x) => x.column), ['outcome_groups[1].id']);
  const activity = withItem('activity_groups', '{ id: training.social_enterprise, label: Igen, activity: [work_training] }');
  const p = problems(activity).filter((x) => x.column?.endsWith('.id'));
  assert.deepEqual(p.map((x) => x.column), ['activity_groups[1].id'], 'six colliding ids, one problem');
  const goal = withItem('goals', '{ id: goal.work_or_studies, label: Igen, not_measured: Mäts inte }');
  const g = problems(goal);
  assert.deepEqual(g.map((x) => [x.column, x.value]), [['goals[1].id', 'goal.work_or_studies']]);
  assert.match(g[0]!.expected, /each goal id once \(this one is already at goals\[0\]\.id\)/);
  assert.equal(g[0]!.line, lineOf(goal, '  - id: goal.work_or_studies'));
});

test('a free id the engine reserves is refused; an id that only looks alike is not', () => {
  const text = EXAMPLE.replace(/^distributions:\n/m, 'distributions:\n  - { id: participants.enrolled, label: Inskrivna, column: education, categories: { tertiary: E } }\n  - { id: esf.age, label: Ålder, column: education, categories: { tertiary: E } }\n  - { id: followup.matched, label: Matchade, column: education, categories: { tertiary: E } }\n');
  const p = problems(text);
  assert.deepEqual(p.map((x) => [x.column, x.value]), [['distributions[0].id', 'participants.enrolled'], ['distributions[1].id', 'esf.age']]);
  assert.match(p[0]!.expected, /participants\.enrolled is a figure every report computes/);
  assert.match(p[1]!.expected, /esf\.age is under esf\./);
});

test('a survey question named like a built-in figure, and a predictor named like a model\'s R², are refused', () => {
  const text = EXAMPLE.replace(/^  questions:\n/m, '  questions:\n    - { id: respondents, column: Svarande, label: Svarande, scale: [Ja, Nej] }\n').replace(/^    predictors:\n/m, '    predictors:\n      - { id: r2, label: R, column: age_at_entry }\n');
  const p = problems(text);
  assert.deepEqual(p.map((x) => [x.column, x.value]), [['survey.questions[0].id', 'survey.respondents'], ['models[0].predictors[0].id', 'model.' + parseConfig(EXAMPLE, FILE).models[0]!.id + '.r2']]);
  assert.match(p[0]!.expected, /survey\.respondents is a figure every report computes/);
  assert.match(p[1]!.expected, /already defined at models\[0\]\.id/);
});

test("a distribution's band ids once: two bands of one id would be one category", () => {
  const text = EXAMPLE.replace(/^distributions:\n/m, 'distributions:\n  - id: entry.age\n    label: Ålder\n    column: age_at_entry\n    bands:\n      - { id: young, label: Ung, max: 29 }\n      - { id: young, label: Äldre, min: 30 }\n');
  const p = problems(text);
  assert.deepEqual(p.map((x) => [x.column, x.value]), [['distributions[0].bands[1].id', 'young']]);
  assert.equal(p[0]!.line, lineOf(text, 'label: Äldre'));
});

test('a section file listed twice is refused at the second, naming the first', () => {
  const text = withItem('sections', '{ file: syfte.md }');
  const p = problems(text);
  assert.deepEqual(p.map((x) => [x.column, x.value]), [['sections[2].file', 'syfte.md']]);
  assert.match(p[0]!.expected, /each section file once \(this one is already at sections\[0\]\.file\)/);
  assert.equal(p[0]!.line, lineOf(text, '  - file: syfte.md'));
});
