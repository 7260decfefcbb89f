// axe-core (WCAG 2.1 A and AA) on one page of a built site, as test/site.test.ts runs it: the
// violations as short lines, [] when there are none.
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';

export async function axeViolations(browser: Browser, url: string): Promise<string[]> {
  const tab = await browser.newPage();
  try {
    await tab.setBypassCSP(true); // only to inject axe itself
    await tab.setViewport({ width: 1200, height: 900 });
    await tab.goto(url, { waitUntil: 'load' });
    await tab.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const result = (await tab.evaluate(() =>
      // @ts-expect-error axe is injected into the page
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
  } finally {
    await tab.close();
  }
}
