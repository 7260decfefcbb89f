// `check` finds every problem the build refuses: a corpus of broken projects, each built (pages
// only) and checked; every problem of the failed build must be among check's, by file, line,
// column and value. Both run the one resolver of scripts/site/resolve-project.ts.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkProject, formatCheck } from '../../scripts/cli/check.ts';
import { buildSite } from '../../scripts/site/build-site.ts';
import { InputError, type Problem } from '../../scripts/problems.ts';
import { CONFIG, project, SLUG, withProject } from '../helpers/fixture-project.ts';

/** A test identity number with a valid check digit (Skatteverket's "Tolvan"). */
const IDENTITY = '19121212-1212';

const BASE = `${CONFIG}outcome_groups:
  - { id: work, label: Arbete eller studier, column: exit_status, codes: [employed, studies] }
goals:
  - { id: goal.work, label: Minst en fjärdedel i arbete, figure: exit.work, target: { op: '>=', value: 0.25 } }
charts:
  - { id: work, kind: shares, title: Arbete eller studier, figures: [exit.work] }
figure_tables:
  - { id: enrolled, title: Deltagare, figures: [participants.enrolled] }
sections:
  - { file: resultat.md, criterion: effectiveness }
evaluation_questions:
  - { question: Nådde projektet målet?, criterion: effectiveness, answer: 'Målet är {{ goal("goal.work") }}.' }
`;
const NARRATIVE = '# Resultat\n\nAv de avslutade gick {{ fig("exit.work") }} till arbete eller studier.\n\n{% chart "work" %}\n\n{% table "enrolled" %}\n';

interface Case {
  name: string;
  config?: (c: string) => string;
  narrative?: (n: string) => string;
  /** What the build must refuse, each matched in one of its problems. */
  refuses: RegExp[];
}

const CASES: Case[] = [
  { name: 'a chart naming a figure that does not exist', config: (c) => c.replace('figures: [exit.work] }', 'figures: [exit.work, exit.nonexistent] }'), refuses: [/exit\.nonexistent/] },
  { name: 'a narrative fig() of an unknown figure', narrative: (n) => `${n}\nSe {{ fig("exit.nonexistent") }}.\n`, refuses: [/"exit\.nonexistent" is not one/] },
  { name: 'an unknown unit', narrative: (n) => `${n}\nI väster {{ fig("exit.work", "Väster") }}.\n`, refuses: [/"Väster" is not one/] },
  { name: 'an unknown chart and an unknown table', narrative: (n) => `${n}\n{% chart "finns_inte" %}\n\n{% table "saknas" %}\n`, refuses: [/id of a chart/, /id of a table/] },
  { name: 'numbers typed by hand, and a bad citation on the same line', narrative: (n) => `${n}\nHela 42 procent, {{ fig("exit.fel") }}, av 17 personer.\n`, refuses: [/no result typed by hand/, /"exit\.fel" is not one/] },
  { name: 'an identity number in a text of report.yaml and in the narrative', config: (c) => c.replace('title: Testprojekt', `title: Testprojekt ${IDENTITY}`), narrative: (n) => `${n}\nDeltagaren ${IDENTITY} slutade.\n`, refuses: [/identity or coordination number/, /identity or coordination number/] },
  { name: 'a figure table of an unknown figure', config: (c) => c.replace('figures: [participants.enrolled] }', 'figures: [participants.enrolled, participants.okand] }'), refuses: [/participants\.okand/] },
  { name: 'a goal of an unknown figure', config: (c) => c.replace('figure: exit.work,', 'figure: exit.arbete,'), refuses: [/id of a computed figure/] },
  { name: 'an unknown goal cited in an evaluation answer', config: (c) => c.replace('goal("goal.work")', 'goal("goal.saknas")'), refuses: [/"goal\.saknas" is not one/] },
  { name: "the scaffold's writing prompt left in the narrative", narrative: (n) => n.replace('# Resultat\n', '# Resultat\n\n*Skrivhjälp (ersätt den här texten): Har projektet nått sina mål?*\n'), refuses: [/writing prompt/] },
];

const key = (p: Problem) => JSON.stringify([p.file, p.line, p.column, p.value]);

async function buildProblems(root: string): Promise<Problem[]> {
  try {
    await buildSite({ root, outDir: join(root, '_site'), slugs: [SLUG], pdf: false, log: () => {} });
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  return [];
}

const files = (c: Case) => {
  const p = project({}, (c.config ?? ((x) => x))(BASE));
  return { p, narrative: (c.narrative ?? ((x) => x))(NARRATIVE) };
};

describe('check finds everything the build refuses', () => {
  it('the unbroken project builds and checks clean', async () => {
    const { p, narrative } = files({ name: 'none', refuses: [] });
    await withProject(p, async (root) => {
      writeFileSync(join(root, 'content', SLUG, 'resultat.md'), narrative);
      assert.deepEqual(await buildProblems(root), []);
      assert.deepEqual((await checkProject(root, SLUG)).problems, []);
    });
  });

  for (const c of CASES)
    it(c.name, async () => {
      const { p, narrative } = files(c);
      await withProject(p, async (root) => {
        mkdirSync(join(root, 'content', SLUG), { recursive: true });
        writeFileSync(join(root, 'content', SLUG, 'resultat.md'), narrative);
        const built = await buildProblems(root);
        let rest = [...built];
        for (const re of c.refuses) {
          const i = rest.findIndex((x) => re.test(x.expected));
          assert.ok(i >= 0, `the build refuses ${re}: ${JSON.stringify(built, null, 1)}`);
          rest = rest.filter((_, j) => j !== i);
        }
        // Every refused problem has its place: the file and, in the narrative or report.yaml, the line.
        for (const b of built) assert.ok(b.line !== undefined, `a line for ${JSON.stringify(b)}`);
        const checked = await checkProject(root, SLUG);
        const found = new Set(checked.problems.map(key));
        for (const b of built) assert.ok(found.has(key(b)), `check misses ${JSON.stringify(b)}; it found ${JSON.stringify(checked.problems, null, 1)}`);
        // Identity numbers are masked wherever they are printed.
        assert.doesNotMatch(formatCheck(checked, 0), /1212/);
      });
    });
});
