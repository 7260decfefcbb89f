// Participant ids while a project is read: IdIndex keeps ids in order in arrays and moves them into a
// Map at the first id out of order, with the same answers either way; a project whose files are
// not sorted by id reads like the sorted one, duplicates and unknown ids reported on their lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdIndex } from '../../scripts/read/participant-ids.ts';
import { ACTIVITIES_HEADER, ACTIVITY_ROWS, PARTICIPANTS_HEADER, PARTICIPANT_ROWS, lines, loadFixture, problemsOf, project } from '../helpers/fixture-project.ts';

test('IdIndex answers the same in order and after the first id out of order', () => {
  const ids = ['P01', 'P02', 'P05', 'P07', 'P10'];
  const index = new IdIndex();
  ids.forEach((id, i) => {
    assert.equal(index.after(id), true, id);
    index.set(id, i);
  });
  assert.equal(index.size, 5);
  assert.deepEqual(ids.map((id) => index.get(id)), [0, 1, 2, 3, 4]);
  assert.equal(index.get('P03'), undefined);
  assert.equal(index.get('P99'), undefined);
  assert.equal(index.after('P07'), false, 'an id seen before is not after');
  index.set('P05', -12); // a known id changes its value and stays in order
  assert.equal(index.get('P05'), -12);
  assert.equal(index.after('P11'), true);
  index.set('P03', 9); // out of order: now a Map
  assert.equal(index.after('P99'), false, 'no id is known new without a lookup any more');
  assert.equal(index.size, 6);
  assert.deepEqual(['P01', 'P02', 'P03', 'P05', 'P07', 'P10', 'P04'].map((id) => index.get(id)), [0, 1, 9, -12, 3, 4, undefined]);
});

test('participants and activities out of order read like the sorted files, problems on their lines', async () => {
  const sorted = await loadFixture(project());
  const [first, ...rest] = PARTICIPANT_ROWS;
  const shuffled = await loadFixture(project({
    'deltagare.csv': lines([PARTICIPANTS_HEADER, ...rest, first!]),
    'aktiviteter.csv': lines([ACTIVITIES_HEADER, ...[...ACTIVITY_ROWS].reverse()]),
  }));
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
  assert.deepEqual(byId(shuffled.dataset.participants), byId(sorted.dataset.participants));
  assert.equal(shuffled.dataset.activities.length, sorted.dataset.activities.length);
  // A duplicate of the first id after the ids went out of order, and of one still in order.
  const id = (row: string) => row.split(';')[0]!;
  for (const rows of [[...rest, first!, first!], [first!, first!, ...rest]]) {
    const problems = await problemsOf(project({ 'deltagare.csv': lines([PARTICIPANTS_HEADER, ...rows]) }));
    const twice = problems.filter((p) => p.value === id(first!));
    assert.equal(twice.length, 1, JSON.stringify(problems));
    assert.equal(twice[0]!.line, rows.lastIndexOf(first!) + 2);
    assert.match(twice[0]!.expected, new RegExp(`line ${rows.indexOf(first!) + 2}\\b`));
  }
});
