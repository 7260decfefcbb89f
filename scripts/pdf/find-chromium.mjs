// Where the Chromium that prints the PDF is looked for. Plain JavaScript (with types in
// find-chromium.d.mts) because scripts/ensure-deps.mjs uses it before any dependency exists;
// scripts/pdf/chromium.ts builds on it.
import { accessSync, constants, statSync } from 'node:fs';

/** Where a Chromium or Chrome is usually installed, in the order they are tried. */
export const WELL_KNOWN_CHROMIUM_PATHS = Object.freeze([
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]);

export const INSTALL_HINT =
  'Install one as root with `apt-get update && apt-get install -y chromium` ' +
  '(Debian/Ubuntu; binary /usr/bin/chromium), or set CHROMIUM_PATH=/path/to/chromium ' +
  'to a Chromium or Chrome you already have.';

/** The environment variables that name a browser, in the order they are read. */
export const CHROMIUM_ENV_VARS = Object.freeze(['CHROMIUM_PATH', 'PUPPETEER_EXECUTABLE_PATH']);

export function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Looks for a Chromium: env CHROMIUM_PATH, then PUPPETEER_EXECUTABLE_PATH, then the well-known
 * paths. Returns `{ path }`, or `{ error, fromEnv }` where `fromEnv` names the variable that
 * points nowhere (installing a browser would not help then) or is null when none was found.
 */
export function lookForChromium(env = process.env, candidates = WELL_KNOWN_CHROMIUM_PATHS) {
  for (const name of CHROMIUM_ENV_VARS) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (isExecutableFile(value)) return { path: value };
    return {
      fromEnv: name,
      error:
        `${name} is set to "${value}", but no executable Chromium is there. ` +
        `Fix or unset ${name}. ${INSTALL_HINT}`,
    };
  }
  for (const path of candidates) {
    if (isExecutableFile(path)) return { path };
  }
  return {
    fromEnv: null,
    error:
      `No Chromium found (looked at ${CHROMIUM_ENV_VARS.join(', ')} and ${candidates.join(', ')}). ` +
      `The PDF is printed with Chromium. ${INSTALL_HINT}`,
  };
}
