// The eval-report command line: --help on the whole and on each command (every option with its
// default), --version, usage mistakes as one line plus the usage with exit 2, NO_COLOR; a build of
// some projects keeps the others in _site/ and on its index; serve rebuilds only what changed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EnvironmentError, helpText, type Command } from '../../scripts/cli/command.ts';
import { command as build } from '../../scripts/cli/build.ts';
import { buildSite } from '../../scripts/site/build-site.ts';
import { startPreview } from '../../scripts/cli/serve.ts';
import { addProject, CONFIG, participantsCsv, activitiesCsv, project, removeProject, writeProject } from '../helpers/fixture-project.ts';

const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'eval-report.mjs');
const run = (args: string[], env: Record<string, string> = {}, cwd = repo) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env: { ...process.env, npm_lifecycle_event: '', NO_COLOR: '', FORCE_COLOR: '', ...env } });
const NAMES = ['new', 'check', 'serve', 'build', 'diff', 'bench'];

describe('eval-report', () => {
  it('--help lists every command; --version prints the version', () => {
    const r = run(['--help']);
    assert.equal(r.status, 0, r.stderr);
    for (const n of NAMES) assert.match(r.stdout, new RegExp(`^  ${n} +\\S`, 'm'), n);
    assert.match(r.stdout, /Exit status: 0 [^\n]*1 [^\n]*2 /);
    const v = run(['--version']);
    assert.equal(v.status, 0);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
    assert.equal(v.stdout.trim(), `eval-report ${pkg.version}`);
    assert.equal(pkg.bin['eval-report'], 'bin/eval-report.mjs');
  });

  it('every command has --help listing each option with its default', async () => {
    for (const n of NAMES) {
      const { command } = (await import(`../../scripts/cli/${n}.ts`)) as { command: Command };
      const text = helpText(command);
      assert.match(text, new RegExp(`^Usage: eval-report ${n} \\[options\\]`), n);
      for (const [name, o] of Object.entries(command.options)) {
        const line = text.split('\n').find((l) => l.includes(`--${name}`));
        assert.ok(line, `${n} --help lists --${name}`);
        if (o.default !== undefined || o.defaultText) assert.match(line, /\(default: [^)]+\)$/, `${n} --${name} shows its default`);
      }
    }
    const r = run(['build', '--help']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /--out <dir> +output folder[^\n]*\(default: <root>\/_site\)/);
    assert.match(r.stdout, /--root <dir> [^\n]*\(default: \.\)/);
  });

  it('an unknown option, command or project is one line plus the usage, exit 2, no stack trace', () => {
    const opt = run(['check', '--bogus']);
    assert.equal(opt.status, 2);
    assert.equal(opt.stderr.split('\n')[0], 'eval-report check: unknown option --bogus');
    assert.match(opt.stderr, /^Usage: eval-report check \[options\] \[slug …\]$/m);
    assert.doesNotMatch(opt.stderr, /\n\s+at /);
    const cmd = run(['bild']);
    assert.equal(cmd.status, 2);
    assert.match(cmd.stderr, /^eval-report: unknown command "bild"/);
    for (const c of ['build', 'serve', 'check']) {
      const slug = run([c, 'mia-vidar']);
      assert.equal(slug.status, 2, c);
      assert.match(slug.stderr, new RegExp(`^eval-report ${c}: no project "mia-vidar" in [^\\n]*\\(projects: mia-vidare, `), c);
      assert.doesNotMatch(slug.stderr, /ENOENT|\n\s+at /, c);
    }
    const port = run(['serve', '--port', 'åtta']);
    assert.equal(port.status, 2);
    assert.match(port.stderr, /--port must be a whole number/);
    assert.equal(run(['diff', 'only-one.json']).status, 2);
  });

  it('colours problems on request only, never with NO_COLOR', () => {
    assert.match(run(['check', 'x'], { FORCE_COLOR: '1' }).stderr, /\u001b\[31m/);
    assert.doesNotMatch(run(['check', 'x'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stderr, /\u001b\[/);
    assert.doesNotMatch(run(['check', 'x']).stderr, /\u001b\[/, 'no colour when stderr is not a terminal');
  });

  it('works from a project folder: the root defaults to the current folder', () => {
    const root = writeProject({ config: CONFIG, data: { 'deltagare.csv': participantsCsv(), 'aktiviteter.csv': activitiesCsv() } });
    try {
      const r = run(['check', '--quiet'], {}, root);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      writeFileSync(join(root, 'content', 'demo', 'report.yaml'), CONFIG.replace('title:', 'titel:'));
      const bad = run(['check'], {}, root);
      assert.equal(bad.status, 1);
      assert.match(bad.stdout, /content\/demo\/report\.yaml: 2 problems\n[^]*\n {2}line 1, column "titel": value "titel": expected no key "titel" here/);
    } finally {
      removeProject(root);
    }
  });
});

const NARRATIVE = '# Resultat\n\nProjektet skrev in {{ fig("participants.enrolled") }} deltagare.\n';
function twoProjects(): string {
  const root = writeProject();
  for (const slug of ['alfa', 'beta']) {
    addProject(root, { slug, config: `${CONFIG.replace('Testprojekt', `Projekt ${slug}`)}sections:\n  - { file: resultat.md }\n`, data: { 'deltagare.csv': participantsCsv(), 'aktiviteter.csv': activitiesCsv() } });
    writeFileSync(join(root, 'content', slug, 'resultat.md'), NARRATIVE);
  }
  return root;
}

describe('a build without a browser', () => {
  it('is an environment error that keeps the browser\'s error as its cause, and leaves the site as it was', async () => {
    const root = writeProject(project());
    const chromium = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(root, 'no-chromium-here');
    try {
      await assert.rejects(build.run({ values: { root, quiet: true }, positionals: [] }), (err: unknown) => {
        assert.ok(err instanceof EnvironmentError, String(err));
        assert.match(err.message, /^CHROMIUM_PATH is set to "[^"]*no-chromium-here", but no executable Chromium is there[^]*\nThe previous site was left untouched\.$/);
        assert.ok(err.cause instanceof Error, 'the cause is kept');
        assert.equal(`${err.cause.message}\nThe previous site was left untouched.`, err.message, "the cause is the browser's own error");
        return true;
      });
      assert.ok(!existsSync(join(root, '_site')), 'no site written');
    } finally {
      if (chromium === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = chromium;
      removeProject(root);
    }
  });
});

describe('building some projects', () => {
  it('keeps the other projects in _site/, and the index lists every built project', async () => {
    const root = twoProjects();
    try {
      const out = join(root, '_site');
      await buildSite({ root, outDir: out, slugs: ['alfa', 'beta'], pdf: false });
      appendFileSync(join(root, 'content', 'alfa', 'resultat.md'), '\nEn ny mening.\n');
      await buildSite({ root, outDir: out, slugs: ['alfa'], pdf: false });
      assert.match(readFileSync(join(out, 'alfa', 'index.html'), 'utf8'), /En ny mening\./);
      assert.ok(existsSync(join(out, 'beta', 'index.html')), 'beta kept');
      assert.ok(existsSync(join(out, 'beta', 'indicators.json')), 'beta kept');
      const index = readFileSync(join(out, 'index.html'), 'utf8');
      assert.match(index, /href="alfa\/index\.html">Projekt alfa</);
      assert.match(index, /href="beta\/index\.html">Projekt beta</);
    } finally {
      removeProject(root);
    }
  });

  it('serve without a slug rebuilds only the project whose files changed', async () => {
    const root = twoProjects();
    const lines: string[] = [];
    /** The next line logged after a save, once its build has finished. */
    const next = async () => {
      const n = lines.length;
      while (lines.length === n) await new Promise((r) => setTimeout(r, 20));
      await preview.settled();
      return lines.at(-1)!;
    };
    const preview = await startPreview({ root, port: 0, log: (l) => lines.push(l), debounceMs: 30 });
    try {
      assert.match(lines.at(-1)!, /^Rebuilt alfa, beta in/);
      appendFileSync(join(root, 'content', 'beta', 'resultat.md'), '\nÄndrad text.\n');
      assert.match(await next(), /^Rebuilt beta in \d+ ms\.$/);
      const index = await (await fetch(preview.url)).text();
      assert.match(index, /Projekt alfa/, 'the index still lists alfa');
      assert.match(await (await fetch(`${preview.url}beta/`)).text(), /Ändrad text\./);
      // A writing prompt is a warning in the preview, refused by the build.
      mkdirSync(join(root, 'content', 'alfa'), { recursive: true });
      appendFileSync(join(root, 'content', 'alfa', 'resultat.md'), '\n*Skrivhjälp (ersätt den här texten): vad hände?*\n');
      await next();
      assert.ok(lines.some((l) => /alfa: warning[\s\S]*content\/alfa\/resultat\.md: 1 problem\n {2}line \d+/.test(l)), lines.join('\n'));
      await assert.rejects(buildSite({ root, outDir: join(root, '_site'), slugs: ['alfa'], pdf: false }), /writing prompt/);
    } finally {
      await preview.close();
      removeProject(root);
    }
  });
});
