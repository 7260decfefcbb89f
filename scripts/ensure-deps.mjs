// Installs what is missing before a build or a test run, so a fresh clone needs no setup step.
// Plain JavaScript on purpose: it must run before tsx (a dependency) is installed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { delimiter, join } from 'node:path';
import { isExecutableFile, lookForChromium } from './pdf/find-chromium.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const stampFile = join(root, 'node_modules', '.deps-stamp');
const lock = readFileSync(join(root, 'package-lock.json'));
const want = createHash('sha256').update(lock).digest('hex');
const have = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';

if (have !== want) {
  console.log(existsSync(join(root, 'node_modules'))
    ? 'package-lock.json changed: reinstalling dependencies (npm ci)…'
    : 'First run: installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  writeFileSync(stampFile, want + '\n');
}

// A Chromium prints the PDF (puppeteer-core downloads none), and poppler-utils (pdfinfo,
// pdftotext, pdftoppm) let the tests and a person check it. Only plain file checks when all is
// there; apt-get runs only when something is missing. SKIP_CHROMIUM=1 skips this step.
if (process.env.SKIP_CHROMIUM !== '1') ensureChromium();

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutableFile(join(dir, command)));
}

function ensureChromium() {
  let found = lookForChromium();
  if (found.fromEnv) {
    // The environment names a browser that isn't there: installing one would not change that.
    console.error(`ensure-deps: ${found.error}`);
    process.exit(1);
  }
  const missing = [];
  if (!found.path) missing.push('chromium');
  if (!onPath('pdfinfo') || !onPath('pdftoppm')) missing.push('poppler-utils');
  if (missing.length === 0) return;

  const command = `apt-get update -qq && apt-get install -y -qq ${missing.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !onPath('apt-get')) {
    const why = missing.includes('chromium')
      ? 'No Chromium found: it prints the PDF reports.'
      : 'poppler-utils (pdfinfo, pdftoppm) is missing: the PDF tests use it.';
    const how = isRoot
      ? `Install ${missing.join(' and ')} with your system's package manager`
      : `Run as root: ${command}`;
    const message =
      `ensure-deps: ${why}\n  ${how}\n` +
      '  (or set CHROMIUM_PATH=/path/to/chromium; SKIP_CHROMIUM=1 skips this check).';
    if (missing.includes('chromium')) {
      console.error(message);
      process.exit(1);
    }
    console.warn(message); // the build itself does not need poppler-utils
    return;
  }

  console.log(`ensure-deps: installing ${missing.join(' and ')} with apt-get (takes a minute or two)…`);
  const started = Date.now();
  try {
    console.log('ensure-deps: apt-get update…');
    execSync('apt-get update -qq', { stdio: 'inherit' });
    console.log(`ensure-deps: apt-get install -y -qq ${missing.join(' ')}…`);
    execSync(`apt-get install -y -qq ${missing.join(' ')}`, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(`ensure-deps: installing failed. Try by hand, as root: ${command}`);
    process.exit(1);
  }
  found = lookForChromium();
  if (!found.path) {
    console.error(`ensure-deps: apt-get finished, but still: ${found.error}`);
    process.exit(1);
  }
  console.log(`ensure-deps: ready in ${Math.round((Date.now() - started) / 1000)} s (Chromium: ${found.path}).`);
}
