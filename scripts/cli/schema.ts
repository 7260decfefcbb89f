// Writes schemas/indicators.schema.json (the published contract of indicators.json) from the zod
// definition in indicators-schema.ts, and the column tables of docs/data-contract.md from the
// data contract's definitions (contract-doc.ts). `npm run schema`; tests fail when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { withContractTables } from '../config/contract-doc.ts';
import { indicatorsSchema } from '../publish/indicators-schema.ts';
import { statusText } from '../problem-messages.ts';

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
  console.log(statusText.wroteSchema);
  const contractDoc = new URL('../../docs/data-contract.md', import.meta.url);
  writeFileSync(contractDoc, withContractTables(readFileSync(contractDoc, 'utf8')));
  console.log(statusText.wroteContractTables);
}
