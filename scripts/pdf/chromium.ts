// Finding and launching the Chromium that prints the PDF (and runs browser tests).
// puppeteer-core never downloads a browser (no download is possible on the build machines):
// we use a system Chromium, Debian's `chromium` package by default.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ownedPrefix, removeStaleFolders } from '../stale-folders.ts';
import { INSTALL_HINT, WELL_KNOWN_CHROMIUM_PATHS, lookForChromium } from './find-chromium.mjs';
import { pdfText } from '../problem-messages.ts';

export { INSTALL_HINT, WELL_KNOWN_CHROMIUM_PATHS };

/**
 * The path of a Chromium to drive: env CHROMIUM_PATH first, then PUPPETEER_EXECUTABLE_PATH,
 * then well-known install paths. A path given in the environment must work: if it doesn't,
 * this throws rather than silently using another browser. The error says how to install one.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = WELL_KNOWN_CHROMIUM_PATHS,
): string {
  const found = lookForChromium(env, candidates);
  if (found.path !== undefined) return found.path;
  throw new Error(found.error);
}

/** The command-line flags we launch Chromium with (see the tech notes). */
export function chromiumArgs(isRoot = process.getuid?.() === 0): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-dev-shm-usage',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ];
}

/** Temporary profiles are `<tmpdir>/eval-report-chromium-<pid>-…`. */
export const PROFILE_PREFIX = 'eval-report-chromium-';

/**
 * Launches a headless Chromium with a fresh temporary profile, which is removed when the
 * browser closes (or crashes). Close it with `browser.close()`.
 *
 * Chromium talks to us over a pipe (`pipe: true`), not a WebSocket: when this process dies, even
 * by SIGKILL, the pipe closes and Chromium exits with all its helper processes. Puppeteer starts it
 * in its own process group and kills that group on close and on SIGINT. A profile
 * left by a killed build is removed by the next launch (its process is gone).
 */
export async function launchBrowser(options: { executablePath?: string } = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? findChromium();
  removeStaleFolders(tmpdir(), PROFILE_PREFIX);
  const userDataDir = mkdtempSync(join(tmpdir(), ownedPrefix(PROFILE_PREFIX)));
  const removeProfile = (): void => {
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch (err) {
      console.warn(pdfText.profileNotRemoved(userDataDir, String(err)));
    }
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      // Puppeteer answers SIGTERM and SIGHUP by closing the browser, and its listener keeps Node
      // from ending: a build sent SIGTERM went on without its browser. Without the listeners the
      // signal ends the process as usual, the pipe closes and Chromium exits with it (its
      // profile is removed by the next launch); serve has its own listeners for a clean stop.
      handleSIGTERM: false,
      handleSIGHUP: false,
      userDataDir,
      args: chromiumArgs(),
      timeout: 30_000,
    });
  } catch (err) {
    removeProfile();
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(pdfText.chromiumStart(executablePath, message, INSTALL_HINT), { cause: err });
  }
  // The profile can only be removed once the Chromium process has exited (it writes to the
  // profile until then; 'disconnected' fires earlier). This covers close(), a crash and a kill.
  const proc = browser.process();
  const closed = new Promise<void>((resolve) => {
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
  }).then(() => {
    process.off('exit', removeProfile);
    removeProfile();
  });
  // Node exiting without close() (process.exit, an uncaught error): puppeteer's own exit
  // handler, registered before this one, has killed Chromium; remove the profile then too.
  process.once('exit', removeProfile);
  const close = browser.close.bind(browser);
  browser.close = async () => {
    try {
      await close();
    } finally {
      await closed;
    }
  };
  return browser;
}
