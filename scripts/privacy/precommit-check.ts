// A pre-commit check for a project repository (or this one): refuses a commit that stages
// participant data. Rule: a file under data/<slug>/ may be committed only when that folder holds
// a SYNTHETIC marker file (the examples' generated data does), and no staged text file may hold
// a personal identity or coordination number with a valid check digit.
//
//   npm run check-commit                       check the staged files of the current repository
//   npm run check-commit -- --install <repo>   install it as <repo>/.git/hooks/pre-commit
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findIdentityNumbers, maskIdentityNumber } from './personnummer.ts';
import { maskStdio } from './mask.ts';
import { privacyText } from '../problem-messages.ts';

export const MARKER = 'SYNTHETIC';

const git = (repo: string, args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'buffer', maxBuffer: 1 << 30 });

/** What is wrong with the staged files of `repo`; empty when the commit may go ahead. */
export function checkStaged(repo: string): string[] {
  const staged = git(repo, ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z']).toString('utf8').split('\0').filter(Boolean);
  const problems: string[] = [];
  for (const file of staged) {
    const m = /^data\/([^/]+)\/(.+)$/.exec(file);
    if (m && m[2] !== MARKER) {
      // The marker must be in the commit too (staged or already committed), not just on disk.
      const inIndex = git(repo, ['ls-files', '--cached', '--', `data/${m[1]}/${MARKER}`]).toString('utf8').trim() !== '';
      if (!inIndex) problems.push(privacyText.dataCommitted(file, `data/${m[1]}/${MARKER}`));
    }
    const bytes = git(repo, ['show', `:${file}`]);
    if (bytes.includes(0)) continue; // binary: not text to scan
    const text = bytes.toString('utf8');
    for (const n of findIdentityNumbers(text)) {
      const line = text.slice(0, n.index).split('\n').length;
      problems.push(privacyText.identityNumberCommitted(file, line, maskIdentityNumber(n.match)));
    }
  }
  return problems;
}

/** Writes a pre-commit hook into `repo` that runs this check with this installation's tsx. */
export function installHook(repo: string): string {
  const hooks = join(resolve(repo), '.git', 'hooks');
  if (!existsSync(join(resolve(repo), '.git'))) throw new Error(privacyText.notGitTop(repo));
  mkdirSync(hooks, { recursive: true });
  const tsx = pathToFileURL(join(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const hook = join(hooks, 'pre-commit');
  writeFileSync(hook, `#!/bin/sh\n# Installed by eval-report (npm run check-commit -- --install): no participant data in commits.\nexec node --import "${tsx}" "${join(import.meta.dirname, 'precommit-check.ts')}"\n`);
  chmodSync(hook, 0o755);
  return hook;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  maskStdio(); // every printed line masked (scripts/privacy/mask.ts)
  const { values } = parseArgs({ options: { install: { type: 'string' } } });
  if (values.install) {
    console.log(privacyText.hookInstalled(installHook(values.install)));
  } else {
    const problems = checkStaged(process.cwd());
    if (problems.length > 0) {
      console.error(privacyText.commitRefused(problems));
      process.exit(1);
    }
  }
}
