// The pre-commit check on a throwaway git repository: participant files under data/ are refused
// unless their folder is marked synthetic, and so is any staged file with an identity number.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkStaged, installHook } from '../../scripts/privacy/precommit-check.ts';

describe('pre-commit check', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { encoding: 'utf8' });
  const write = (file: string, text: string) => {
    mkdirSync(join(repo, file, '..'), { recursive: true });
    writeFileSync(join(repo, file), text);
  };
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'eval-report-git-'));
    git('init', '-q');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('refuses a participant file in a data folder without the SYNTHETIC marker', () => {
    write('data/projekt/deltagare.csv', 'id;kön\nP-001;K\n');
    git('add', '-A');
    assert.match(checkStaged(repo).join('\n'), /data\/projekt\/deltagare\.csv: participant data must not be committed/);
  });
  it('lets it through once the folder is marked synthetic', () => {
    write('data/projekt/SYNTHETIC', 'generated\n');
    git('add', '-A');
    assert.deepEqual(checkStaged(repo), []);
  });
  it('refuses any staged file with a personal identity number, naming file and line, masked', () => {
    write('content/projekt/resultat.md', 'Inledning\n\nDeltagare 811218-9876 sa att …\n');
    git('add', '-A');
    const problems = checkStaged(repo);
    assert.deepEqual(problems, ['content/projekt/resultat.md line 3: a personal identity or coordination number (••••••-••••)']);
  });
  it('runs as an installed git hook and stops the commit', () => {
    installHook(repo);
    const r = spawnSync('git', ['-C', repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-qm', 'x'], { encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /Commit refused: 1 problem/);
    write('content/projekt/resultat.md', 'Inledning\n');
    git('add', '-A');
    git('commit', '-qm', 'clean');
    assert.match(git('log', '--oneline'), /clean/);
  });
});
