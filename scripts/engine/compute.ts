// The indicator engine: a validated Dataset and its Config in, every figure, goal result and
// data-quality check out. Pure: no I/O, no clock, no randomness.
import type { Config } from '../config-schema.ts';
import { OUTCOME_CODES, type Dataset, type OutcomeCode, type Participant } from '../contract.ts';
import type { Check, Figure, GoalResult, ModelSummary } from '../indicators-schema.ts';
import { fitModels } from './models.ts';
import { twoProportions } from '../stats/index.ts';
import { t, type Language } from '../messages.ts';
import { InputError, type Problem } from '../problems.ts';
import { emitAggregates, emitCounts, emitShares, round6, type Emitter } from './emit.ts';
import { evaluateGoals } from './goals.ts';
import { reconcileChecks } from './reconcile.ts';
import { Acc, makeGrid, totalOnlyGrid } from './grid.ts';
import { applySecondarySuppression } from './secondary.ts';

export interface Computed {
  figures: Figure[];
  goals: GoalResult[];
  models: ModelSummary[];
  checks: Check[];
}

const isExited = (p: Participant) => p.exitDate !== null;

type EntryColumn = 'referral' | 'income_at_entry' | 'education' | 'exit_reason' | 'months_without_work' | 'age_at_entry';
const entryValue = (p: Participant, column: EntryColumn): string | number | null => {
  switch (column) {
    case 'referral': return p.referral;
    case 'income_at_entry': return p.incomeAtEntry;
    case 'education': return p.education;
    case 'exit_reason': return p.exitReason;
    case 'months_without_work': return p.monthsWithoutWork;
    case 'age_at_entry': return p.ageAtEntry;
  }
};

