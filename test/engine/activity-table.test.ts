import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Activity } from '../../scripts/config/contract.ts';
import { ActivityTable } from '../../scripts/engine/activity-table.ts';
import { InternalError } from '../../scripts/problems.ts';

const row = (over: Partial<Activity>): Activity => ({
  participantId: 'P01', participant: 0, activity: 'coaching', provider: null, startDate: null, endDate: null, months: null, hours: null, result: null, ...over,
});

const rows: Activity[] = [
  row({ participantId: 'P01', participant: 0, activity: 'coaching', provider: 'Norr', startDate: '2020-03-05', endDate: '2020-04-01', months: 1, hours: 10, result: 'done' }),
  row({ participantId: 'P01', participant: 0, activity: 'internship', provider: 'Norr', startDate: '2020-04-01', hours: 80.5 }),
  row({ participantId: 'P03', participant: 2, activity: 'coaching', provider: 'Söder', months: 0, hours: 0, result: 'stopped' }),
  row({ participantId: 'P06', participant: 5, activity: 'matching', endDate: '2020-03-05', months: Infinity }),
];

test('every field of every row comes back as it went in, nulls, zeros and shared dates included', () => {
  const t = ActivityTable.from(rows);
  assert.equal(t.length, 4);
  assert.deepEqual(t.rows(), rows);
  assert.equal(t.months(1), null);
  assert.equal(t.hours(2), 0);
  assert.equal(t.endDate(0), t.startDate(1));
  assert.equal(t.provider(3), null);
});

test('rows pushed past the initial room keep their order and values', () => {
  const t = new ActivityTable();
  const many = Array.from({ length: 1000 }, (_, i) => row({ participantId: `P${i}`, participant: i, activity: `a${i % 7}`, months: i % 3 === 0 ? null : i / 4, result: i % 5 === 0 ? null : `r${i % 2}` }));
  for (const r of many) t.push(r);
  assert.equal(t.length, 1000);
  assert.deepEqual(t.rows(), many);
});

test('select keeps the rows whose activity, provider and result are allowed; a null field matches only "any"', () => {
  const t = ActivityTable.from(rows);
  assert.deepEqual([...t.select(null, null, null)], [0, 1, 2, 3]);
  assert.deepEqual([...t.select(new Set(['coaching']), null, null)], [0, 2]);
  assert.deepEqual([...t.select(null, new Set(['Norr', 'Öster']), null)], [0, 1]);
  assert.deepEqual([...t.select(new Set(['coaching', 'matching']), null, new Set(['stopped']))], [2]);
  assert.deepEqual([...t.select(new Set(['nothing']), null, null)], []);
});

test('a NaN number is refused as an internal error (NaN stands for no value in the columns; the reader gives null)', () => {
  assert.throws(() => ActivityTable.from([row({ hours: NaN })]), InternalError);
});
