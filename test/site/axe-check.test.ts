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
import { AxeTabs, accessibilityViolations } from '../../scripts/site/verify-site.ts';

const page = (body: string) => `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Sida</title></head><body><main><h1>Sida</h1>${body}</main></body></html>`;

describe('the accessibility check of the build', () => {
  let dir = '';
  let server: StaticServer;
  let browser: Browser;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'axe-check-'));
    writeFileSync(join(dir, 'good.html'), page('<p>Text.</p>'));
    writeFileSync(join(dir, 'bad.html'), page('<img src="x.png"><p>Text.</p>'));
    // Pale text in the page and in a table; the same pale text inside a chart image.
    writeFileSync(join(dir, 'pale.html'), page('<p style="color:#bbbbbb">Blek text.</p><table><tr><th>Enhet</th></tr><tr><td style="color:#cccccc">HBS</td></tr></table>'));
    writeFileSync(join(dir, 'chart.html'), page('<svg role="img" aria-labelledby="t" width="200" height="40"><title id="t">Diagram</title><text x="4" y="20" fill="#cccccc">HBS 22 %</text></svg>'));
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

  it('finds pale text in the page and in a table, but leaves text inside a chart image to the palette test', async () => {
    const pale = await accessibilityViolations(browser, `${server.url}pale.html`);
    const contrast = pale.find((v) => v.startsWith('color-contrast:'));
    assert.match(contrast ?? pale.join('\n'), /\(p; td\)$/);
    assert.deepEqual(await accessibilityViolations(browser, `${server.url}chart.html`), []);
  });

  it('a reused tab checks each page afresh: nothing of the page before carries over', async () => {
    const tabs = new AxeTabs(browser);
    try {
      const seen = [];
      for (const p of ['bad', 'good', 'pale', 'good', 'bad']) seen.push((await tabs.violations(`${server.url}${p}.html`)).map((v) => v.split(':')[0]).join(' '));
      assert.deepEqual(seen, ['image-alt', '', 'color-contrast', '', 'image-alt']);
      assert.equal((await browser.pages()).length - 1, 1, 'one tab for the five pages (and the browser\'s first blank one)');
    } finally {
      await tabs.close();
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