/** `configFile` only names the file in messages about configuration that does not fit the data. */
export function computeIndicators(config: Config, data: Dataset, configFile = 'report.yaml'): Computed {
  const lang: Language = config.language;
  const ps = data.participants;
  const grid = makeGrid(config.units.items.filter((u) => u.reported).map((u) => u.name), ps);
  const e: Emitter = { grid, minCount: config.disclosure.min_count, figures: [] };
  const checks: Check[] = [];
  const problems: Problem[] = [];
  const acc = () => new Acc(grid.size);

  // Participants: enrolled, exited, still enrolled, share of women.
  const enrolled = acc();
  const exited = acc();
  const still = acc();
  const women = acc();
  const womenBase = config.gender_share_of;
  ps.forEach((p, i) => {
    const cells = grid.cellsOf(i);
    enrolled.add(cells, 1);
    if (isExited(p)) exited.add(cells, 1);
    else still.add(cells, 1);
    if (womenBase === 'enrolled' || isExited(p)) women.add(cells, p.gender === 'woman' ? 1 : 0);
  });
  emitCounts(e, { id: 'participants.enrolled', label: t(lang, 'figure.participants.enrolled') }, enrolled);
  emitCounts(e, { id: 'participants.exited', label: t(lang, 'figure.participants.exited') }, exited);
  emitCounts(e, { id: 'participants.still_enrolled', label: t(lang, 'figure.participants.still_enrolled') }, still);
  emitShares(e, { id: 'participants.women', label: t(lang, 'figure.participants.women'), allGendersOnly: true }, women);

  // Outcome groups at exit: a participant may hold several codes, so groups may overlap.
  // Each exited participant's codes become one bit mask, so a group test is a single AND.
  const codeBit = new Map(OUTCOME_CODES.map((c, i) => [c, 1 << i]));
  const exitMask = new Int32Array(ps.length).fill(-1);
  ps.forEach((p, i) => {
    if (isExited(p)) exitMask[i] = p.exitStatus.reduce((m, c) => m | codeBit.get(c)!, 0);
  });
  // Membership per group is kept (1 where the exited participant's exit is in the group): the
  // models and comparisons below use the same groups.
  const inOutcome = new Map<string, Uint8Array>();
  for (const g of config.outcome_groups) {
    const member = new Uint8Array(ps.length);
    if (g.column === 'exit_reason') {
      const reasons = new Set<string>(g.codes);
      ps.forEach((p, i) => {
        if (isExited(p) && p.exitReason !== null && reasons.has(p.exitReason)) member[i] = 1;
      });
    } else {
      const groupMask = g.codes.reduce((m, c) => m | codeBit.get(c as OutcomeCode)!, 0);
      for (let i = 0; i < ps.length; i++) if (exitMask[i] !== -1 && exitMask[i]! & groupMask) member[i] = 1;
    }
    inOutcome.set(g.id, member);
    const a = acc();
    for (let i = 0; i < ps.length; i++) if (exitMask[i] !== -1) a.add(grid.cellsOf(i), member[i]!);
    emitShares(e, { id: `exit.${g.id}`, label: g.label }, a);
  }

  // Entry groups: shares of enrolled participants with a known value in the column.
  for (const g of config.entry_groups) {
    const codes = g.codes ? new Set(g.codes) : null;
    const a = acc();
    let missing = 0;
    ps.forEach((p, i) => {
      const v = entryValue(p, g.column);
      if (v === null) return void missing++;
      const inGroup = codes ? codes.has(String(v)) : typeof v === 'number' && (g.min === undefined || v >= g.min) && (g.max === undefined || v <= g.max);
      a.add(grid.cellsOf(i), inGroup ? 1 : 0);
    });
    emitShares(e, { id: `entry.${g.id}`, label: g.label }, a);
    if (missing > 0) checks.push(missingCheck(lang, `entry.${g.id}`, g.column, missing, ps.length));
  }

  // Distributions: one share per category (codes) or band (numbers), of those with a value.
  config.distributions.forEach((d, di) => {
    const keys = d.categories ? Object.keys(d.categories) : d.bands!.map((b) => b.id);
    const accs = keys.map(() => acc());
    const total = acc();
    let missing = 0;
    const unknown = new Map<string, number>();
    ps.forEach((p, i) => {
      const v = entryValue(p, d.column);
      if (v === null) return void missing++;
      const k = d.categories
        ? keys.indexOf(String(v))
        : d.bands!.findIndex((b) => typeof v === 'number' && (b.min === undefined || v >= b.min) && (b.max === undefined || v <= b.max));
      if (k === -1) return void unknown.set(String(v), (unknown.get(String(v)) ?? 0) + 1);
      const cells = grid.cellsOf(i);
      total.add(cells, 1);
      accs[k]!.add(cells, 1);
    });
    for (const [value, n] of unknown)
      problems.push({ file: configFile, column: `distributions[${di}].${d.categories ? 'categories' : 'bands'}`, value, expected: `a category or band for every value of ${d.column} in the data (${n} participant(s) have this value)` });
    keys.forEach((k, j) => {
      for (let c = 0; c < grid.size; c++) accs[j]!.den[c] = total.num[c]!;
      emitShares(e, { id: d.id, label: d.label, category: k, categoryLabel: d.categories ? d.categories[k]! : d.bands![j]!.label }, accs[j]!);
    });
    if (missing > 0) checks.push(missingCheck(lang, d.id, d.column, missing, ps.length));
  });

  // Activity groups: who took part (share of enrolled), how long and how much among them.
  const members = new Map<string, Uint8Array>();
  const hoursOf = new Map<string, Float64Array>();
  if (config.activity_groups.length > 0) {
    for (const g of config.activity_groups) {
      const sets = [g.activity, g.provider, g.result].map((xs) => (xs ? new Set(xs) : null));
      const match = (field: string | null, allowed: Set<string> | null | undefined) => !allowed || (field !== null && allowed.has(field));
      const has = new Uint8Array(ps.length);
      const months = new Float64Array(ps.length);
      const hours = new Float64Array(ps.length);
      const hasMonths = new Uint8Array(ps.length);
      const hasHours = new Uint8Array(ps.length);
      const rows = acc();
      for (let k = 0; k < data.activities.length; k++) {
        const a = data.activities[k]!;
        if (!match(a.activity, sets[0]) || !match(a.provider, sets[1]) || !match(a.result, sets[2])) continue;
        const i = a.participant;
        has[i] = 1;
        rows.add(grid.cellsOf(i), 1);
        if (a.months !== null) ((months[i]! += a.months), (hasMonths[i] = 1));
        if (a.hours !== null) ((hours[i]! += a.hours), (hasHours[i] = 1));
      }
      const share = acc();
      const m = acc();
      const h = acc();
      for (let i = 0; i < ps.length; i++) {
        const cells = grid.cellsOf(i);
        share.add(cells, has[i]!);
        if (hasMonths[i]) m.add(cells, months[i]!);
        if (hasHours[i]) h.add(cells, hours[i]!);
      }
      members.set(g.id, has);
      hoursOf.set(g.id, hours);
      if (g.measure === 'count') emitCounts(e, { id: g.id, label: g.label }, share);
      else emitShares(e, { id: g.id, label: g.label }, share);
      emitCounts(e, { id: `${g.id}.rows`, label: `${g.label}: ${t(lang, 'figure.rows')}` }, rows);
      emitAggregates(e, { id: `${g.id}.months_mean`, label: `${g.label}: ${t(lang, 'figure.months_mean')}` }, m, 'mean');
      emitAggregates(e, { id: `${g.id}.hours_mean`, label: `${g.label}: ${t(lang, 'figure.hours_mean')}` }, h, 'mean');
      emitAggregates(e, { id: `${g.id}.months_sum`, label: `${g.label}: ${t(lang, 'figure.months_sum')}` }, m, 'sum');
      emitAggregates(e, { id: `${g.id}.hours_sum`, label: `${g.label}: ${t(lang, 'figure.hours_sum')}` }, h, 'sum');
    }
  }

  // Follow-ups: persons with a status in the group's codes at a follow-up point.
  if (config.followup_groups.length > 0) {
    for (const g of config.followup_groups) {
      const codes = new Set<string>(g.codes);
      const among = g.activity_group ? members.get(g.activity_group)! : null;
      const seen = new Uint8Array(ps.length);
      const a = acc();
      for (const f of data.followups) {
        if (f.monthsAfterExit !== g.months_after_exit || !codes.has(f.status) || seen[f.participant]) continue;
        if (among && !among[f.participant]) continue;
        seen[f.participant] = 1; // a person counts once even with several rows at one point
        a.add(grid.cellsOf(f.participant), 1);
      }
      emitCounts(e, { id: g.id, label: g.label }, a);
    }
  }

  // Survey: respondents, answer distributions on each ordered scale, the positive share.
  if (config.survey) {
    // Respondents are not linked to participants: the survey is reported for the total only.
    const surveyEmitter: Emitter = { ...e, grid: totalOnlyGrid() };
    const respondents = new Acc(1);
    respondents.add([0], data.survey.length);
    emitCounts(surveyEmitter, { id: 'survey.respondents', label: t(lang, 'figure.survey.respondents') }, respondents);
    for (const q of config.survey.questions) {
      const counts = new Map(q.scale.map((a) => [a, 0]));
      let answered = 0;
      const rows = q.survey === undefined ? data.survey : data.survey.filter((r) => r.survey === q.survey);
      for (const r of rows) {
        const a = r.answers[q.id];
        if (a === null || a === undefined) continue;
        counts.set(a, (counts.get(a) ?? 0) + 1);
        answered++;
      }
      for (const answer of q.scale) {
        const a = new Acc(1);
        a.add([0], counts.get(answer)!, answered);
        emitShares(surveyEmitter, { id: `survey.${q.id}`, label: q.label, category: answer, categoryLabel: answer }, a);
      }
      if (q.positive) {
        const a = new Acc(1);
        a.add([0], q.positive.reduce((s, x) => s + (counts.get(x) ?? 0), 0), answered);
        emitShares(surveyEmitter, { id: `survey.${q.id}.positive`, label: `${q.label}: ${t(lang, 'figure.positive')}` }, a);
        if (q.positive_count) emitCounts(surveyEmitter, { id: q.positive_count, label: `${q.label} (${q.positive.join(', ')})` }, a);
      }
      if (answered < rows.length)
        checks.push({ id: `survey.unanswered.${q.id}`, severity: 'info', message: t(lang, 'check.survey_unanswered', { missing: rows.length - answered, total: rows.length, question: q.label }) });
    }
  }

  if (problems.length > 0) throw new InputError(problems);

  // Regression models, on the same outcome groups and activity groups as the figures.
  const outcome = (group: string, i: number): number => inOutcome.get(group)![i]!;
  const fitted = fitModels(config, { participants: ps, members, hours: hoursOf, outcome });
  e.figures.push(...fitted.figures);

  // Two-proportion comparisons: the outcome's share among exited members of group a and of b.
  const total = totalOnlyGrid();
  for (const c of config.comparisons) {
    const counts = [c.a, c.b].map((g) => {
      const a = new Acc(1);
      ps.forEach((p, i) => {
        if (isExited(p) && members.get(g)![i]) a.add([0], outcome(c.outcome, i));
      });
      return a;
    });
    // Labelled by group: the outcome is named by the comparison (and a chart's title).
    const label = (g: string) => config.activity_groups.find((x) => x.id === g)!.label;
    emitShares({ ...e, grid: total }, { id: `${c.id}.a`, label: label(c.a) }, counts[0]!);
    emitShares({ ...e, grid: total }, { id: `${c.id}.b`, label: label(c.b) }, counts[1]!);
    const [x1, n1, x2, n2] = [counts[0]!.num[0]!, counts[0]!.den[0]!, counts[1]!.num[0]!, counts[1]!.den[0]!];
    const k = config.disclosure.min_count;
    const hidden = [x1, n1, x2, n2].some((v) => v > 0 && v < k) || n1 === 0 || n2 === 0;
    const d = hidden ? null : twoProportions(x1, n1, x2, n2);
    e.figures.push({
      id: c.id, label: c.label, unit: 'total', gender: 'all', kind: 'difference', value: d ? round6(d.difference) : null,
      ...(d ? { ci95: [round6(d.ci95[0]), round6(d.ci95[1])] as [number, number], p: round6(d.p), n: n1 + n2 } : {}), suppressed: hidden,
    });
  }

  // Secondary disclosure control before anything reads the figures (goals, checks, charts).
  const secondary = config.disclosure.secondary === false ? { suppressed: 0, unprotected: [] } : applySecondarySuppression(e.figures, config.disclosure.min_count, config, configFile);
  if (secondary.unprotected.length > 0)
    throw new InputError(secondary.unprotected.map((u) => ({ file: configFile, column: 'disclosure.min_count', value: `${u.id} ${u.unit} ${u.gender}${u.category ? ` ${u.category}` : ''}`, expected: `tables in which every suppressed cell can be protected (merge small units or categories)` })));
  if (secondary.suppressed > 0) checks.push({ id: 'disclosure.secondary', severity: 'info', message: t(lang, 'check.secondary', { n: secondary.suppressed }) });
  const goals = evaluateGoals(config, e.figures, configFile);
  checks.push(...participantChecks(config, ps), ...reconcileChecks(config, e.figures, ps, configFile), ...suppressionChecks(lang, e.figures, config.disclosure.min_count));
  return { figures: e.figures, goals, models: fitted.models, checks };
}

