// The narrative lint (scripts/render/lint.ts): typed results are refused, with the fig(...) call
// that prints the same figure; definitions in digits pass.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintNarrative, printedFigures } from '../../scripts/render/lint.ts';
import type { Figure } from '../../scripts/publish/indicators-schema.ts';

const share = { id: 'exit.work', label: 'Arbete', kind: 'share', unit: 'HBS', gender: 'all', value: 0.22, numerator: 24, denominator: 109, ci95: [0.15, 0.31], suppressed: false } as unknown as Figure;
const mean = { id: 'training.hours_mean', label: 'Timmar', kind: 'mean', unit: 'total', gender: 'all', value: 136, n: 40, suppressed: false } as unknown as Figure;
const printed = printedFigures([share, mean], 'sv');
const values = (text: string) => lintNarrative('f.md', text, printed).map((p) => p.value);

describe('lintNarrative', () => {
  it('refuses a number equal to a computed figure as printed, naming the fig call', () => {
    const problems = lintNarrative('content/x/resultat.md', '# Resultat\n\nI HBS gick 22 % vidare, 24 personer av 109.\n', printed);
    assert.deepEqual(problems.map((p) => [p.line, p.value]), [[3, '22 %'], [3, '24'], [3, '109']]);
    assert.match(problems[0]!.expected, /\{\{ fig\("exit\.work", "HBS"\) \}\}/);
    assert.match(problems[1]!.expected, /\{\{ fig\("exit\.work", "HBS", "all", "numerator"\) \}\}/);
    assert.match(problems[2]!.expected, /"denominator"/);
  });
  it('treats "procent" and "%" alike', () => assert.deepEqual(values('I HBS 22 procent.'), ['22 procent']));
  it('refuses percentages, decimals and counts of people that look like results even when no figure matches', () => {
    assert.deepEqual(values('Södertälje: 11 procent, 3,5 månader i snitt och 17 deltagare.'), ['11 procent', '3,5', '17']);
    assert.deepEqual(values('Hela 1 234 timmar.'), ['1 234']);
  });
  it('refuses an average even in a unit of time', () => assert.deepEqual(values('i genomsnitt 4 månader'), ['4']));
  it('lets definitions pass as digits: ages, lengths of time, thresholds, years', () => {
    assert.deepEqual(values('Unga under 25 år, arton och 24 år gamla, i 6 månader; målet är minst 60 procent kvinnor, mellan 40 och 60 procent. Under 2020 och 2021.'), []);
    assert.deepEqual(values('Uppföljning efter 6 och 12 månader, för de 3 verkstäderna.'), []);
  });
  it('skips citations, tags, ordered-list markers and digits inside words', () => {
    assert.deepEqual(values('Under 2020 gick {{ fig("exit.work", "HBS") }} till ESF2020.\n{% chart "a1" %}\n'), []);
    assert.deepEqual(values('1. Första rekommendationen\n  12) Andra, med 40 deltagare\n'), ['40']);
  });
  it('leaves hidden figures out of the printed set', () => {
    const hidden = { ...share, suppressed: true, value: null } as unknown as Figure;
    assert.equal(printedFigures([hidden], 'sv').size, 0);
  });
});
