// The evaluation's regression model, refitted on the committed MIA Vidare example data: a linear
// probability model (OLS with an intercept, HC1 standard errors) of reaching a target position at
// exit among the exited participants of the whole project. The synthetic data must give the
// published estimates and the published pattern of significance.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadProject } from '../../scripts/read/project.ts';
import type { Participant } from '../../scripts/config/contract.ts';
import { designFromRows, ols, type OlsCoefficient, type OlsResult, type SeType } from '../../scripts/stats/index.ts';

const root = join(import.meta.dirname, '..', '..');

// Outcome group exit.target_position and the ordered education scale, written out here.
const TARGET_POSITION = new Set(['employed', 'internship', 'studies', 'apprenticeship']);
const EDUCATION_LEVEL: Record<string, number> = { primary: 1, secondary: 2, tertiary: 3 };

/** Published estimates; `significant` at the 5 % level (undefined: either is fine). */
const PUBLISHED: Record<string, { estimate?: number; significant?: boolean }> = {
  social_enterprise: { estimate: 0.0490016, significant: true },
  external_employer: { estimate: 0.1133163, significant: true },
  age: { estimate: -0.0016364, significant: true },
  education: { estimate: 0.0123567 },
  months_in_support: { significant: false },
  woman: { significant: false },
};
const TOLERANCE = 0.005;

let fit: OlsResult;
let exited: Participant[];

before(async () => {
  const { dataset } = await loadProject({ root, slug: 'mia-vidare' });
  const socialEnterprise = new Set<string>();
  const externalEmployer = new Set<string>();
  for (const a of dataset.activities.rows()) {
    if (a.activity !== 'work_training') continue;
    if (a.provider === 'social_enterprise') socialEnterprise.add(a.participantId);
    if (a.provider === 'external_employer') externalEmployer.add(a.participantId);
  }
  exited = dataset.participants.filter((p) => p.exitDate !== null);
  const design = designFromRows(exited, {
    outcome: { name: 'target_position', value: (p) => p.exitStatus.some((c) => TARGET_POSITION.has(c)) },
    terms: [
      { type: 'indicator', name: 'social_enterprise', value: (p) => socialEnterprise.has(p.id) },
      { type: 'indicator', name: 'external_employer', value: (p) => externalEmployer.has(p.id) },
      { type: 'numeric', name: 'age', value: (p) => p.ageAtEntry },
      { type: 'numeric', name: 'education', value: (p) => EDUCATION_LEVEL[p.education ?? ''] ?? null },
      { type: 'numeric', name: 'months_in_support', value: (p) => p.monthsWithoutWork },
      { type: 'indicator', name: 'woman', value: (p) => p.gender === 'woman' },
    ],
  });
  fit = ols(design, { se: 'HC1' });
});

const coef = (name: string): OlsCoefficient => {
  const c = fit.coefficients.find((x) => x.name === name);
  assert.ok(c, `coefficient ${name}`);
  return c;
};

describe('MIA Vidare: the target-position model on the committed data', () => {
  it('fits all exited participants with a known education level', () => {
    assert.equal(fit.status, 'ok');
    assert.equal(fit.seType, 'HC1');
    assert.equal(exited.length, 2400);
    const unknown = exited.filter((p) => p.education === null || p.education === 'unknown').length;
    assert.ok(unknown > 0, 'some rows are dropped for unknown education');
    assert.equal(fit.n, exited.length - unknown);
    assert.deepEqual(fit.dropped, { rows: unknown, reasons: [{ column: 'education', rows: unknown }] });
    assert.deepEqual(fit.excluded, []);
  });

  for (const [name, want] of Object.entries(PUBLISHED)) {
    if (want.estimate !== undefined) {
      const published = want.estimate;
      it(`${name}: estimate within ${TOLERANCE} of the published ${published}`, () => {
        const got = coef(name).estimate;
        assert.ok(Math.abs(got - published) <= TOLERANCE, `${name}: ${got} vs published ${published}`);
      });
    }
    if (want.significant !== undefined) {
      const significant = want.significant;
      for (const se of ['HC1', 'classical'] as SeType[]) {
        it(`${name}: ${significant ? '' : 'not '}significant at 5 % with ${se} standard errors`, () => {
          const p = coef(name).bySe[se].p;
          assert.equal(p < 0.05, significant, `${name}: p = ${p} (${se})`);
        });
      }
    }
  }

  it('reports HC1 as the top-level standard error', () => {
    for (const c of fit.coefficients) assert.equal(c.se, c.bySe.HC1.se);
  });

  it('explains about 5 % of the variance (R² between 0.04 and 0.06)', () => {
    assert.ok(fit.r2 >= 0.04 && fit.r2 <= 0.06, `R² = ${fit.r2}`);
  });
});
