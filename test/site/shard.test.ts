// Shards: `build --shard i/n` builds every n-th project; `assemble` joins the parts into a site
// byte for byte the same as one machine's build (pages, PDFs, indicators.json, CSVs, index, the
// portfolio's filter, sorted, search and comparison pages).
// Also the incremental rule: a second build with nothing changed rebuilds nothing.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import { buildSite } from '../../scripts/site/build-site.ts';
import { assembleSite } from '../../scripts/site/assemble-site.ts';
import { shardOf } from '../../scripts/cli/build.ts';
import { addProject, CONFIG, project, removeProject, writeProject } from '../helpers/fixture-project.ts';
import { UsageError } from '../../scripts/cli/command.ts';
import { InputError } from '../../scripts/problems.ts';

const now = new Date('2026-01-01T00:00:00Z');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Every file of `a` and of `b` by relative path, and the paths whose bytes differ. */
function differences(a: string, b: string): string[] {
  const fa = files(a).map((f) => relative(a, f)).sort();
  const fb = files(b).map((f) => relative(b, f)).sort();
  assert.deepEqual(fb, fa, 'the same files');
  return fa.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

it('takes every n-th project from the i-th, and refuses a shard out of range', () => {
  const slugs = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  assert.deepEqual([1, 2, 3].map((i) => shardOf(slugs, `${i}/3`)), [['a', 'd', 'g'], ['b', 'e'], ['c', 'f']]);
  assert.deepEqual(shardOf(['b', 'a'], '1/1'), ['a', 'b']);
  for (const bad of ['0/3', '4/3', '1/0', 'x', '1/3/2']) assert.throws(() => shardOf(slugs, bad), UsageError, bad);
  assert.throws(() => shardOf(['a'], '2/2'), /only 1 project/);
});

it('refuses a shard without a build-cache.json it reads, with the reason as the cause', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'eval-report-shard-'));
  try {
    const shard = join(dir, 'shard');
    mkdirSync(shard);
    const refused = (cause: (c: unknown) => boolean, value: string) => (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.equal(err.problems[0]?.value, value);
      assert.match(err.message, /expected the output folder of a finished `eval-report build --shard i\/n`/);
      assert.ok(cause(err.cause), `cause: ${String(err.cause)}`);
      return true;
    };
    const assemble = (shards: string[]) => assembleSite({ shards, outDir: join(dir, 'out'), check: false });
    await assert.rejects(assemble([join(dir, 'none')]), refused((c) => (c as NodeJS.ErrnoException).code === 'ENOENT', 'no such folder'));
    await assert.rejects(assemble([shard]), refused((c) => (c as NodeJS.ErrnoException).code === 'ENOENT', 'missing or unreadable'));
    writeFileSync(join(shard, 'build-cache.json'), '{"format": 1, "projects":');
    await assert.rejects(assemble([shard]), refused((c) => c instanceof SyntaxError, 'missing or unreadable'));
    writeFileSync(join(shard, 'build-cache.json'), '{"format": 2, "projects": {}}');
    await assert.rejects(assemble([shard]), refused((c) => c instanceof Error && /is not a build manifest this version reads/.test(c.message), 'missing or unreadable'));
    assert.deepEqual(readdirSync(dir).sort(), ['shard'], 'nothing written');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('three shards assembled equal the single build byte for byte; a rebuild with nothing changed rebuilds nothing', { timeout: 300_000 }, async () => {
  const slugs = ['p1-norr', 'p2-soder', 'p3-ost', 'p4-vast', 'p5-mitt', 'p6-fjall'];
  const root = writeProject();
  try {
    for (const [k, slug] of slugs.entries()) addProject(root, { ...project(), slug, config: CONFIG.replace('title: Testprojekt', `title: Testprojekt ${k + 1}`) });
    const single = join(root, 'single');
    const first = await buildSite({ root, outDir: single, now });
    assert.deepEqual(first.rebuilt, slugs);
    const pdfAge = statSync(join(single, 'p1-norr', 'p1-norr.pdf')).mtimeMs;
    const shards = [1, 2, 3].map((i) => join(root, `shard-${i}`));
    for (const [i, out] of shards.entries()) await buildSite({ root, outDir: out, now, slugs: shardOf(slugs, `${i + 1}/3`) });
    // A shard's own site lists its own projects only.
    assert.equal(readdirSync(shards[0]!).filter((n) => slugs.includes(n)).length, 2);
    const assembled = join(root, 'assembled');
    const { slugs: joined } = await assembleSite({ shards, outDir: assembled });
    assert.deepEqual(joined, slugs);
    assert.deepEqual(differences(single, assembled), []);
    // The pages across the projects are among them: made from every shard's projects, none left from a shard.
    const listedOn = (page: string) => [...readFileSync(join(assembled, page), 'utf8').matchAll(/href="(?:\.\.\/)*(p\d-[a-z]+)\/index\.html"/g)].map((m) => m[1]!);
    assert.deepEqual([...new Set(listedOn('portfolio/commissioner/bestallaren.html'))].sort(), slugs);
    assert.deepEqual([...new Set(listedOn('portfolio/compare/participants.enrolled.html'))].sort(), slugs);
    assert.equal(new Set(listedOn('portfolio/search/titles-and-units.html')).size, slugs.length);
    assert.ok(readdirSync(join(shards[0]!, 'portfolio', 'year')).length > 0, 'a shard has its own portfolio pages, which assemble does not copy');
    // Nothing changed: every project kept, and the site the same bytes.
    const again = await buildSite({ root, outDir: single, now });
    assert.deepEqual(again.rebuilt, []);
    assert.ok(Math.abs(statSync(join(single, 'p1-norr', 'p1-norr.pdf')).mtimeMs - pdfAge) < 1, 'the PDF was not printed again (its time kept, to the file system\'s precision)');
    assert.deepEqual(differences(single, assembled), []);
    // A project in two shards is refused.
    await assert.rejects(assembleSite({ shards: [shards[0]!, shards[0]!], outDir: join(root, 'twice') }), /one shard only/);
  } finally {
    removeProject(root);
  }
});
