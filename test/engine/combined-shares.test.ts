// A combined share beside its parts: a footnote says why the rounded parts do not add up, and
// only when they do not, and only for shares whose counts really are the sum of the parts'.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Figure } from '../../scripts/publish/indicators-schema.ts';
import { combinedShareNotes } from '../../scripts/render/charts/combined.ts';

const ctx = { language: 'sv' as const, units: ['A', 'total'], unitLabel: (u: string) => (u === 'total' ? 'Totalt' : u), minCount: 5 };
const share = (id: string, unit: string, numerator: number, denominator: number): Figure => ({
  id, label: id, unit, gender: 'all', kind: 'share', value: numerator / denominator, numerator, denominator, suppressed: false,
});
const shown = (id: string, cells: [string, number, number][]) => ({ label: id, cells: cells.map(([u, n, d]) => share(id, u, n, d)) });

it('notes a combined share whose printed value differs from its printed parts (Uppsala: 43 % + 17 % beside 59 %)', () => {
  const work = shown('Arbete', [['total', 160, 371]]); // 43.1 → 43
  const studies = shown('Studier', [['total', 59, 371]]); // 15.9 → 16
  const both = shown('Arbete eller studier', [['total', 219, 371]]); // 59.0 → 59
  const notes = combinedShareNotes([work, studies, both], ctx);
  assert.equal(notes.length, 0, '43 + 16 = 59 as printed: nothing to explain');
  const studies2 = shown('Studier', [['total', 63, 371]]); // 17.0 → 17
  const both2 = shown('Arbete eller studier', [['total', 223, 371]]); // 60.1 → 60
  assert.equal(combinedShareNotes([work, studies2, both2], ctx).length, 0, '43 + 17 = 60');
  const w3 = shown('Arbete', [['total', 161, 371]]); // 43.4 → 43
  const s3 = shown('Studier', [['total', 64, 371]]); // 17.25 → 17
  const b3 = shown('Arbete eller studier', [['total', 225, 371]]); // 60.6 → 61
  const n3 = combinedShareNotes([w3, s3, b3], ctx);
  assert.equal(n3.length, 1);
  assert.match(n3[0]!, /”Arbete eller studier”.*”Arbete” och ”Studier”.*\(Totalt: 61 procent, delarna tillsammans 60 procent\)/);
});

it('says nothing for shares whose counts are not the sum of the others, or have another base', () => {
  const a = shown('A', [['total', 161, 371]]);
  const b = shown('B', [['total', 64, 371]]);
  assert.deepEqual(combinedShareNotes([a, b, shown('C', [['total', 226, 371]])], ctx), []);
  assert.deepEqual(combinedShareNotes([a, b, shown('C', [['total', 225, 372]])], ctx), []);
  // A relation that holds in one unit but not another is a coincidence, not a combined share.
  const a2 = shown('A', [['A', 10, 30], ['total', 161, 371]]);
  const b2 = shown('B', [['A', 5, 30], ['total', 64, 371]]);
  assert.deepEqual(combinedShareNotes([a2, b2, shown('C', [['A', 16, 30], ['total', 225, 371]])], ctx), []);
});
