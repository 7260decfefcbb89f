// axe-core (WCAG 2.1 A and AA) on one page of a built site, with the build's own checker
// (scripts/site/verify-site.ts): serves the folder, starts Chromium, returns the violations as short
// lines ([] when there are none) and closes both.
import { launchBrowser } from '../scripts/pdf/chromium.ts';
import { serveStatic } from '../scripts/site/serve-static.ts';
import { accessibilityViolations } from '../scripts/site/verify-site.ts';

export async function axeOnSite(siteDir: string, page: string): Promise<string[]> {
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    return await accessibilityViolations(browser, `${server.url}${page}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
