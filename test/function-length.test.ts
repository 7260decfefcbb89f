// Functions short enough to read at once: none over 60 lines in the folders made to keep it.
// `node --import tsx test/helpers/long-functions.ts scripts` lists the rest of the tree.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { longFunctions, longFunctionsUnder } from './helpers/long-functions.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEPT_SHORT = ['scripts'];

it('finds a function over the limit, nested ones on their own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'long-'));
  try {
    const file = join(dir, 'a.ts');
    const body = Array.from({ length: 61 }, (_, i) => `  const x${i} = ${i};`).join('\n');
    writeFileSync(file, `export function long(): void {\n${body}\n}\nconst short = () => 1;\nconst arrow = () => {\n${body}\n};\n`);
    assert.deepEqual(longFunctions([file], 60).map((f) => [f.name, f.lines]), [['long', 63], ['arrow', 63]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it(`has no function over 60 lines in ${KEPT_SHORT.join(', ')}`, () => {
  const found = longFunctionsUnder(KEPT_SHORT, 60);
  assert.deepEqual(found.map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`), [], 'split these into named steps');
});