function missingCheck(lang: Language, id: string, column: string, missing: number, total: number): Check {
  return { id: `missing.${id}`, severity: 'warning', message: t(lang, 'check.missing', { missing, total, column, id, rest: total - missing }) };
}

function participantChecks(config: Config, ps: Participant[]): Check[] {
  const lang = config.language;
  const out: Check[] = [];
  const still = ps.filter((p) => !isExited(p)).length;
  if (still > 0) out.push({ id: 'participants.still_enrolled', severity: 'info', message: t(lang, 'check.still_enrolled', { still, total: ps.length }) });
  const hidden = config.units.items.filter((u) => !u.reported).map((u) => u.name);
  if (hidden.length > 0) {
    const n = ps.filter((p) => hidden.includes(p.unit)).length;
    out.push({ id: 'units.not_reported', severity: 'info', message: t(lang, 'check.not_reported', { n, units: hidden.join(', ') }) });
  }
  const outside = ps.filter((p) => p.entryDate > config.period.to || (p.exitDate !== null && p.exitDate < config.period.from)).length;
  if (outside > 0) out.push({ id: 'participants.outside_period', severity: 'warning', message: t(lang, 'check.outside_period', { n: outside, from: config.period.from, to: config.period.to }) });
  return out;
}

function suppressionChecks(lang: Language, figures: Figure[], k: number): Check[] {
  const n = figures.filter((f) => f.suppressed).length;
  return n === 0 ? [] : [{ id: 'disclosure.suppressed', severity: 'info', message: t(lang, 'check.suppressed', { n, k }) }];
}
