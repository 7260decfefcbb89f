// Lists the functions of a source tree longer than a limit (lines from the declaration to its
// closing brace), with the TypeScript parser. Run `node --import tsx test/helpers/long-functions.ts
// [folder …] [--max 60]` to print them; test/function-length.test.ts enforces the limit where the
// code was made to keep it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface LongFunction { file: string; name: string; line: number; lines: number }

const REPO = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts') ? [path] : [];
  });
}

/** The name a function is known by: its own, its variable's, its property's or its class method's. */
function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const own = (node as ts.FunctionLikeDeclaration).name;
  if (own) return own.getText(sf);
  const p = node.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p))) return p.name.getText(sf);
  return '(anonymous)';
}

/** Every function of `files` (absolute paths) over `max` lines; nested functions count on their own too. */
export function longFunctions(files: string[], max: number): LongFunction[] {
  const out: LongFunction[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
        const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (end - start + 1 > max) out.push({ file: relative(REPO, file), name: nameOf(node, sf), line: start + 1, lines: end - start + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out.sort((a, b) => b.lines - a.lines);
}

/** Long functions under folders given relative to the repository. */
export const longFunctionsUnder = (folders: string[], max = 60): LongFunction[] => longFunctions(folders.flatMap((f) => sourceFiles(join(REPO, f))), max);

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--max');
  const max = at >= 0 ? Number(args[at + 1]) : 60;
  const folders = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  const found = longFunctionsUnder(folders.length ? folders : ['scripts'], max);
  for (const f of found) console.log(`${String(f.lines).padStart(4)} lines  ${f.file}:${f.line}  ${f.name}`);
  console.log(`${found.length} function(s) over ${max} lines`);
}
