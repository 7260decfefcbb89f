// npm run check: every problem of every file at once with line numbers, a summary of the data that
// agrees with the raw rows, exit codes, and the speed on MIA Vidare (2 800 participants).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkProject } from '../../scripts/cli/check.ts';

const repo = join(import.meta.dirname, '..', '..');
const cli = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'cli', 'check.ts'), '--root', root, ...args], { encoding: 'utf8', cwd: repo });

describe('npm run check', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'check-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('passes MIA Vidare, with a summary that agrees with the raw rows', async () => {
    // Its speed is measured by npm run bench, not here: a timed unit test fails on a loaded machine.
    const r = await checkProject(repo, 'mia-vidare');
    assert.deepEqual(r.problems, []);
    // Independently from the raw file: rows per unit and gender code, and exits.
    const [head, ...rows] = readFileSync(join(repo, 'data', 'mia-vidare', 'deltagare.csv'), 'utf8').trim().split('\n').map((l) => l.split(';'));
    const col = (name: string) => head!.indexOf(name);
    const s = r.summary!;
    assert.equal(s.participants, rows.length);
    for (const u of s.byUnit) {
      assert.equal(u.counts.woman, rows.filter((x) => x[col('Delprojekt')] === u.unit && x[col('Kön')] === 'K').length, `${u.unit} women`);
      assert.equal(u.counts.man, rows.filter((x) => x[col('Delprojekt')] === u.unit && x[col('Kön')] === 'M').length, `${u.unit} men`);
    }
    assert.equal(s.exited, rows.filter((x) => x[col('Utskrivningsdatum')] !== '').length);
    assert.equal(s.entry!.first, rows.map((x) => x[col('Inskrivningsdatum')]!).sort()[0]);
    // Coaching is in the data but in no activity group of MIA Vidare's configuration.
    assert.ok(s.unused.some((u) => u.column.startsWith('activities.activity') && u.codes.some(([c]) => c === 'coaching')));
    const out = cli(repo, 'mia-vidare');
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /No problems found\.[\s\S]*2800 participants[\s\S]*HBS +\d+ +\d+/);
  });

  it('reports every problem of the configuration, the data and the narrative at once, by file with line numbers, and exits 1', () => {
    cpSync(join(repo, 'content', 'mia-vidare'), join(tmp, 'content', 'mia-vidare'), { recursive: true });
    cpSync(join(repo, 'data', 'mia-vidare'), join(tmp, 'data', 'mia-vidare'), { recursive: true });
    const data = join(tmp, 'data', 'mia-vidare', 'deltagare.csv');
    const lines = readFileSync(data, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(';M;', ';X;'); // line 3: a gender code not mapped
    lines[5] = lines[5]!.replace(/;(\d{4})-(\d\d)-(\d\d);/, ';$3/$2/$1;'); // line 6: a date in the wrong format
    writeFileSync(data, lines.join('\n'));
    const narrative = join(tmp, 'content', 'mia-vidare', 'syfte.md');
    writeFileSync(narrative, readFileSync(narrative, 'utf8') + '\nHela 42 procent.\n');
    const r = cli(tmp, 'mia-vidare');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /data\/mia-vidare\/deltagare\.csv: 2 problems\n {2}line 3, column "Kön": value "X"[^\n]*\n {2}line 6, column "[^"]+": value "\d\d\/\d\d\/\d{4}"/);
    assert.match(r.stdout, /content\/mia-vidare\/syfte\.md: 1 problem\n {2}line \d+/);
    assert.match(r.stdout, /1 of 1 project\(s\) have problems/);
    assert.match(r.stdout, /unmapped codes[^\n]*\n {2}data\/mia-vidare\/deltagare\.csv, column "Kön": "X" 1 → map them under tables\.participants\.values\.gender/);
    // A configuration error stops the data from being read, and is reported with its line.
    const cfg = join(tmp, 'content', 'mia-vidare', 'report.yaml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('min_count: 5', 'min_count: 5\n  max_count: 9'));
    const c = cli(tmp, 'mia-vidare');
    assert.equal(c.status, 1);
    assert.match(c.stdout, /content\/mia-vidare\/report\.yaml: 1 problem\n {2}line 13, column "disclosure.max_count"/);
  });

  it('names an unknown project in one line with the usage, and exits 2', () => {
    const r = cli(repo, 'finns-inte');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^eval-report check: no project "finns-inte" in [^\n]*\(projects: mia-vidare, [^\n]*\)\nUsage: eval-report check \[options\] \[slug …\]/);
    assert.equal(r.stdout, '');
  });
});
