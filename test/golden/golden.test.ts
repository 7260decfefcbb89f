// Golden reports: every example and the fixture projects of test/golden/golden.ts, built (data
// and pages, no PDF) with a pinned date, must publish exactly the committed indicators.json and
// page fragments. A difference is reported figure by figure and as a line diff of each fragment.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildGoldens, CASES, readGolden, REGENERATE, type GoldenReport } from './golden.ts';
import { figureDiffs, reportDiffs, unifiedDiff } from './diff.ts';

let built: Map<string, GoldenReport>;
before(async () => {
  built = await buildGoldens();
});

const HOW = `If the change is intended, regenerate with \`${REGENERATE}\` (or \`${REGENERATE} -- <case>\`) and review \`git diff test/golden\`.`;

describe('golden reports', () => {
  for (const name of CASES) {
    it(`${name} publishes the committed figures and page fragments`, () => {
      const golden = readGolden(name);
      assert.ok(golden, `no golden for ${name} under test/golden/${name}/. ${HOW}`);
      const diffs = reportDiffs(golden, built.get(name)!);
      assert.equal(diffs.length, 0, `${name} differs from its golden:\n\n${diffs.join('\n\n')}\n\n${HOW}`);
      assert.ok(golden.indicators.figures.length > 0 && Object.keys(golden.fragments).length >= 2, 'the golden holds figures and fragments');
    });
  }
});

describe('the golden comparison can fail', () => {
  it('names the figure, unit and gender of a changed value', () => {
    const golden = readGolden(CASES[0]!)!;
    const [first, ...rest] = golden.indicators.figures;
    const changed = { ...first!, value: (first!.value ?? 0) + 1 };
    const lines = figureDiffs(golden.indicators.figures, [changed, ...rest]);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, new RegExp(`^figure ${first!.id.replace(/\./g, '\\.')}, unit .+, gender ${first!.gender}.*: value expected ${first!.value}, got ${changed.value}$`));
    assert.deepEqual(reportDiffs(golden, { ...golden, indicators: { ...golden.indicators, figures: [changed, ...rest] } }).length, 1);
  });

  it('shows a changed fragment as a unified-style diff', () => {
    const d = unifiedDiff('<table>\n<tr>\n<td>12</td>\n</tr>\n</table>\n', '<table>\n<tr>\n<td>13</td>\n</tr>\n</table>\n');
    assert.equal(d, '@@ expected line 1, got line 1 @@\n <table>\n <tr>\n-<td>12</td>\n+<td>13</td>\n </tr>\n </table>');
  });
});
