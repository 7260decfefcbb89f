// The incremental build's rule: a project is not rebuilt when its key is the one the last good
// site recorded for it. The key is a SHA-256 over everything its output is made of: report.yaml
// and every file of the project's content/ and data/ folders (names and bytes), the templates,
// the tool's own code (scripts/) and version, the build date when it is pinned, and whether the
// PDF is printed. The keys are kept in build-cache.json at the top of the output folder, written
// only as part of a site that built whole; a project whose key matches is copied from there.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { siteText } from '../problem-messages.ts';

export const CACHE_FILE = 'build-cache.json';

export interface CacheManifest {
  /** How the keys are made; another format is not read. */
  format: 1;
  /** Project slug → key. */
  projects: Record<string, string>;
}

const REPO = join(import.meta.dirname, '..', '..');

/** Every file under `dir` (sorted, links not followed), as relative path and bytes, into `h`. */
function hashTree(h: ReturnType<typeof createHash>, dir: string, base: string): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) hashTree(h, path, base);
    else if (e.isFile()) h.update(`${relative(base, path)}\0`).update(readFileSync(path)).update('\0');
    else h.update(`${relative(base, path)}\0(not a file)\0`); // a link is refused by the loader: its key must not match a good build's
  }
}

/** The hash of the tool: its version, code and templates (the same for every project of a build). */
export function toolKey(): string {
  const h = createHash('sha256');
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
  h.update(`eval-report ${pkg.version}\0`);
  for (const d of ['scripts', 'templates']) hashTree(h, join(REPO, d), REPO);
  for (const f of ['.eleventy.js', 'package-lock.json']) if (existsSync(join(REPO, f))) h.update(f).update(readFileSync(join(REPO, f)));
  return h.digest('hex');
}

/** A project's key: see the rule at the top. */
export function projectKey(root: string, slug: string, tool: string, options: { now?: Date; pdf: boolean }): string {
  const h = createHash('sha256').update(`${tool}\0${options.now?.toISOString() ?? 'date not pinned'}\0pdf ${options.pdf}\0`);
  for (const d of ['content', 'data']) {
    h.update(`${d}\0`);
    hashTree(h, join(root, d, slug), join(root, d));
  }
  return h.digest('hex');
}

/** The manifest of the site in `outDir`; throws when it has none that this version reads (a missing file, bad JSON, another format). */
export function loadManifest(outDir: string): CacheManifest {
  const file = join(outDir, CACHE_FILE);
  const m = JSON.parse(readFileSync(file, 'utf8')) as CacheManifest | null;
  if (m?.format !== 1 || typeof m.projects !== 'object' || m.projects === null) throw new Error(siteText.manifestFormat(file));
  return m;
}

/** The manifest of the site in `outDir`, or none if it has none that this version reads (then nothing is kept). */
export function readManifest(outDir: string): CacheManifest | undefined {
  try {
    return loadManifest(outDir);
  } catch {
    return undefined;
  }
}
