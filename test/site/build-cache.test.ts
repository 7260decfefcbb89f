// The data step is reused between builds in one process only while the configuration and the
// input files are unchanged.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { writeProjectData } from '../../scripts/site/build-site.ts';

const repo = join(import.meta.dirname, '..', '..');
const slug = 'samverkan-leder-till-arbete';

it('recomputes after a data file or the configuration changes', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cache-'));
  try {
    for (const d of ['content', 'data']) cpSync(join(repo, d, slug), join(root, d, slug), { recursive: true });
    const women = async () => (await writeProjectData(root, slug, join(root, 'out'), new Date())).indicators.figures.find((f) => f.id === 'participants.enrolled' && f.unit === 'total' && f.gender === 'woman')!.value!;
    const before = await women();
    assert.equal(await women(), before, 'unchanged inputs give the same figures');
    const file = join(root, 'data', slug, 'deltagare.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(',Kvinna,', ',Man,')); // one woman fewer
    assert.equal(await women(), before - 1);
    const config = join(root, 'content', slug, 'report.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('title: Samverkan leder till arbete', 'title: Samverkan leder till arbete (version två)'));
    assert.equal((await writeProjectData(root, slug, join(root, 'out'), new Date())).indicators.report.title, 'Samverkan leder till arbete (version två)');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
