// The build's own checks of a printed PDF (the accessibility check runs in every PDF build, e.g.
// test/privacy/hostile-input.test.ts and test/site/site.test.ts, and must pass there).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Indicators } from '../../scripts/publish/indicators-schema.ts';
import type { PdfInspection } from '../../scripts/pdf/inspect.ts';
import { pdfProblems } from '../../scripts/site/verify-site.ts';

const report = { title: 'Rapport', language: 'sv' } as Indicators['report'];
const good: PdfInspection = { pages: 3, title: 'Rapport', lang: 'sv', tagged: true, outline: [{ title: 'Inledning', page: 2, children: [] }], destinations: {}, pageTexts: [], figureAlts: ['Diagram A', 'Diagram B'] };

describe('PDF checks before the site is replaced', () => {
  it('pass a tagged, titled PDF in the report language with bookmarks and chart alt texts', () => assert.deepEqual(pdfProblems('x.pdf', good, report, 2), []));
  it('name every shortcoming of a PDF that lost its tags, language, title, outline and alt texts', () => {
    const bad = { ...good, tagged: false, lang: null, title: 'Utan titel', outline: [], figureAlts: ['Diagram A'] };
    const problems = pdfProblems('demo/demo.pdf', bad, report, 2);
    assert.deepEqual(problems.map((p) => p.expected), [
      'a tagged PDF (a structure tree for screen readers)',
      'the document language sv',
      'the report title as the document title',
      'bookmarks (an outline) for the chapters',
      'an alternative text on each of the 2 chart(s)',
    ]);
    assert.ok(problems.every((p) => p.file === 'demo/demo.pdf'));
  });
});
