// npm run build -- --root <dir> from a folder outside the repository, started from that folder:
// the site (pages, PDF, data) is written there and passes the personal-data scan; a planted
// participant id fails the build with a clear message, no stack trace, old site kept.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';

const repo = join(import.meta.dirname, '..', '..');
const slug = 'samverkan-leder-till-arbete';
const root = mkdtempSync(join(tmpdir(), 'eval-report-root-'));
for (const d of ['content', 'data']) cpSync(join(repo, d, slug), join(root, d, slug), { recursive: true });
const build = () =>
  spawnSync(process.execPath, ['--import', pathToFileURL(join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(repo, 'scripts', 'cli', 'build.ts'), '--root', root, '--quiet'], { cwd: root, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });

describe('a project folder outside the repository', () => {
  after(() => rmSync(root, { recursive: true, force: true }));
  it('builds into <root>/_site when started from that folder', () => {
    const r = build();
    assert.equal(r.status, 0, r.stderr);
    for (const f of ['index.html', `${slug}.pdf`, 'indicators.json']) assert.ok(existsSync(join(root, '_site', slug, f)), f);
  });
  it('fails with a clear message and keeps the site when a participant id is planted', () => {
    const before = readFileSync(join(root, '_site', slug, 'index.html'), 'utf8');
    const id = readFileSync(join(root, 'data', slug, 'deltagare.csv'), 'utf8').replace(/^\ufeff/, '').split(/\r?\n/)[1]!.split(/[;,]/)[0]!;
    const file = join(root, 'content', slug, 'relevans.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nDeltagare ${id}.\n`);
    const r = build();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^Build failed/);
    assert.match(r.stderr, /relevans\.md line \d+/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(readFileSync(join(root, '_site', slug, 'index.html'), 'utf8'), before);
  });
});
