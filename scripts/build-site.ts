// Builds every project into a temporary folder and only then replaces the output folder, so a
// failed build never destroys the last good site.
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildIndicators } from './indicators.ts';
import { writeOutputs } from './write-outputs.ts';

export interface BuildOptions {
  /** Folder holding content/ and data/. */
  root: string;
  /** Output folder, replaced only when every project built. */
  outDir: string;
  /** Projects to build; default every folder of content/ with a report.yaml. */
  slugs?: string[];
  /** Build date written into the reports (pin it for reproducible output). */
  now?: Date;
  log?: (line: string) => void;
}

export function listProjects(root: string): string[] {
  const content = join(root, 'content');
  if (!existsSync(content)) return [];
  return readdirSync(content, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(content, d.name, 'report.yaml')))
    .map((d) => d.name)
    .sort();
}

export async function buildSite(opts: BuildOptions): Promise<{ slugs: string[] }> {
  const log = opts.log ?? (() => {});
  const root = resolve(opts.root);
  const outDir = resolve(opts.outDir);
  const slugs = opts.slugs?.length ? opts.slugs : listProjects(root);
  const now = opts.now ?? new Date();
  // The temporary folder sits beside the output so that the final rename stays on one disk.
  const tmp = mkdtempSync(join(dirname(outDir), `${basename(outDir)}.tmp-`));
  try {
    for (const slug of slugs) {
      const started = performance.now();
      const indicators = await buildIndicators({ root, slug }, now);
      const csvs = writeOutputs(join(tmp, slug), indicators);
      log(`${slug}: ${indicators.figures.length} figures, ${indicators.goals.length} goals, ${indicators.checks.length} checks, ${csvs.length} CSV files (${Math.round(performance.now() - started)} ms)`);
    }
    swapInto(tmp, outDir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return { slugs };
}

function swapInto(tmp: string, outDir: string): void {
  const old = `${outDir}.old-${process.pid}`;
  const hadOld = existsSync(outDir);
  if (hadOld) renameSync(outDir, old);
  try {
    renameSync(tmp, outDir);
  } catch (err) {
    if (hadOld) renameSync(old, outDir); // put the last good site back
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}
