// The build's accessibility check (scripts/site/verify-site.ts) over the build's static server,
// which serves axe-core beside the site: it finds a planted violation, passes a clean page, and
// the checker's script path serves nothing else.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from '../../scripts/pdf/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/site/serve-static.ts';
import { accessibilityViolations } from '../../scripts/site/verify-site.ts';

const page = (body: string) => `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Sida</title></head><body><main><h1>Sida</h1>${body}</main></body></html>`;

describe('the accessibility check of the build', () => {
  let dir = '';
  let server: StaticServer;
  let browser: Browser;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'axe-check-'));
    writeFileSync(join(dir, 'good.html'), page('<p>Text.</p>'));
    writeFileSync(join(dir, 'bad.html'), page('<img src="x.png"><p>Text.</p>'));
    server = await serveStatic(dir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds an image without alternative text, on every page it checks (axe-core from the cache after the first)', async () => {
    for (let i = 0; i < 2; i++) {
      const found = await accessibilityViolations(browser, `${server.url}bad.html`);
      assert.ok(found.some((v) => v.startsWith('image-alt:')), found.join('\n'));
    }
  });

  it('passes a clean page', async () => {
    assert.deepEqual(await accessibilityViolations(browser, `${server.url}good.html`), []);
  });

  it('serves axe-core at its own path and nothing outside the folder beside it', async () => {
    const axe = await fetch(`${server.url}.eval-report/axe.min.js`);
    assert.equal(axe.status, 200);
    assert.match(await axe.text(), /axe/);
    assert.equal((await fetch(`${server.url}.eval-report/package.json`)).status, 404);
  });
});
