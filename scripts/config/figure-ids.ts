// The figure ids the configuration defines, in one place: each figure family of the engine
// (scripts/engine/) names its figures with these builders, and the configuration's cross-checks
// (load.ts) use the same builders to refuse two keys that would produce one figure id. Ids are
// built here and never parsed back: what a figure rests on travels beside it (engine/truth.ts).
import type { Config } from './schema.ts';

/** The figures every report has, whatever its configuration. */
export const PARTICIPANTS = {
  enrolled: 'participants.enrolled',
  exited: 'participants.exited',
  stillEnrolled: 'participants.still_enrolled',
  women: 'participants.women',
  monthsEnrolledMean: 'participants.months_enrolled_mean',
  /** The persons and months behind the mean (the gate's tables, not a figure). */
  monthsEnrolled: 'participants.months_enrolled',
} as const;

export const COSTS = { total: 'costs.total', budget: 'costs.budget', perParticipant: 'costs.per_participant' } as const;
export const PREMIUM_TOTAL = 'followup.premium_total';
export const SURVEY_RESPONDENTS = 'survey.respondents';

export const outcomeGroupId = (group: string) => `exit.${group}`;
export const entryGroupId = (group: string) => `entry.${group}`;

/** An activity group's figures, and the measures (persons and sums) its means and sums rest on. */
export const activityGroupIds = (id: string) => ({
  main: id, rows: `${id}.rows`,
  monthsMean: `${id}.months_mean`, hoursMean: `${id}.hours_mean`, monthsSum: `${id}.months_sum`, hoursSum: `${id}.hours_sum`,
  months: `${id}.months`, hours: `${id}.hours`,
});

export const followupGroupIds = (id: string) => ({ main: id, ofBase: `${id}.of_base`, premium: `${id}.premium` });
export const followupBaseId = (months: number) => `followup.m${months}.base`;
export const followupCoverageId = (months: number) => `followup.m${months}.coverage`;

export const comparisonIds = (id: string) => ({ difference: id, a: `${id}.a`, b: `${id}.b` });
export const surveyQuestionIds = (question: string) => ({ answers: `survey.${question}`, positive: `survey.${question}.positive` });
export const surveyAnsweredId = (survey: string) => `survey.answered.${survey}`;
export const seriesFigureIds = (id: string) => ({ inflow: `series.${id}.inflow`, outflow: `series.${id}.outflow`, enrolled: `series.${id}.enrolled` });
export const durationFigureIds = (id: string) => ({ q1: `duration.${id}.q1`, median: `duration.${id}.median`, q3: `duration.${id}.q3`, bands: `duration.${id}.bands`, persons: `duration.${id}` });
export const crosstabFigureId = (crosstab: string, rowKey: string) => `crosstab.${crosstab}.${rowKey}`;
export const modelFigureId = (model: string, coefficient: string) => `model.${model}.${coefficient}`;

type Path = (string | number)[];

/**
 * Every figure id a configuration key defines, with the key's path: the ids of its families
 * (an activity group's `.rows`, `.months_mean` …) as well as its own. Prefixes the engine
 * reserves for figures it computes itself (participants., esf., followup.m…, costs. …) come as
 * `reserved`.
 */
export function definedFigureIds(config: Config): Array<{ id: string; path: Path }> {
  const out: Array<{ id: string; path: Path }> = [];
  const def = (path: Path, ...ids: string[]) => ids.forEach((id) => out.push({ id, path }));
  config.outcome_groups.forEach((g, i) => def(['outcome_groups', i, 'id'], outcomeGroupId(g.id)));
  config.entry_groups.forEach((g, i) => def(['entry_groups', i, 'id'], entryGroupId(g.id)));
  config.distributions.forEach((d, i) => def(['distributions', i, 'id'], d.id));
  config.activity_groups.forEach((g, i) => {
    const ids = activityGroupIds(g.id);
    def(['activity_groups', i, 'id'], ids.main, ids.rows, ...(g.by === 'provider' ? [] : [ids.monthsMean, ids.hoursMean, ids.monthsSum, ids.hoursSum]));
  });
  config.followup_groups.forEach((g, i) => def(['followup_groups', i, 'id'], ...Object.values(followupGroupIds(g.id))));
  config.survey?.questions.forEach((q, i) => {
    const ids = surveyQuestionIds(q.id);
    def(['survey', 'questions', i, 'id'], ids.answers, ...(q.positive ? [ids.positive] : []));
    if (q.positive_count) def(['survey', 'questions', i, 'positive_count'], q.positive_count);
    if (q.positive_share) def(['survey', 'questions', i, 'positive_share'], q.positive_share);
  });
  config.ratios.forEach((r, i) => def(['ratios', i, 'id'], r.id));
  config.comparisons.forEach((c, i) => def(['comparisons', i, 'id'], ...Object.values(comparisonIds(c.id))));
  config.series.forEach((s, i) => def(['series', i, 'id'], ...Object.values(seriesFigureIds(s.id))));
  config.crosstabs.forEach((c, i) => def(['crosstabs', i, 'id'], `crosstab.${c.id}`));
  config.durations.forEach((d, i) => def(['durations', i, 'id'], ...Object.values(durationFigureIds(d.id)).filter((id) => id !== durationFigureIds(d.id).persons)));
  config.models.forEach((m, i) => {
    def(['models', i, 'id'], `model.${m.id}`, modelFigureId(m.id, 'r2'));
    // A predictor's coefficient (a categorical one's are <predictor>_<level>, known only from the data).
    m.predictors.forEach((p, j) => def(['models', i, 'predictors', j, 'id'], modelFigureId(m.id, p.id)));
  });
  return out;
}

/** Ids the engine computes itself, whatever the configuration says. */
export const RESERVED_IDS: readonly string[] = [...Object.values(PARTICIPANTS), ...Object.values(COSTS), PREMIUM_TOTAL, SURVEY_RESPONDENTS];
/** Prefixes under which the engine names figures of its own (the ESF+ indicators, follow-up bases, …) or of one key's family (the key named last). */
const RESERVED_PREFIXES: ReadonlyArray<[prefix: RegExp, what: string, key?: string]> = [
  [/^esf\./, 'esf. (the ESF+ indicators)'],
  [/^followup\.m\d+\./, 'followup.m<N>. (the follow-up bases)'],
  [/^survey\.answered\./, 'survey.answered. (answers per questionnaire)'],
  [/^model\./, 'model. (models)', 'models'],
  [/^crosstab\./, 'crosstab. (crosstabs)', 'crosstabs'],
  [/^series\./, 'series. (time series)', 'series'],
  [/^duration\./, 'duration. (durations)', 'durations'],
];

/** What the engine reserves an id defined under the top-level `key` for (a built-in figure, a prefix of another family), or null. */
export function reservedFor(id: string, key: string): string | null {
  if (RESERVED_IDS.includes(id)) return 'is a figure every report computes';
  const hit = RESERVED_PREFIXES.find(([re, , owner]) => re.test(id) && owner !== key);
  return hit ? `is under ${hit[1]}` : null;
}
