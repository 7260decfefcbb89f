import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { indicatorsJsonSchema } from '../../scripts/cli/schema.ts';

it('schemas/indicators.schema.json is current (regenerate with npm run schema)', () => {
  const committed = readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'indicators.schema.json'), 'utf8');
  assert.equal(committed, indicatorsJsonSchema());
});
