// `npm run golden [case …]`: builds every golden case (or those named) and writes what it
// publishes under test/golden/<case>/: indicators.json and the page's key fragments. Review the
// change with `git diff test/golden` before committing it: the goldens are the expected figures.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGoldens, CASES, GOLDEN_DIR, serialiseIndicators } from './golden.ts';

const asked = process.argv.slice(2);
const unknown = asked.filter((c) => !CASES.includes(c));
if (unknown.length) {
  console.error(`Unknown golden case ${unknown.join(', ')}; the cases are: ${CASES.join(', ')}.`);
  process.exit(2);
}
const built = await buildGoldens(asked.length ? asked : CASES);
for (const [name, report] of built) {
  const dir = join(GOLDEN_DIR, name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.html'))) rmSync(join(dir, f)); // a fragment the page no longer has goes
  writeFileSync(join(dir, 'indicators.json'), serialiseIndicators(report.indicators));
  for (const [fragment, html] of Object.entries(report.fragments)) writeFileSync(join(dir, `${fragment}.html`), html);
  console.log(`${name}: ${report.indicators.figures.length} figures, fragments ${Object.keys(report.fragments).join(', ')}`);
}
