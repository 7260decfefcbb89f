// `eval-report assemble`: the outputs of `build --shard i/n` joined into one site. Each shard's
// project folders are copied as they are (pages, PDF, indicators.json, CSVs: built, checked and
// scanned by the shard), and what spans the projects is made again from every project's
// published indicators.json: the index, and build-cache.json. With the build date pinned the
// result is byte for byte the site one machine builds. Like build, it writes into a temporary
// folder beside the output, which replaces the output only when everything succeeded.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Indicators } from '../publish/indicators-schema.ts';
import { InputError, type Problem } from '../problems.ts';
import { ownedPrefix, removeStaleFolders } from '../stale-folders.ts';
import { CACHE_FILE, loadManifest, type CacheManifest } from './build-cache.ts';
import { checkSitePages, readableByAll, renderPages, swapInto, writeManifest } from './build-site.ts';
import { AxeTabs } from './verify-site.ts';
import { SITE_WIDE } from '../portfolio/site-pages.ts';
import { launchBrowser } from '../pdf/chromium.ts';
import { serveStatic } from './serve-static.ts';
import { PROJECT_NAME } from './projects.ts';
import { siteText, statusText } from '../problem-messages.ts';

export interface AssembleOptions {
  shards: string[];
  outDir: string;
  log?: (line: string) => void;
  /** Check the new index with axe-core in Chromium (default). */
  check?: boolean;
}

/** The project folders of a shard's output: those its build-cache.json names. */
function shardProjects(dir: string): { slugs: string[]; keys: Record<string, string> } {
  let manifest: CacheManifest;
  try {
    manifest = loadManifest(dir);
  } catch (err) {
    throw new InputError([{ file: join(dir, CACHE_FILE), value: existsSync(dir) ? siteText.manifestUnreadable : siteText.noSuchFolder, expected: siteText.shardOutput }], { cause: err });
  }
  const slugs = Object.keys(manifest.projects);
  const problems: Problem[] = slugs.filter((s) => !PROJECT_NAME.test(s) || !existsSync(join(dir, s, 'indicators.json'))).map((s) => ({ file: join(dir, CACHE_FILE), value: s, expected: siteText.shardProject }));
  if (problems.length > 0) throw new InputError(problems);
  return { slugs, keys: manifest.projects };
}

export async function assembleSite(opts: AssembleOptions): Promise<{ slugs: string[] }> {
  const log = opts.log ?? (() => {});
  const outDir = resolve(opts.outDir);
  const shards = opts.shards.map((s) => resolve(s));
  const parts = shards.map(shardProjects);
  const owner = new Map<string, string>();
  const problems: Problem[] = [];
  for (const [i, part] of parts.entries()) {
    for (const slug of part.slugs) {
      if (owner.has(slug)) problems.push({ file: shards[i]!, value: slug, expected: siteText.oneShardOnly(owner.get(slug)!) });
      else owner.set(slug, shards[i]!);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  removeStaleFolders(dirname(outDir), `${basename(outDir)}.tmp-`);
  removeStaleFolders(dirname(outDir), `${basename(outDir)}.old-`);
  mkdirSync(dirname(outDir), { recursive: true }); // --out may name a folder whose parent does not exist yet
  const tmp = mkdtempSync(join(dirname(outDir), ownedPrefix(`${basename(outDir)}.tmp-`)));
  try {
    // What is not a project (the assets, robots.txt) is the same in every shard: the first one's.
    // The pages across the projects are made anew below (a shard's own list only its projects).
    for (const entry of readdirSync(shards[0]!, { withFileTypes: true })) {
      if (owner.has(entry.name) || entry.name === CACHE_FILE || (SITE_WIDE as readonly string[]).includes(entry.name)) continue;
      cpSync(join(shards[0]!, entry.name), join(tmp, entry.name), { recursive: true });
    }
    const listed: Indicators[] = [];
    const keys = new Map<string, string>();
    for (const [i, part] of parts.entries()) {
      for (const slug of part.slugs) {
        cpSync(join(shards[i]!, slug), join(tmp, slug), { recursive: true, preserveTimestamps: true });
        listed.push(JSON.parse(readFileSync(join(tmp, slug, 'indicators.json'), 'utf8')) as Indicators);
        keys.set(slug, part.keys[slug]!);
      }
    }
    log(statusText.fromShards(listed.length, shards.length));
    const sitePages = await renderPages([], listed, tmp);
    if (opts.check !== false) {
      const found = await checkIndex(tmp, sitePages);
      if (found.length > 0) throw new InputError(found);
      log(statusText.sitePagesChecked(sitePages.length));
    }
    writeManifest(tmp, undefined, keys, []);
    readableByAll(tmp);
    swapInto(tmp, outDir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return { slugs: [...owner.keys()].sort() };
}

/** The pages made here, against WCAG 2.1 A and AA, as a build checks them (the shards checked their reports). */
async function checkIndex(dir: string, pages: string[]): Promise<Problem[]> {
  const browser = await launchBrowser();
  const server = await serveStatic(dir);
  const axe = new AxeTabs(browser);
  try {
    return await checkSitePages(axe, server.url, pages);
  } finally {
    await axe.close();
    await server.close();
    await browser.close();
  }
}
