// The problems parseConfig finds in a report.yaml text, for tests of the configuration checks.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../scripts/config/load.ts';
import { InputError, type Problem } from '../../scripts/problems.ts';

/** MIA Vidare's report.yaml: a configuration every check accepts. */
export const EXAMPLE = readFileSync(fileURLToPath(new URL('../../content/mia-vidare/report.yaml', import.meta.url)), 'utf8');
export const FILE = 'content/demo/report.yaml';

export function problems(text: string): Problem[] {
  try {
    parseConfig(text, FILE);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  return [];
}

/** The first line of `text` holding `needle` (1-based). */
export const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
