// npm run new: the scaffold is valid, complete (every top-level key of the schema), builds at once
// with a "no data yet" page, and builds a real report once a participants CSV is dropped in.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildSite } from '../../scripts/site/build-site.ts';
import { checkProject } from '../../scripts/cli/check.ts';
import { configSchema, DAC_CRITERIA } from '../../scripts/config/schema.ts';
import { loadConfig } from '../../scripts/config/load.ts';
import { TABLES, type TableName } from '../../scripts/config/contract.ts';
import type { Indicators } from '../../scripts/publish/indicators-schema.ts';
import type { InputError } from '../../scripts/problems.ts';
import { DATA_FILES, NARRATIVE_FILES, scaffoldProject } from '../../scripts/cli/new.ts';
import { axeOnSite } from '../axe-helper.ts';

const repo = join(import.meta.dirname, '..', '..');
const root = mkdtempSync(join(tmpdir(), 'new-project-'));
after(() => rmSync(root, { recursive: true, force: true }));
const slug = 'nytt-projekt';
const written = scaffoldProject(root, slug, new Date('2025-03-31T12:00:00Z'));
const content = join(root, 'content', slug);
const yaml = readFileSync(join(content, 'report.yaml'), 'utf8');

describe('npm run new', () => {
  it('writes a configuration that validates, with every top-level key of the schema', () => {
    const config = loadConfig(join(content, 'report.yaml'));
    assert.equal(config.date, '2025-03-31');
    for (const key of Object.keys(configSchema.shape))
      assert.match(yaml, new RegExp(`^(# )?${key}:`, 'm'), `the scaffold's report.yaml lacks the key "${key}" (or a commented example of it)`);
    // Comments explain the keys: at least one comment per ten lines.
    const lines = yaml.split('\n');
    assert.ok(lines.filter((l) => l.includes('#')).length * 10 > lines.length);
  });

  it('writes one narrative file per evaluation criterion, each with a writing prompt, listed in sections', () => {
    const config = loadConfig(join(content, 'report.yaml'));
    assert.deepEqual(config.sections.map((s) => s.criterion), [...DAC_CRITERIA]);
    for (const c of DAC_CRITERIA) {
      const text = readFileSync(join(content, NARRATIVE_FILES[c]), 'utf8');
      assert.match(text, /^# \S/, `${NARRATIVE_FILES[c]} starts with its heading`);
      assert.match(text, /Skrivhjälp/, `${NARRATIVE_FILES[c]} has a writing prompt`);
    }
    assert.match(readFileSync(join(content, 'README.md'), 'utf8'), /- \[ \] \*\*Check\*\*: `npm run check -- nytt-projekt`/);
  });

  it('writes a header-only CSV template per table of the data contract', () => {
    const config = loadConfig(join(content, 'report.yaml'));
    for (const table of Object.keys(TABLES) as TableName[]) {
      const file = config.tables[table]?.file;
      assert.equal(file, DATA_FILES[table].file, `tables.${table}.file names the template`);
      const text = readFileSync(join(root, 'data', slug, file!), 'utf8');
      assert.equal(text.split('\n').filter(Boolean).length, 1, `${file} is header-only`);
      for (const col of Object.keys(TABLES[table])) assert.ok(text.split('\n')[0]!.split(';').includes(col), `${file} has the column ${col}`);
    }
    assert.equal(written.length, 2 + DAC_CRITERIA.length + Object.keys(TABLES).length);
  });

  it('refuses an existing project and an invalid name, writing nothing', () => {
    const cli = (name: string) => spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'cli', 'new.ts'), '--root', root, name], { encoding: 'utf8', cwd: repo });
    const existing = cli(slug);
    assert.equal(existing.status, 2);
    assert.match(existing.stderr, /content\/nytt-projekt already exists/);
    for (const bad of ['Mitt Projekt', '../ut', 'a--b', 'å']) {
      const r = cli(bad);
      assert.equal(r.status, 2, bad);
      assert.match(r.stderr, /is not a usable project name/);
    }
    assert.deepEqual(readdirSync(join(root, 'content')), [slug]);
  });

  it('builds at once into a "no data yet" report, and check passes', async () => {
    const out = join(root, '_site');
    await buildSite({ root, outDir: out, slugs: [slug], now: new Date('2025-04-01T00:00:00Z'), pdf: false });
    const html = readFileSync(join(out, slug, 'index.html'), 'utf8');
    assert.match(html, /<p class="notice" role="status">Inga data ännu\./);
    const ind = JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8')) as Indicators;
    assert.equal(ind.figures.find((f) => f.id === 'participants.enrolled' && f.unit === 'total' && f.gender === 'all')?.value, 0);
    const r = await checkProject(root, slug);
    assert.deepEqual(r.problems, []);
    assert.equal(r.summary?.participants, 0);
    assert.deepEqual(await axeOnSite(out, `${slug}/index.html`), []);
  });

  it('builds the full report once participants are dropped in', async () => {
    // Forty participants, every fourth still enrolled, in the contract's own column names.
    const header = readFileSync(join(root, 'data', slug, 'deltagare.csv'), 'utf8').trim();
    const rows = Array.from({ length: 40 }, (_, i) => {
      const exited = i % 4 !== 0;
      const cells: Record<string, string> = {
        participant_id: `P${i}`, unit: i % 2 ? 'Delprojekt A' : 'Delprojekt B', gender: i % 3 ? 'K' : 'M', birth_year: String(1970 + i),
        age_at_entry: '', education: ['primary', 'secondary', 'tertiary'][i % 3]!, entry_date: '2025-01-10', exit_date: exited ? '2025-03-01' : '',
        referral: '', income_at_entry: '', months_without_work: String(i), exit_reason: exited ? 'completed' : '', exit_status: exited ? (i % 2 ? 'employed' : 'job_seeking') : '',
      };
      return header.split(';').map((c) => cells[c]).join(';');
    });
    writeFileSync(join(root, 'data', slug, 'deltagare.csv'), [header, ...rows].join('\n') + '\n');
    const r = await checkProject(root, slug);
    assert.deepEqual(r.problems.filter((p) => !/writing prompt/.test(p.expected)), []);
    assert.equal(r.summary?.participants, rows.length);
    assert.equal(r.summary?.exited, rows.filter((x) => x.includes('2025-03-01')).length);
    const out = join(root, '_site');
    // The writing prompts are refused, every one of them by file and line, until replaced.
    const build = () => buildSite({ root, outDir: out, slugs: [slug], now: new Date('2025-04-01T00:00:00Z'), pdf: false });
    await assert.rejects(build(), (err: InputError) => err.problems.filter((p) => /writing prompt/.test(p.expected)).length === DAC_CRITERIA.length + 1);
    const prompts = (await checkProject(root, slug)).problems.filter((p) => /writing prompt/.test(p.expected));
    assert.equal(prompts.length, DAC_CRITERIA.length + 1, 'check names them too');
    assert.ok(prompts.every((p) => p.line !== undefined));
    for (const c of DAC_CRITERIA) {
      const file = join(content, NARRATIVE_FILES[c]);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\*Skrivhjälp \(ersätt[^*]*\*/, 'Vår egen text.'));
    }
    const cfg = join(content, 'report.yaml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/Skrivhjälp \(ersätt den här texten\): svara/, 'Ja,'));
    await build();
    const html = readFileSync(join(out, slug, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /class="notice"/);
    assert.doesNotMatch(html, /Skrivhjälp/);
    assert.match(html, /<h2[^>]*>Måluppfyllelse<\/h2>/);
  });

  it('npm run new prints the files and the next steps', () => {
    // As `npm run new` starts it: the next steps are npm commands, with the --root it was given.
    const env = { ...process.env, npm_lifecycle_event: 'new' };
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'cli', 'new.ts'), '--root', root, 'andra-projektet'], { encoding: 'utf8', cwd: repo, env });
    assert.match(out, /content\/andra-projektet\/report\.yaml/);
    assert.ok(out.includes(`npm run check -- andra-projektet --root ${root}`), out);
    assert.ok(out.includes(`npm run serve -- andra-projektet --root ${root}`), out);
    // Through the bin: the same steps as eval-report commands.
    const bin = execFileSync(process.execPath, [join(repo, 'bin', 'eval-report.mjs'), 'new', '--root', root, 'tredje-projektet'], { encoding: 'utf8', cwd: repo, env: { ...process.env, npm_lifecycle_event: '' } });
    assert.ok(bin.includes(`eval-report check tredje-projektet --root ${root}`), bin);
  });
});
