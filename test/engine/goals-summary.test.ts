// A count goal ("280 deltagare") is judged for the project as a whole unless the configuration
// asks per unit; a share goal for every reported unit and the total. The summary `check` prints
// counts each exited participant once per status, however many source codes map onto it.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { computeIndicators } from '../../scripts/engine/compute.ts';
import { summariseData } from '../../scripts/engine/data-summary.ts';
import { CONFIG, loadFixture, PARTICIPANT_ROWS, problemsOf, project } from '../helpers/fixture-project.ts';

// No counts hidden, so that every result is judged (six participants in two units).
const goals = (extra = '') => `${CONFIG}disclosure: { min_count: 1 }
outcome_groups:
  - { id: work, label: Arbete, column: exit_status, codes: [employed] }
goals:
  - { id: goal.enrolled, label: Minst fem deltagare, figure: participants.enrolled, target: { op: '>=', value: 5 }${extra} }
  - { id: goal.work, label: Minst en fjärdedel i arbete, figure: exit.work, target: { op: '>=', value: 0.25 } }
`;

it('judges a count goal for the whole project, a share goal per unit, unless per_unit or units say otherwise', async () => {
  const judged = async (config: string) => {
    const { config: c, dataset } = await loadFixture(project({}, config));
    return Object.fromEntries(computeIndicators(c, dataset, 'report.yaml').goals.map((g) => [g.id, g.results.map((r) => [r.unit, r.met])]));
  };
  const plain = await judged(goals());
  assert.deepEqual(plain['goal.enrolled'], [['total', true]]);
  assert.deepEqual(plain['goal.work'], [['Norr', true], ['Söder', true], ['total', true]]);
  const perUnit = await judged(goals(', per_unit: true'));
  assert.deepEqual(perUnit['goal.enrolled'], [['Norr', false], ['Söder', false], ['total', true]]);
  assert.deepEqual((await judged(goals(', units: [Norr]')))['goal.enrolled'], [['Norr', false]]);
  const text = goals(', units: [Norr], per_unit: true');
  const both = await problemsOf(project({}, text));
  assert.deepEqual(both.map((p) => [p.line, p.column]), [[text.split('\n').findIndex((l) => l.includes('goal.enrolled')) + 1, 'goals[0].per_unit']]);
});

it('counts an exited participant once per status in the summary, even when two source codes map onto it', async () => {
  const config = CONFIG.replace('Arbetssökande: job_seeking }', 'Arbetssökande: job_seeking, AF: job_seeking }');
  const rows = PARTICIPANT_ROWS.map((r) => r.replace(/;Arbetssökande$/, ';Arbetssökande|AF'));
  const { config: c, dataset } = await loadFixture({ ...project({}, config), data: { ...project().data, 'deltagare.csv': ['Deltagar-ID;Delprojekt;Kön;Födelseår;Inskrivningsdatum;Utskrivningsdatum;Månader utan arbete;Status vid avslut', ...rows].join('\n') + '\n' } });
  const s = summariseData({ ...c, outcome_groups: [{ id: 'work', label: 'Arbete', column: 'exit_status', codes: ['employed'] }] }, dataset);
  const seeking = PARTICIPANT_ROWS.filter((r) => r.includes('Arbetssökande')).length;
  assert.deepEqual(Object.fromEntries(s.exitStatus), { employed: 2, job_seeking: seeking, studies: 1 });
  assert.deepEqual(s.unused.find((u) => u.column.startsWith('exit_status'))?.codes, [['job_seeking', seeking], ['studies', 1]]);
});
