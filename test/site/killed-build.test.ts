// A build killed with SIGKILL (or stopped with SIGTERM) while Chromium prints: no Chromium process
// may outlive it, and the next build removes the temporary site folder and the Chromium profile it left. A finished site
// is readable by a web server (folders 0755, files 0644).
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildSite } from '../../scripts/site/build-site.ts';
import { launchBrowser, PROFILE_PREFIX } from '../../scripts/pdf/chromium.ts';
import { InputError } from '../../scripts/problems.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'killed-build-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Processes whose command line mentions `text` (Chromium's carry their profile folder). */
const processesWith = (text: string): string[] => {
  try {
    return execFileSync('pgrep', ['-f', text], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
};

const waitFor = async (what: string, ok: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (ok()) return;
  assert.fail(`timed out waiting for ${what}`);
};

describe('a build killed with SIGKILL', { timeout: 240_000 }, () => {
  it('leaves no Chromium running, and the next build removes its folders', async () => {
    const outDir = join(work, '_site');
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'scripts/cli/build.ts'), '--root', repo, '--out', outDir, 'mia-vidare'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise((r) => child.once('exit', r));
    await waitFor('the build to start printing', () => /printing pass 1/.test(out), 180_000);
    const pid = child.pid!;
    const profile = readdirSync(tmpdir()).find((n) => n.startsWith(`${PROFILE_PREFIX}${pid}-`));
    assert.ok(profile, 'the running build has a Chromium profile named after its pid');
    assert.ok(processesWith(profile).length > 0, 'Chromium runs with that profile');
    process.kill(pid, 'SIGKILL');
    await exited;

    await waitFor('every Chromium process of the killed build to exit', () => processesWith(profile).length === 0, 15_000);
    const staleTmp = readdirSync(work).filter((n) => n.startsWith(`_site.tmp-${pid}-`));
    assert.equal(staleTmp.length, 1, 'SIGKILL leaves the temporary site folder');
    assert.ok(existsSync(join(tmpdir(), profile)), 'SIGKILL leaves the Chromium profile');

    // A folder of a live process is never touched (this test's own pid stands for one).
    const live = join(work, `_site.tmp-${process.pid}-live`);
    mkdirSync(live);
    // The next build removes what the killed one left, before anything else (even one that then fails).
    await assert.rejects(buildSite({ root: repo, outDir, slugs: ['Not a name'] }), InputError);
    assert.deepEqual(readdirSync(work).filter((n) => n.startsWith('_site.tmp-')), [`_site.tmp-${process.pid}-live`]);
    const browser = await launchBrowser();
    await browser.close();
    assert.equal(existsSync(join(tmpdir(), profile)), false, 'the next launch removed the stale profile');
  });

  it('SIGTERM ends a build too (a listener of puppeteer once kept it running without its browser), and the last good site stays', async () => {
    const outDir = join(work, 'site-term');
    mkdirSync(outDir);
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'scripts/cli/build.ts'), '--root', repo, '--out', outDir, 'mia-vidare'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<[number | null, string | null]>((r) => child.once('exit', (code, signal) => r([code, signal])));
    await waitFor('the build to start printing', () => /printing pass 1/.test(out), 180_000);
    const profile = readdirSync(tmpdir()).find((n) => n.startsWith(`${PROFILE_PREFIX}${child.pid}-`))!;
    child.kill('SIGTERM');
    const ended = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 20_000))]);
    if (ended === 'running') child.kill('SIGKILL');
    assert.deepEqual(ended, [null, 'SIGTERM'], 'the build ends on SIGTERM');
    await waitFor('every Chromium process of the stopped build to exit', () => processesWith(profile).length === 0, 15_000);
    assert.deepEqual(readdirSync(outDir), [], 'the output folder is as it was');
  });

  it('a finished site is readable by a web server', async () => {
    const outDir = join(work, 'site-perms');
    const umask = process.umask(0o077); // even with a strict umask
    try {
      await buildSite({ root: repo, outDir, slugs: ['mia-vidare'], pdf: false, now: new Date('2024-01-01T00:00:00Z') });
    } finally {
      process.umask(umask);
    }
    const walk = (dir: string): void => {
      assert.equal(statSync(dir).mode & 0o777, 0o755, dir);
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else assert.equal(statSync(join(dir, e.name)).mode & 0o777, 0o644, join(dir, e.name));
      }
    };
    walk(outDir);
  });
});
