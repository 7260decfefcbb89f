import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cells, TextCache } from '../../scripts/read/cells.ts';

test('Cells: texts of ranges, past the end empty, joined sources for quoted and xlsx records', () => {
  const c = new Cells(1);
  c.source = 'a;bb;;ccc';
  for (const [i, [s, e]] of [[0, 1], [2, 4], [5, 5], [6, 9]].entries()) {
    c.ensure(i);
    c.start[i] = s!;
    c.end[i] = e!;
  }
  c.length = 4;
  assert.deepEqual(c.texts(), ['a', 'bb', '', 'ccc']);
  assert.equal(c.text(7), '');
  assert.deepEqual([...Cells.of(['x', '', 'y;z'])], ['x', '', 'y;z']);
  assert.deepEqual(Cells.of([]).texts(), []);
});

test('TextCache: finds each kept text in place, tells apart prefixes and equal hashes, survives growth', () => {
  const cache = new TextCache<number>();
  const source = Array.from({ length: 5000 }, (_, i) => `v${i}`).join('|') + '|v1|v12|v123|';
  const ranges: Array<[number, number, string]> = [];
  let at = 0;
  for (const part of source.split('|').slice(0, -1)) {
    ranges.push([at, at + part.length, part]);
    at += part.length + 1;
  }
  // First pass: the 5000 distinct texts are missing, then kept.
  for (const [from, to, text] of ranges.slice(0, 5000)) {
    const slot = cache.find(source, from, to);
    assert.ok(slot < 0, `${text} is new`);
    cache.set(slot, text, Number(text.slice(1)));
  }
  assert.equal(cache.size, 5000);
  // Every text, the repeats at the end included, is found with its own value, never a prefix's.
  for (const [from, to, text] of ranges) {
    const slot = cache.find(source, from, to);
    assert.ok(slot >= 0, `${text} is found`);
    assert.equal(cache.value(slot), Number(text.slice(1)));
    assert.equal(cache.key(slot), text);
  }
  // A text that is a prefix of a kept one, and the empty text, are not found.
  assert.ok(cache.find('v12', 0, 2) >= 0); // "v1"
  assert.ok(cache.find('zzz', 0, 3) < 0);
  assert.ok(cache.find('', 0, 0) < 0);
  cache.clear();
  assert.ok(cache.find(source, 0, 2) < 0);
});
