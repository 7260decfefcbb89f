// Where an input file may be: a regular file inside the project root (the folder holding content/
// and data/). A folder, a device, a pipe, or a path that leads outside the root (a symbolic link,
// or "../" in a file name of report.yaml) is refused naming the path as given, before a byte of it
// is read, so nothing of a file elsewhere on the machine is ever printed.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import type { Problem } from '../problems.ts';
import { readText } from '../problem-messages.ts';

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * The problem with reading `path` as an input file, or null when it may be read (or does not
 * exist: callers say what was expected there). `shown` is the path as messages name it.
 */
export function inputFileProblem(path: string, root: string, shown: string): Problem | null {
  if (!existsSync(path)) return null;
  const realRoot = realpathSync(resolve(root));
  if (!inside(resolve(root), resolve(path)) || !inside(realRoot, realpathSync(path)))
    return { file: shown, expected: readText.insideProject(resolve(path) !== realpathSync(path)) };
  const stat = statSync(path);
  if (stat.isDirectory()) return { file: shown, expected: readText.notAFolder };
  if (!stat.isFile()) return { file: shown, expected: readText.regularFile };
  return null;
}
