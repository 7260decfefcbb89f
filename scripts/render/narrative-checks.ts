// What is checked in a project's narrative before anything is rendered, by `npm run check` and by
// the build alike: each section file is a readable file inside the project (input-file.ts), holds
// no number typed by hand (lintNarrative), and links that will be shown as text are warned about,
// as are those in the answers of report.yaml.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Config } from '../config/load.ts';
import type { Problem } from '../problems.ts';
import { configTextChecks } from '../read/config-texts.ts';
import { inputFileProblem } from '../read/input-file.ts';
import { configPath } from '../read/project.ts';
import { lintNarrative, narrativeWarnings } from './narrative.ts';
import { maskText } from '../privacy/mask.ts';

export function narrativeChecks(root: string, slug: string, config: Config): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const cfgFile = configPath({ root, slug });
  const cfgShown = relative(root, cfgFile);
  for (const s of config.sections) {
    const file = join(root, 'content', slug, s.file);
    const shown = relative(root, file);
    const refused = inputFileProblem(file, root, shown);
    if (!existsSync(file)) problems.push({ file: shown, expected: `the narrative file named in sections of ${cfgShown}` });
    else if (refused) problems.push(refused);
    else {
      const source = readFileSync(file, 'utf8');
      // Linted masked: an identity number is reported once, as such, never in pieces.
      problems.push(...lintNarrative(shown, maskText(source)));
      warnings.push(...narrativeWarnings(shown, source));
    }
  }
  warnings.push(...configTextChecks(config, () => readFileSync(cfgFile, 'utf8'), cfgShown).warnings);
  return { problems, warnings };
}
