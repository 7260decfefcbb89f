// portfolio.json and portfolio.csv: every project's headline figures exactly as its own
// indicators.json publishes them (after its disclosure control), in name order.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildIndicators } from '../../scripts/site/data-step.ts';
import { PORTFOLIO_FIGURES, portfolioCsv, portfolioJson, portfolioProjects } from '../../scripts/portfolio/portfolio-data.ts';
import { addProject, CONFIG, project, removeProject, writeProject } from '../helpers/fixture-project.ts';

const now = new Date('2026-01-01T00:00:00Z');

it('copies the published headline figures of each project, hidden ones hidden, in name order', async () => {
  const root = writeProject();
  try {
    addProject(root, { ...project(), slug: 'b-second', config: CONFIG.replace('title: Testprojekt', 'title: Andra') });
    addProject(root, { ...project(), slug: 'a-first', config: CONFIG.replace('title: Testprojekt', 'title: Första\nregion: Gävleborg\nprogramme_area: ESF+ 4(h)') });
    const listed = [await buildIndicators({ root, slug: 'b-second' }, now), await buildIndicators({ root, slug: 'a-first' }, now)];
    const projects = portfolioProjects(listed);
    assert.deepEqual(projects.map((p) => [p.slug, p.title, p.region, p.programme_area]), [['a-first', 'Första', 'Gävleborg', 'ESF+ 4(h)'], ['b-second', 'Andra', null, null]]);
    for (const [i, p] of projects.entries()) {
      const own = listed.find((l) => l.report.slug === p.slug)!;
      assert.ok(p.figures.length > 0);
      for (const f of p.figures) {
        assert.ok((PORTFOLIO_FIGURES as readonly string[]).includes(f.id));
        const published = own.figures.find((g) => g.id === f.id && g.unit === 'total' && g.gender === f.gender && g.category === undefined)!;
        assert.equal(f.value, published.value, `${p.slug} ${f.id} ${f.gender}`);
        assert.equal(f.suppressed, published.suppressed);
        if (published.suppressed) assert.equal(f.value, null);
      }
      assert.equal(p.goals.met + p.goals.not_met + p.goals.other, own.goals.length, `project ${i}`);
    }
    // Six participants: the fixture's small cells are hidden by its gate, and stay hidden here.
    assert.ok(projects[0]!.figures.some((f) => f.suppressed && f.value === null), 'a suppressed figure is carried as hidden');
    const json = JSON.parse(portfolioJson(listed)) as { projects: unknown[] };
    assert.deepEqual(json.projects, JSON.parse(JSON.stringify(projects)));
    const rows = portfolioCsv(listed).trimEnd().split('\r\n');
    assert.equal(rows.length, 1 + projects.reduce((s, p) => s + p.figures.length, 0));
    assert.match(rows[1]!, /^a-first;Första;/);
    const hidden = projects[0]!.figures.find((f) => f.suppressed)!;
    const cells = rows.find((r) => r.startsWith(`a-first;Första;Beställaren;Gävleborg;ESF+ 4(h);${hidden.id};${hidden.gender};`))!.split(';');
    assert.equal(cells[8], '', 'no value for a hidden figure');
    assert.notEqual(cells.at(-1), '', 'the suppressed column says why');
  } finally {
    removeProject(root);
  }
});

it('the progress line counts each step and estimates the time left at the rate so far', async () => {
  const { progress } = await import('../../scripts/site/progress.ts');
  let now = 0;
  const bar = progress(4, ['data', 'print'], () => now);
  assert.match(bar.line(), /^data 0\/4, PDF 0\/4; 0 %, time left not yet known$/);
  now = 10_000;
  bar.done('data'); // weight 1 of 12 in 10 s: 110 s left
  assert.equal(bar.line(), 'data 1/4, PDF 0/4; 8 %, about 1:50 left');
  for (let i = 0; i < 3; i++) bar.done('data');
  bar.done('print'); // weight 6 of 12 in 10 s: 10 s left
  assert.equal(bar.line(), 'data 4/4, PDF 1/4; 50 %, about 0:10 left');
});
