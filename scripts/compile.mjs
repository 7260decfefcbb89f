// The command line as compiled JavaScript: esbuild bundles scripts/ (our TypeScript, not the
// packages, which stay in node_modules/) into .build/cli/, so that a command starts with plain
// Node instead of compiling TypeScript through tsx at every start (about a quarter of a clean
// build's CPU). The bundle is rebuilt whenever a source file changed (a SHA-256 over scripts/,
// package.json and esbuild's version names its folder): compiling takes under a second.
// The tests keep running the sources through tsx. Plain JavaScript: it runs before anything else.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// This file is scripts/compile.mjs, or bundled into .build/cli-<hash>/ with the bench command.
const here = dirname(fileURLToPath(import.meta.url));
const root = existsSync(join(here, '..', 'package.json')) ? join(here, '..') : join(here, '..', '..');
const buildRoot = join(root, '.build');

/** The compiled entry points, by output name. */
const ENTRIES = {
  'eval-report': 'scripts/cli/main.ts',
  'bench-run': 'scripts/cli/bench-run.ts',
  'bench-rebuild': 'scripts/cli/bench-rebuild.ts',
  'duckdb-peer': 'scripts/bench/duckdb-peer.ts',
  // the build's worker threads (scripts/site/data-pool.ts loads it from beside its own chunk)
  'data-worker': 'scripts/site/data-worker.ts',
};

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mts|mjs|js)$/.test(e.name) ? [join(dir, e.name)] : []));
}

function sourceHash(esbuildVersion) {
  const h = createHash('sha256').update(`esbuild ${esbuildVersion}\n`);
  for (const file of [...sources(join(root, 'scripts')), join(root, 'package.json')].sort()) h.update(`${relative(root, file)}\n`).update(readFileSync(file));
  return h.digest('hex').slice(0, 16);
}

/**
 * The file:// URL of a compiled entry point (see ENTRIES), compiling first when the sources
 * changed; undefined when esbuild is not installed or compiling failed (then run the sources).
 * Each version of the sources has its own folder, .build/cli-<hash>/: two levels below the
 * repository, as scripts/<folder>/ is, so the paths modules build from their own place stay
 * right; and a process still running an older version keeps its files.
 */
export async function compiled(entry = 'eval-report') {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  const dir = join(buildRoot, `cli-${sourceHash(esbuild.version)}`);
  const out = join(dir, `${entry}.mjs`);
  if (!existsSync(out) && !(await compile(esbuild, dir))) return undefined;
  return pathToFileURL(out).href;
}

/**
 * Packages left to Node's own loader: native code or WebAssembly beside their JavaScript
 * (@napi-rs/canvas, highs), a loader hook registered by path (Eleventy), a worker script loaded
 * by path (pdfjs), a browser driver that reads its own files (puppeteer-core), and the tools
 * (esbuild, tsx, DuckDB for the benchmark).
 */
const OUTSIDE_THE_BUNDLE = ['@napi-rs/canvas', 'highs', '@11ty/eleventy', 'pdfjs-dist', 'puppeteer-core', 'esbuild', 'tsx', '@duckdb/node-api'];

/** Bundles every entry point into a fresh folder, renamed to `dir` when done (a parallel start sees it whole or not at all). */
async function compile(esbuild, dir) {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, src]) => [name, join(root, src)])),
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true, // each command in its own chunk: `check` never loads Eleventy
      // The packages are bundled too: Node's ESM loader spent about 0.6 CPU-s of every start
      // resolving and translating the ~700 files of vega, d3, yaml, zod and markdown-it one by
      // one (in each data worker again). Kept outside are those that load files of their own
      // folder by path at run time (OUTSIDE_THE_BUNDLE).
      external: OUTSIDE_THE_BUNDLE,
      // The CommonJS packages in the bundle (iconv-lite, nunjucks' helpers …) call require().
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
    });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    console.warn(`eval-report: compiling scripts/ failed, running the TypeScript sources instead (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    return false;
  }
  try {
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir)) throw err; // else another process compiled the same sources first
  }
  removeOldVersions(dir);
  return true;
}

/** Folders of earlier sources (and of killed compiles) not touched for an hour. */
function removeOldVersions(keep) {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(buildRoot)) {
    const path = join(buildRoot, name);
    if (path !== keep && name.startsWith('cli-') && statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
  }
}
