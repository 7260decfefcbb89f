// Installs what is missing before a build or a test run, so a fresh clone needs no setup step.
// Plain JavaScript on purpose: it must run before tsx (a dependency) is installed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

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
