// The warnings about a project's narrative that check and the build print alike: links that will
// be shown as text, in the section files and in the answers of report.yaml. What is refused
// (missing or unreadable files, typed numbers, identity numbers) is found by the resolver
// (scripts/site/resolve-project.ts, textProblems), which both run too.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Config } from '../config/load.ts';
import type { Problem } from '../problems.ts';
import { configTextChecks } from '../read/config-texts.ts';
import { inputFileProblem } from '../read/input-file.ts';
import { configPath } from '../read/project.ts';
import { narrativeWarnings } from './narrative.ts';

export function linkWarnings(root: string, slug: string, config: Config): Problem[] {
  const warnings: Problem[] = [];
  const cfgFile = configPath({ root, slug });
  const cfgShown = relative(root, cfgFile);
  for (const s of config.sections) {
    const file = join(root, 'content', slug, s.file);
    const shown = relative(root, file);
    if (existsSync(file) && !inputFileProblem(file, root, shown)) warnings.push(...narrativeWarnings(shown, readFileSync(file, 'utf8')));
  }
  warnings.push(...configTextChecks(config, () => readFileSync(cfgFile, 'utf8'), cfgShown).warnings);
  return warnings;
}
