// Writes schemas/indicators.schema.json (the published contract of indicators.json) from the zod
// definition in indicators-schema.ts. `npm run schema`; a test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { indicatorsSchema } from '../publish/indicators-schema.ts';

export function indicatorsJsonSchema(): string {
  const schema = {
    $id: 'https://example.invalid/eval-report/indicators.schema.json',
    title: 'indicators.json of an evaluation report',
    description: 'Every computed figure a report shows, its goals and its data-quality checks. See docs/indicators.md.',
    ...z.toJSONSchema(indicatorsSchema, { target: 'draft-2020-12' }),
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../../schemas/indicators.schema.json', import.meta.url), indicatorsJsonSchema());
  console.log('Wrote schemas/indicators.schema.json');
}
