// Narrative errors stop the build with the file and the line, before anything is rendered.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, it } from 'node:test';
import { buildSite } from '../../scripts/site/build-site.ts';
import { InputError } from '../../scripts/problems.ts';

const repo = join(import.meta.dirname, '..', '..');
const slug = 'mia-vidare';
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'narrative-'));
  for (const d of ['content', 'data']) cpSync(join(repo, d, slug), join(root, d, slug), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function problemsOf(): Promise<InputError['problems']> {
  try {
    await buildSite({ root, outDir: join(root, '_site'), slugs: [slug], pdf: false });
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err.problems;
  }
  assert.fail('the build should have failed');
}

it('fails on an unknown figure id, naming the file and the line', async () => {
  const file = join(root, 'content', slug, 'resultat.md');
  const lines = readFileSync(file, 'utf8').split('\n').length;
  appendFileSync(file, '\nHär står {{ fig("exit.no_such_figure", "HBS") }}.\n');
  const [p, ...rest] = await problemsOf();
  assert.deepEqual(rest, []);
  assert.equal(p!.file, `content/${slug}/resultat.md`);
  assert.equal(p!.line, lines + 1);
  assert.match(p!.expected, /"exit\.no_such_figure" is not one/);
});

it('fails on a percentage typed by hand into narrative and on an unknown chart, both at once', async () => {
  const file = join(root, 'content', slug, 'enkat.md');
  writeFileSync(file, '# Enkäten\n\nHela 83 % var nöjda.\n\n{% chart "no_such_chart" %}\n');
  const problems = await problemsOf();
  assert.deepEqual(problems.map((p) => [p.file, p.line, p.value]), [[`content/${slug}/enkat.md`, 3, '83 %'], [`content/${slug}/enkat.md`, 5, 'no_such_chart']]);
  writeFileSync(file, '# Enkäten\n\nDe flesta var nöjda.\n\n{% chart "no_such_chart" %}\n');
  const [chart] = await problemsOf();
  assert.deepEqual([chart!.file, chart!.line, chart!.value], [`content/${slug}/enkat.md`, 5, 'no_such_chart']);
});
