// Odd files: a header twice, a canonical column from two headers (mapped, and under its own name), a folder or a device where a
// file should be, a symbolic link or a "../" name leading out of the project (refused naming the
// path, its content never printed), a project folder with a name that is not a plain name.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkProject } from '../../scripts/cli/check.ts';
import { buildSite } from '../../scripts/site/build-site.ts';
import { InputError, type Problem } from '../../scripts/problems.ts';
import { CONFIG, CONFIG_FILE, PARTICIPANTS_FILE, PARTICIPANTS_HEADER, PARTICIPANT_ROWS, activitiesCsv, lines, problemsOf, project, withProject, writeProject, removeProject } from '../helpers/fixture-project.ts';

const SECRET = 'HEMLIG-RAD-UTANFÖR-PROJEKTET';
const printed = (problems: Problem[]) => new InputError(problems).message;

describe('headers', () => {
  it('a header twice is an error, even if the columns agree', async () => {
    const csv = lines([`${PARTICIPANTS_HEADER};Kön`, ...PARTICIPANT_ROWS.map((r) => `${r};M`)]);
    const problems = await problemsOf(project({ 'deltagare.csv': csv }));
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.column]), [[PARTICIPANTS_FILE, 1, 'Kön']]);
    assert.match(problems[0]!.expected, /one column named "Kön" \(the header has 2/);
  });
  it('a canonical column that is both mapped and present under its own name is an error', async () => {
    const csv = lines([`${PARTICIPANTS_HEADER};gender`, ...PARTICIPANT_ROWS.map((r) => `${r};man`)]);
    const problems = await problemsOf(project({ 'deltagare.csv': csv }));
    assert.ok(problems.some((p) => p.column === 'gender' && /single source for canonical column gender/.test(p.expected)), JSON.stringify(problems));
  });
});

describe('paths', () => {
  it('a folder where a data file or report.yaml should be is refused naming the path', async () => {
    await withProject(project(), async (root) => {
      rmSync(join(root, PARTICIPANTS_FILE));
      mkdirSync(join(root, PARTICIPANTS_FILE));
      const r = await checkProject(root, 'demo');
      assert.deepEqual(r.problems.map((p) => [p.file, p.expected]), [[PARTICIPANTS_FILE, 'a file here, not a folder']]);
    });
    await withProject({ data: { 'deltagare.csv': 'x' } }, async (root) => {
      mkdirSync(join(root, CONFIG_FILE));
      const r = await checkProject(root, 'demo');
      assert.deepEqual(r.problems.map((p) => [p.file, p.expected]), [[CONFIG_FILE, 'a file here, not a folder']]);
      await assert.rejects(buildSite({ root, outDir: join(root, '_site'), slugs: ['demo'], pdf: false }), (err: unknown) => err instanceof InputError && err.problems[0]!.file === CONFIG_FILE && !/EISDIR/.test(err.message));
    });
  });
  it('a folder where a narrative file should be is refused naming it', async () => {
    const config = CONFIG.replace('title: Testprojekt', 'title: Testprojekt\nsections:\n  - file: avsnitt.md\n    criterion: effectiveness');
    await withProject(project({}, config), async (root) => {
      mkdirSync(join(root, 'content/demo/avsnitt.md'));
      const r = await checkProject(root, 'demo');
      assert.deepEqual(r.problems.map((p) => [p.file, p.expected]), [['content/demo/avsnitt.md', 'a file here, not a folder']]);
    });
  });
  it('a symbolic link out of the project is refused, and nothing of its target is printed', async () => {
    const outside = writeProject({ data: { 'secret.csv': lines([PARTICIPANTS_HEADER, `${SECRET};Norr;K;1980;2020-03-01;;1;`]) } });
    try {
      await withProject(project(), async (root) => {
        rmSync(join(root, PARTICIPANTS_FILE));
        symlinkSync(join(outside, 'data/demo/secret.csv'), join(root, PARTICIPANTS_FILE));
        const r = await checkProject(root, 'demo');
        assert.equal(r.problems.length, 1);
        assert.equal(r.problems[0]!.file, PARTICIPANTS_FILE);
        assert.match(r.problems[0]!.expected, /inside the project folder .*symbolic link/);
        assert.ok(!printed(r.problems).includes(SECRET) && !printed(r.problems).includes(outside));
      });
    } finally {
      removeProject(outside);
    }
  });
  it('a link inside the project is followed', async () => {
    await withProject(project(), async (root) => {
      writeFileSync(join(root, 'data/demo/verklig.csv'), lines([PARTICIPANTS_HEADER, ...PARTICIPANT_ROWS]));
      rmSync(join(root, PARTICIPANTS_FILE));
      symlinkSync('verklig.csv', join(root, PARTICIPANTS_FILE));
      assert.deepEqual((await checkProject(root, 'demo')).problems, []);
    });
  });
  it('a file name with ../ out of the project is refused', async () => {
    const problems = await problemsOf(project({}, CONFIG.replace('file: deltagare.csv', 'file: ../../../../../../etc/passwd')));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.expected, /inside the project folder/);
    assert.ok(!printed(problems).includes('root:'));
  });
  it('a device is refused, never read', async () => {
    await withProject(project(), async (root) => {
      rmSync(join(root, PARTICIPANTS_FILE));
      symlinkSync('/dev/zero', join(root, PARTICIPANTS_FILE));
      const r = await checkProject(root, 'demo');
      assert.equal(r.problems.length, 1);
      assert.equal(r.problems[0]!.file, PARTICIPANTS_FILE);
    });
  });
});

describe('project folder names', () => {
  for (const name of ['x"><svg onload=alert(1)>', 'Mitt Projekt', '../etc', 'a/b', 'ÅÄÖ', '-x', 'x--y', '']) {
    it(`${JSON.stringify(name)} is refused at once, by build and check`, async () => {
      const root = writeProject({ config: CONFIG, data: { 'deltagare.csv': lines([PARTICIPANTS_HEADER, ...PARTICIPANT_ROWS]), 'aktiviteter.csv': activitiesCsv() } });
      try {
        await assert.rejects(buildSite({ root, outDir: join(root, '_site'), slugs: [name || ' '], pdf: false }), (err: unknown) => err instanceof InputError && /project folder name of lower-case letters/.test(err.message));
        const r = await checkProject(root, name);
        assert.match(r.problems[0]?.expected ?? '', /project folder name/);
      } finally {
        removeProject(root);
      }
    });
  }
});
