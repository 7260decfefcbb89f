// The indicator engine: a validated Dataset and its Config in, every figure, goal result and
// data-quality check out. Pure: no I/O, no clock, no environment; the work bound of disclosure
// control comes from the caller (`Budget`).
//
// The figures come from families, one module each, in the report's order; each takes the shared
// context (family.ts: grid, emitter, problems, checks) and the typed results of the families it
// builds on, and declares its links to the gate. Their ids are built in config/figure-ids.ts.
import { PARTICIPANTS } from '../config/figure-ids.ts';
import type { Config } from '../config/schema.ts';
import type { Check, Figure, GoalResult, ModelSummary } from '../publish/indicators-schema.ts';
import { InputError } from '../problems.ts';
import type { TableDataset } from './activity-table.ts';
import { emitActivityGroups } from './activity-groups.ts';
import { emitComparisons } from './comparisons.ts';
import { emitCosts } from './costs.ts';
import { emitCrosstabs } from './crosstab.ts';
import { emitDistributions } from './distributions.ts';
import { emitDurations } from './durations.ts';
import { emitEntryGroups, entryMembership } from './entry-groups.ts';
import { emitEsfFigures, ESF_FOLLOWUP_MONTHS } from './esf.ts';
import { familyContext } from './family.ts';
import { emitFollowupBases } from './followup-base.ts';
import { emitFollowupGroups } from './followup-groups.ts';
import { assertUniqueFigures, protectFigures, type Budget } from './gate.ts';
import { evaluateGoals } from './goals.ts';
import { coefficientProblems, fitModels } from './models.ts';
import { emitOutcomeGroups } from './outcome-groups.ts';
import { emitMonthsEnrolled, emitParticipants, participantChecks } from './participants.ts';
import { DEFAULT_MAX_SOLVES } from './protect.ts';
import { emitRatios } from './ratios.ts';
import { reconcileChecks } from './reconcile.ts';
import { emitSeries } from './series.ts';
import { emitSurvey } from './survey.ts';
import type { Truth } from './truth.ts';

export type { Budget } from './gate.ts';

export interface Computed {
  figures: Figure[];
  /** The unrounded values behind the figures (engine/truth.ts): for the attack tests, never published. */
  truth: ReadonlyMap<Figure, Truth>;
  goals: GoalResult[];
  models: ModelSummary[];
  checks: Check[];
}

export const DEFAULT_BUDGET: Budget = { maxSolves: DEFAULT_MAX_SOLVES };

/** `configFile` only names the file in messages about configuration that does not fit the data. */
export function computeIndicators(config: Config, data: TableDataset, configFile = 'report.yaml', budget: Budget = DEFAULT_BUDGET): Computed {
  const cx = familyContext(config, data, configFile);
  const { e, ps } = cx;
  const people = emitParticipants(cx);
  const bases = emitFollowupBases(cx, ESF_FOLLOWUP_MONTHS);
  emitEsfFigures(e, ps, cx.lang, bases.get(ESF_FOLLOWUP_MONTHS) ?? null, data.followups);
  emitMonthsEnrolled(cx, people);
  const entryMember = entryMembership(cx);
  const outcomes = emitOutcomeGroups(cx, people, entryMember);
  const entryRows = emitEntryGroups(cx, people, entryMember);
  const distributions = emitDistributions(cx, people);
  emitSeries(e, config, ps);
  emitCrosstabs(e, config, { ps, outcomes, distributions, entryRows: (id) => entryRows.get(id)! });
  emitDurations(e, config, { ps, outcomes });
  const activity = emitActivityGroups(cx);
  const followupCounts = emitFollowupGroups(cx, activity.members, bases);
  emitCosts(cx);
  emitSurvey(cx);
  emitRatios(cx, new Map([[PARTICIPANTS.enrolled, people.enrolled], [PARTICIPANTS.exited, people.exited], ...activity.counts, ...followupCounts]));
  if (cx.problems.length > 0) throw new InputError(cx.problems);

  // Regression models and comparisons, on the same outcome groups and activity groups as the figures.
  const fitted = fitModels(config, { participants: ps, members: activity.members, hours: activity.hours, outcome: (group, i) => outcomes.get(group)!.member[i]! });
  const clashes = coefficientProblems(config, fitted.figures, configFile);
  if (clashes.length > 0) throw new InputError(clashes);
  e.figures.push(...fitted.figures);
  emitComparisons(cx, activity.members, outcomes);
  assertUniqueFigures(e.figures);

  // The gate before anything reads the figures (goals, checks, charts).
  const checks = [...cx.checks, ...protectFigures(e, config, configFile, budget)];
  const goals = evaluateGoals(config, e.figures, configFile);
  checks.push(...participantChecks(config, ps), ...reconcileChecks(config, e.figures, ps, configFile));
  return { figures: e.figures, truth: e.truth, goals, models: fitted.models, checks };
}
