// Survey: respondents, per questionnaire the share of those invited who answered, the answer
// distribution of each question on its ordered scale, and the positive share (with the count
// or share the configuration names for it; declared to the gate as the sum of its answers). Respondents are not linked to participants: the
// survey is reported for the project total only. Pure.
import { SURVEY_RESPONDENTS, surveyAnsweredId, surveyQuestionIds } from '../config/figure-ids.ts';
import type { Config } from '../config/schema.ts';
import { t } from '../messages.ts';
import { idPart } from '../slug.ts';
import { configText } from '../problem-messages.ts';
import { emitCounts, emitShares, type Emitter } from './emit.ts';
import type { FamilyContext } from './family.ts';
import { Acc, totalOnlyGrid } from './grid.ts';
import { tableKey } from './secondary.ts';

type Question = NonNullable<Config['survey']>['questions'][number];

const one = (num: number, den = 1) => {
  const a = new Acc(1);
  a.add([0], num, den);
  return a;
};

export function emitSurvey(cx: FamilyContext): void {
  if (!cx.config.survey) return;
  const e: Emitter = { ...cx.e, grid: totalOnlyGrid() };
  emitCounts(e, { id: SURVEY_RESPONDENTS, label: t(cx.lang, 'figure.survey.respondents') }, one(cx.data.survey.length));
  // Per questionnaire, how many of the rows (those invited) hold any answer.
  const bySurvey = new Map<string, Acc>();
  for (const r of cx.data.survey) {
    if (r.survey === null) continue;
    if (!bySurvey.has(r.survey)) bySurvey.set(r.survey, new Acc(1));
    bySurvey.get(r.survey)!.add([0], r.answered ? 1 : 0);
  }
  // One figure per questionnaire, not categories of one figure: each has its own base (the
  // categories of a figure share one, which disclosure control relies on).
  const nameOf = new Map<string, string>();
  for (const [name, a] of bySurvey) {
    const id = surveyAnsweredId(idPart(name) || 'survey');
    const first = nameOf.get(id);
    if (first !== undefined) cx.problems.push({ file: cx.configFile, column: 'tables.survey', value: name, expected: configText.surveyNamesDistinct(first, id) });
    else (nameOf.set(id, name), emitShares(e, { id, label: `${t(cx.lang, 'figure.survey.answered')}: ${name}` }, a));
  }
  for (const q of cx.config.survey.questions) emitQuestion(cx, e, q);
}

function emitQuestion(cx: FamilyContext, e: Emitter, q: Question): void {
  const ids = surveyQuestionIds(q.id);
  const counts = new Map(q.scale.map((a) => [a, 0]));
  let answered = 0;
  const rows = q.survey === undefined ? cx.data.survey : cx.data.survey.filter((r) => r.survey === q.survey);
  for (const r of rows) {
    const a = r.answers[q.id];
    if (a === null || a === undefined) continue;
    counts.set(a, (counts.get(a) ?? 0) + 1);
    answered++;
  }
  for (const answer of q.scale) emitShares(e, { id: ids.answers, label: q.label, category: answer, categoryLabel: answer }, one(counts.get(answer)!, answered));
  if (q.positive) {
    const a = one(q.positive.reduce((s, x) => s + (counts.get(x) ?? 0), 0), answered);
    emitShares(e, { id: ids.positive, label: `${q.label}: ${t(cx.lang, 'figure.positive')}` }, a);
    e.sums?.push({ total: tableKey('num', ids.positive), parts: q.positive.map((x) => tableKey('num', ids.answers, x)) });
    if (q.positive_count) emitCounts(e, { id: q.positive_count, label: `${q.label} (${q.positive.join(', ')})` }, a);
    if (q.positive_share) emitShares(e, { id: q.positive_share, label: `${q.label} (${q.positive.join(', ')})` }, a);
  }
  if (answered < rows.length)
    cx.checks.push({ id: `survey.unanswered.${q.id}`, severity: 'info', message: t(cx.lang, 'check.survey_unanswered', { missing: rows.length - answered, total: rows.length, question: q.label }) });
}
