// The indicator engine: a validated Dataset and its Config in, every figure, goal result and
// data-quality check out. Pure: no I/O, no clock, no randomness.
import { projectCodes, type Config } from '../config/schema.ts';
import { outcomeCodes, type Participant } from '../config/contract.ts';
import type { ActivityTable, TableDataset } from './activity-table.ts';
import type { Check, Figure, GoalResult, ModelSummary } from '../publish/indicators-schema.ts';
import { fitModels } from './models.ts';
import { twoProportions } from '../stats/index.ts';
import { t, type Language } from '../messages.ts';
import { idPart } from '../slug.ts';
import { InputError, type Problem } from '../problems.ts';
import { emitAggregates, emitCounts, emitShares, round6, type Emitter } from './emit.ts';
import { emitEsfFigures, ESF_FOLLOWUP_MONTHS } from './esf.ts';
import { emitFollowupBase, emitLinkedShares, followupBase, followupBaseId, shareOfBase, type FollowupBase } from './followup-base.ts';
import { evaluateGoals } from './goals.ts';
import { reconcileChecks } from './reconcile.ts';
import { Acc, makeGrid, totalOnlyGrid } from './grid.ts';
import { WorkBoundError } from './protect.ts';
import { applySecondarySuppression, hideDifferences, tableKey, type Declared } from './secondary.ts';
import { monthsBetween } from './dates.ts';
import { declareRest, passes } from './filter.ts';
import { emitSeries } from './series.ts';
import { emitCrosstabs } from './crosstab.ts';
import { emitDurations } from './durations.ts';

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
export function computeIndicators(config: Config, data: TableDataset, configFile = 'report.yaml'): Computed {
  const lang: Language = config.language;
  const ps = data.participants;
  const grid = makeGrid(config.units.items.filter((u) => u.reported).map((u) => u.name), ps);
  const e: Emitter = { grid, minCount: config.disclosure.min_count, figures: [], links: [], unpublished: [], linkedIds: new Set() };
  const checks: Check[] = [];
  const problems: Problem[] = [];
  const acc = () => new Acc(grid.size);

  // Participants: enrolled, exited, still enrolled, share of women.
  const enrolled = acc();
  const exited = acc();
  const still = acc();
  const women = acc();
  // Time enrolled among those who exited, in months of 365.25 / 12 days.
  const enrolledMonths = acc();
  const womenBase = config.gender_share_of;
  ps.forEach((p, i) => {
    const cells = grid.cellsOf(i);
    enrolled.add(cells, 1);
    if (p.exitDate !== null) (exited.add(cells, 1), enrolledMonths.add(cells, monthsBetween(p.entryDate, p.exitDate)));
    else still.add(cells, 1);
    if (womenBase === 'enrolled' || isExited(p)) women.add(cells, p.gender === 'woman' ? 1 : 0);
  });
  emitCounts(e, { id: 'participants.enrolled', label: t(lang, 'figure.participants.enrolled') }, enrolled);
  emitCounts(e, { id: 'participants.exited', label: t(lang, 'figure.participants.exited') }, exited);
  emitCounts(e, { id: 'participants.still_enrolled', label: t(lang, 'figure.participants.still_enrolled') }, still);
  emitShares(e, { id: 'participants.women', label: t(lang, 'figure.participants.women'), allGendersOnly: true }, women);
  // Follow-ups with the right base (followup-base.ts): those who left at least N months before
  // the data were extracted, at every point a follow-up group or the ESF+ indicators use.
  const extracted = config.tables.followups?.data_extracted ?? config.data_extracted;
  const bases = new Map<number, FollowupBase>();
  if (extracted !== undefined && config.tables.followups)
    for (const n of [...new Set([ESF_FOLLOWUP_MONTHS, ...config.followup_groups.map((g) => g.months_after_exit)])].sort((a, b) => a - b)) {
      const b = followupBase(ps, data.followups, extracted, n);
      bases.set(n, b);
      emitFollowupBase(e, b, lang);
    }
  emitEsfFigures(e, ps, lang, bases.get(ESF_FOLLOWUP_MONTHS) ?? null, data.followups);
  // Raw (unsuppressed) count cells by figure id, for ratios of counts computed further down.
  const counts = new Map<string, Acc>([['participants.enrolled', enrolled], ['participants.exited', exited]]);
  emitAggregates(e, { id: 'participants.months_enrolled_mean', label: t(lang, 'figure.participants.months_enrolled_mean') }, enrolledMonths, 'mean');

  // Entry-group membership, computed when first asked for (outcome groups may be restricted to one).
  const entryMembers = new Map<string, Uint8Array>();
  const entryMember = (id: string): Uint8Array => {
    let m = entryMembers.get(id);
    if (!m) {
      const g = config.entry_groups.find((x) => x.id === id)!;
      const codes = g.codes ? new Set(g.codes) : null;
      m = new Uint8Array(ps.length);
      ps.forEach((p, i) => {
        const v = entryValue(p, g.column);
        if (v !== null && (codes ? codes.has(String(v)) : inRange(v, g))) m![i] = 1;
      });
      entryMembers.set(id, m);
    }
    return m;
  };

  // Outcome groups at exit: a participant may hold several codes, so groups may overlap.
  // Each exited participant's codes become one bit mask, so a group test is a single AND.
  const codeBit = new Map<string, number>(outcomeCodes(projectCodes(config)).map((c, i) => [c, 1 << i]));
  const exitMask = new Int32Array(ps.length).fill(-1);
  ps.forEach((p, i) => {
    if (isExited(p)) exitMask[i] = p.exitStatus.reduce((m, c) => m | codeBit.get(c)!, 0);
  });
  // Membership per group is kept (1 where the exited participant's exit is in the group): the
  // models and comparisons below use the same groups.
  const inOutcome = new Map<string, Uint8Array>();
  // Each group's base (exited, within its entry group and date filter): crosstabs and durations.
  const outcomeSets = new Map<string, { base: Uint8Array; member: Uint8Array }>();
  for (const g of config.outcome_groups) {
    const member = new Uint8Array(ps.length);
    if (g.column === 'exit_reason') {
      const reasons = new Set<string>(g.codes);
      ps.forEach((p, i) => {
        if (isExited(p) && p.exitReason !== null && reasons.has(p.exitReason)) member[i] = 1;
      });
    } else {
      const groupMask = g.codes.reduce((m, c) => m | codeBit.get(c)!, 0);
      for (let i = 0; i < ps.length; i++) if (exitMask[i] !== -1 && exitMask[i]! & groupMask) member[i] = 1;
    }
    inOutcome.set(g.id, member);
    const among = g.entry_group !== undefined ? entryMember(g.entry_group) : null;
    const a = acc();
    const inBase = new Uint8Array(ps.length);
    for (let i = 0; i < ps.length; i++) if (exitMask[i] !== -1 && (!among || among[i]) && passes(ps[i]!, g.filter)) ((inBase[i] = 1), a.add(grid.cellsOf(i), member[i]!));
    outcomeSets.set(g.id, { base: inBase, member });
    emitShares(e, { id: `exit.${g.id}`, label: g.label, breakdown: g.breakdown }, a);
    if (g.filter && !among) declareRest(e, `exit.${g.id}`, g.breakdown, { table: tableKey('count', 'participants.exited'), cells: exited.num }, { table: tableKey('den', `exit.${g.id}`), cells: a.den });
  }

  // Entry groups: shares of enrolled participants with a known value in the column.
  const entryRows = new Map<string, Int8Array>();
  for (const g of config.entry_groups) {
    const member = entryMember(g.id);
    const a = acc();
    let missing = 0;
    const rows = new Int8Array(ps.length).fill(-1);
    ps.forEach((p, i) => {
      if (entryValue(p, g.column) === null) return void missing++;
      if (!passes(p, g.filter)) return;
      rows[i] = member[i]!;
      a.add(grid.cellsOf(i), member[i]!);
    });
    entryRows.set(g.id, rows);
    emitShares(e, { id: `entry.${g.id}`, label: g.label, breakdown: g.breakdown }, a);
    if (g.filter) declareRest(e, `entry.${g.id}`, g.breakdown, { table: tableKey('count', 'participants.enrolled'), cells: enrolled.num }, { table: tableKey('den', `entry.${g.id}`), cells: a.den });
    if (missing > 0) checks.push(missingCheck(lang, `entry.${g.id}`, g.column, missing, ps.length));
  }

  // Distributions: one share per category (codes) or band (numbers), of those with a value.
  const distIndex = new Map<string, Int32Array>();
  config.distributions.forEach((d, di) => {
    const index = new Int32Array(ps.length).fill(-1);
    const keys = d.categories ? Object.keys(d.categories) : d.bands!.map((b) => b.id);
    const accs = keys.map(() => acc());
    const total = acc();
    let missing = 0;
    const unknown = new Map<string, number>();
    const count = (v: string | number | null, i: number) => {
      if (v === null) return void missing++;
      const k = d.categories
        ? keys.indexOf(String(v))
        : d.bands!.findIndex((b) => inRange(v, b));
      if (k === -1) return void unknown.set(String(v), (unknown.get(String(v)) ?? 0) + 1);
      if (d.table !== 'activities') index[i] = k;
      const cells = grid.cellsOf(i);
      total.add(cells, 1);
      accs[k]!.add(cells, 1);
    };
    if (d.table === 'activities') {
      // One value per activity row (e.g. a voucher's length), by the participant's unit.
      const only = d.activity ? new Set(d.activity) : null;
      const a = data.activities;
      for (let r = 0; r < a.length; r++) if (!only || only.has(a.activity(r))) count(a.months(r), a.participant(r));
    } else {
      // An exit reason exists only for those who have exited: the others are not missing one.
      const inScope = (p: Participant) => passes(p, d.filter) && (d.column !== 'exit_reason' || isExited(p));
      ps.forEach((p, i) => inScope(p) && count(entryValue(p, d.column as EntryColumn), i));
    }
    distIndex.set(d.id, index);
    for (const [value, n] of unknown)
      problems.push({ file: configFile, column: `distributions[${di}].${d.categories ? 'categories' : 'bands'}`, value, expected: `a category or band for every value of ${d.column} in the data (${n} participant(s) have this value)` });
    keys.forEach((k, j) => {
      for (let c = 0; c < grid.size; c++) accs[j]!.den[c] = total.num[c]!;
      emitShares(e, { id: d.id, label: d.label, category: k, categoryLabel: d.categories ? d.categories[k]! : d.bands![j]!.label, breakdown: d.breakdown }, accs[j]!);
    });
    if (d.filter) declareRest(e, d.id, d.breakdown, { table: tableKey('count', 'participants.enrolled'), cells: enrolled.num }, { table: tableKey('den', d.id, keys[0]!), cells: total.num });
    // Of those in scope (the rows, or the participants the column applies to and the filter keeps).
    if (missing > 0) checks.push(missingCheck(lang, d.id, d.column, missing, missing + total.num[grid.size - grid.genders.length]!));
  });

  // Time series, crosstabs of outcomes by entry characteristics, durations.
  emitSeries(e, config, ps);
  emitCrosstabs(e, config, { ps, outcomes: outcomeSets, distributions: distIndex, entryRows: (id) => entryRows.get(id)! });
  emitDurations(e, config, { ps, outcomes: outcomeSets });

  // Activity groups: who took part (share of enrolled), how long and how much among them.
  const members = new Map<string, Uint8Array>();
  const hoursOf = new Map<string, Float64Array>();
  const unitNames = new Set(config.units.items.map((u) => u.name));
  for (const g of config.activity_groups) {
    const a = data.activities;
    const selected = selectActivities(g, a);
    const has = new Uint8Array(ps.length);
    for (const r of selected) has[a.participant(r)] = 1;
    members.set(g.id, has);
    if (g.by === 'provider') {
      // By the provider of each row: a person counts once per provider; rows go to their provider.
      const persons = acc();
      const rows = acc();
      const seen = new Set<string>();
      const unknownProviders = new Map<string, number>();
      for (const r of selected) {
        const provider = a.provider(r);
        if (provider === null || !unitNames.has(provider)) {
          unknownProviders.set(provider ?? '', (unknownProviders.get(provider ?? '') ?? 0) + 1);
          continue;
        }
        const cells = grid.cellsAt(provider, ps[a.participant(r)]!.gender);
        rows.add(cells, 1);
        const key = `${a.participant(r)}\u0000${provider}`;
        if (!seen.has(key)) (seen.add(key), persons.add(cells, 1));
      }
      for (const [value, n] of unknownProviders)
        problems.push({ file: configFile, column: `activity_groups (${g.id}, by: provider)`, value, expected: `a provider that names a unit of units.items, as the group is counted by provider (${n} activity row(s) have this provider; map it in tables.activities.values.provider)` });
      const main = g.measure === 'rows' ? rows : persons;
      counts.set(g.id, main).set(`${g.id}.rows`, rows);
      emitCounts(e, { id: g.id, label: g.label }, main);
      if (g.measure !== 'rows') emitCounts(e, { id: `${g.id}.rows`, label: `${g.label}: ${t(lang, 'figure.rows')}` }, rows);
      continue;
    }
    const months = new Float64Array(ps.length);
    const hours = new Float64Array(ps.length);
    const hasMonths = new Uint8Array(ps.length);
    const hasHours = new Uint8Array(ps.length);
    const rows = acc();
    for (const r of selected) {
      const i = a.participant(r);
      rows.add(grid.cellsOf(i), 1);
      const mo = a.months(r);
      const ho = a.hours(r);
      if (mo !== null) ((months[i]! += mo), (hasMonths[i] = 1));
      if (ho !== null) ((hours[i]! += ho), (hasHours[i] = 1));
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
    hoursOf.set(g.id, hours);
    counts.set(g.id, g.measure === 'rows' ? rows : share).set(`${g.id}.rows`, rows);
    if (g.measure === 'share') emitShares(e, { id: g.id, label: g.label, breakdown: g.breakdown }, share);
    else emitCounts(e, { id: g.id, label: g.label, breakdown: g.breakdown }, g.measure === 'rows' ? rows : share);
    if (g.measure !== 'rows') emitCounts(e, { id: `${g.id}.rows`, label: `${g.label}: ${t(lang, 'figure.rows')}`, breakdown: g.breakdown }, rows);
    emitAggregates(e, { id: `${g.id}.months_mean`, label: `${g.label}: ${t(lang, 'figure.months_mean')}`, breakdown: g.breakdown }, m, 'mean');
    emitAggregates(e, { id: `${g.id}.hours_mean`, label: `${g.label}: ${t(lang, 'figure.hours_mean')}`, breakdown: g.breakdown }, h, 'mean');
    emitAggregates(e, { id: `${g.id}.months_sum`, label: `${g.label}: ${t(lang, 'figure.months_sum')}`, breakdown: g.breakdown }, m, 'sum');
    emitAggregates(e, { id: `${g.id}.hours_sum`, label: `${g.label}: ${t(lang, 'figure.hours_sum')}`, breakdown: g.breakdown }, h, 'sum');
  }

  // Follow-ups: persons with a status in the group's codes at a follow-up point.
  if (config.followup_groups.length > 0) {
    const premiums = acc();
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
      counts.set(g.id, a);
      const b = bases.get(g.months_after_exit);
      if (b) {
        // The same status among the base: a share whose denominators are the base's cells (of the activity group's part of it, when the group names one).
        const share = shareOfBase(e, b, data.followups, (f) => codes.has(f.status), among);
        const meta = { id: `${g.id}.of_base`, label: t(lang, 'figure.followup.of_base', { label: g.label, months: g.months_after_exit }) };
        if (among) emitShares(e, meta, share);
        else emitLinkedShares(e, meta, share, followupBaseId(g.months_after_exit));
      }
      if (g.premium_sek !== undefined) {
        // The premium paid: a sum of money resting on the count, so suppressed with it.
        const paid = acc();
        for (let c = 0; c < grid.size; c++) ((paid.num[c] = a.num[c]! * g.premium_sek), (paid.den[c] = a.num[c]!));
        emitAggregates(e, { id: `${g.id}.premium`, label: `${g.label}: ${t(lang, 'figure.premium')}` }, paid, 'sum');
        for (let c = 0; c < grid.size; c++) ((premiums.num[c]! += paid.num[c]!), (premiums.den[c]! += paid.den[c]!));
      }
    }
    if (config.followup_groups.some((g) => g.premium_sek !== undefined))
      emitAggregates(e, { id: 'followup.premium_total', label: t(lang, 'figure.premium_total') }, premiums, 'sum');
  }

  // Costs: what was paid (by unit where a cost item names one), the budget, and per participant.
  if (config.costs) {
    const year = config.costs.year;
    const rows = data.costs.filter((c) => year === undefined || c.year === year);
    const paid = acc();
    let budget = 0;
    let budgeted = false;
    for (const c of rows) {
      paid.add(grid.allGendersAt(c.item), c.amountSek);
      if (c.budgetSek !== null) ((budget += c.budgetSek), (budgeted = true));
    }
    // Money is not a count of persons: published as it is, for the cells that have cost rows.
    for (let c = 0; c < grid.size; c++) {
      if (grid.genderOf(c) !== 'all' || paid.den[c] === 0) continue;
      e.figures.push({ id: 'costs.total', label: t(lang, 'figure.costs.total'), unit: grid.unitOf(c), gender: 'all', kind: 'sum', value: round6(paid.num[c]!), suppressed: false });
    }
    if (budgeted) e.figures.push({ id: 'costs.budget', label: t(lang, 'figure.costs.budget'), unit: 'total', gender: 'all', kind: 'sum', value: round6(budget), suppressed: false });
    const of = config.costs.per_participant_of;
    if (of !== undefined) {
      // Persons with a row of the group overlapping the cost year, by the row's provider when the
      // group is counted by provider; the total counts each person once.
      const g = config.activity_groups.find((x) => x.id === of)!;
      const from = year === undefined ? '0000-01-01' : `${year}-01-01`;
      const to = year === undefined ? '9999-12-31' : `${year}-12-31`;
      const persons = acc();
      const seen = new Set<string>();
      const seenTotal = new Uint8Array(ps.length);
      const a = data.activities;
      for (const r of selectActivities(g, a)) {
        const startDate = a.startDate(r);
        const endDate = a.endDate(r);
        if ((startDate !== null && startDate > to) || (endDate !== null && endDate < from)) continue;
        const p = a.participant(r);
        const unit = g.by === 'provider' ? a.provider(r) : ps[p]!.unit;
        const key = `${p}\u0000${unit}`;
        if (unit !== null && unitNames.has(unit) && !seen.has(key)) {
          seen.add(key);
          persons.add(grid.allGendersAt(unit).filter((c) => grid.unitOf(c) !== 'total'), 0, 1);
        }
        if (!seenTotal[p]) ((seenTotal[p] = 1), persons.add(grid.allGendersAt('total'), 0, 1));
      }
      const per = acc();
      for (let c = 0; c < grid.size; c++) if (grid.genderOf(c) === 'all' && persons.den[c]! > 0 && paid.den[c]! > 0) ((per.num[c] = paid.num[c]!), (per.den[c] = persons.den[c]!));
      const before = e.figures.length;
      emitAggregates(e, { id: 'costs.per_participant', label: t(lang, 'figure.costs.per_participant'), allGendersOnly: true, breakdown: config.costs.breakdown }, per, 'mean');
      // Money to the whole krona: a cost per participant has no meaningful öre.
      for (const f of e.figures.slice(before)) if (f.value !== null) f.value = Math.round(f.value);
    }
  }

  // Survey: respondents, answer distributions on each ordered scale, the positive share.
  if (config.survey) {
    // Respondents are not linked to participants: the survey is reported for the total only.
    const surveyEmitter: Emitter = { ...e, grid: totalOnlyGrid() };
    const respondents = new Acc(1);
    respondents.add([0], data.survey.length);
    emitCounts(surveyEmitter, { id: 'survey.respondents', label: t(lang, 'figure.survey.respondents') }, respondents);
    // Per questionnaire, how many of the rows (those invited) hold any answer.
    const bySurvey = new Map<string, Acc>();
    for (const r of data.survey) {
      if (r.survey === null) continue;
      if (!bySurvey.has(r.survey)) bySurvey.set(r.survey, new Acc(1));
      bySurvey.get(r.survey)!.add([0], r.answered ? 1 : 0);
    }
    // One figure per questionnaire, not categories of one figure: each has its own base (the
    // categories of a figure share one, which disclosure control relies on).
    for (const [name, a] of bySurvey) emitShares(surveyEmitter, { id: `survey.answered.${idPart(name) || 'survey'}`, label: `${t(lang, 'figure.survey.answered')}: ${name}` }, a);
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
        if (q.positive_share) emitShares(surveyEmitter, { id: q.positive_share, label: `${q.label} (${q.positive.join(', ')})` }, a);
      }
      if (answered < rows.length)
        checks.push({ id: `survey.unanswered.${q.id}`, severity: 'info', message: t(lang, 'check.survey_unanswered', { missing: rows.length - answered, total: rows.length, question: q.label }) });
    }
  }

  // Ratios of counts: e.g. renewals to another provider among all renewals, per cell.
  config.ratios.forEach((r, ri) => {
    const parts = [r.numerator, ...r.denominator].map((id) => counts.get(id));
    const missingIds = [r.numerator, ...r.denominator].filter((_, j) => !parts[j]);
    if (missingIds.length > 0) {
      for (const id of missingIds) problems.push({ file: configFile, column: `ratios[${ri}]`, value: id, expected: `a count figure: ${[...counts.keys()].join(', ')}` });
      return;
    }
    const a = acc();
    for (let c = 0; c < grid.size; c++) {
      a.num[c] = parts[0]!.num[c]!;
      a.den[c] = parts.slice(1).reduce((sum, p) => sum + p!.num[c]!, 0);
    }
    emitShares(e, { id: r.id, label: r.label }, a);
  });

  if (problems.length > 0) throw new InputError(problems);

  // Regression models, on the same outcome groups and activity groups as the figures.
  const outcome = (group: string, i: number): number => inOutcome.get(group)![i]!;
  const fitted = fitModels(config, { participants: ps, members, hours: hoursOf, outcome });
  e.figures.push(...fitted.figures);

  // Two-proportion comparisons: the outcome's share among exited members of group a and of b.
  for (const c of config.comparisons) emitComparison(e, c, config, (g, i) => isExited(ps[i]!) && members.get(g)![i] === 1, (i) => outcome(c.outcome, i), ps.length);

  // Secondary disclosure control before anything reads the figures (goals, checks, charts).
  for (const f of e.figures) if (f.suppressed) f.suppression = 'primary';
  const secondary = config.disclosure.secondary === false ? { suppressed: hideDifferences(e.figures), unprotected: [] } : protectFigures(e.figures, config, configFile, { links: e.links!, unpublished: e.unpublished!, linkedIds: e.linkedIds! });
  if (secondary.unprotected.length > 0)
    throw new InputError(secondary.unprotected.map((u) => ({ file: configFile, column: 'disclosure.min_count', value: `${u.id} ${u.unit} ${u.gender}${u.category ? ` ${u.category}` : ''}`, expected: `tables in which every suppressed cell can be protected (merge small units or categories)` })));
  checks.push(...suppressionChecks(lang, e.figures, config.disclosure.min_count));
  const goals = evaluateGoals(config, e.figures, configFile);
  checks.push(...participantChecks(config, ps), ...reconcileChecks(config, e.figures, ps, configFile));
  return { figures: e.figures, goals, models: fitted.models, checks };
}

/** Whether a number lies within optional bounds (an entry group's or a band's min and max, both inclusive). */
const inRange = (v: string | number, r: { min?: number | undefined; max?: number | undefined }) =>
  typeof v === 'number' && (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max);

/** The indexes of the activity rows an activity group selects by activity, provider and result codes. */
function selectActivities(g: Config['activity_groups'][number], activities: ActivityTable): Int32Array {
  const [activity, provider, result] = [g.activity, g.provider, g.result].map((xs) => (xs ? new Set(xs) : null));
  return activities.select(activity ?? null, provider ?? null, result ?? null);
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

/** Secondary suppression, with a bound on its work that ends in a clear error rather than a long build. */
function protectFigures(figures: Figure[], config: Config, configFile: string, declared: Declared) {
  const maxSolves = 200_000;
  try {
    return applySecondarySuppression(figures, config.disclosure.min_count, config, maxSolves, declared);
  } catch (err) {
    if (!(err instanceof WorkBoundError)) throw err;
    throw new InputError([{ file: configFile, column: 'disclosure', value: err.message, expected: `a report that secondary suppression can protect within ${maxSolves} linear programs: merge small units or categories, or drop the gender breakdown of distributions` }]);
  }
}

/** How many values each rule hid: those resting on fewer than k persons, and those hidden so that no such value can be worked out. */
function suppressionChecks(lang: Language, figures: Figure[], k: number): Check[] {
  const primary = figures.filter((f) => f.suppression === 'primary').length;
  const secondary = figures.filter((f) => f.suppression === 'secondary').length;
  const out: Check[] = [];
  if (primary > 0) out.push({ id: 'disclosure.suppressed', severity: 'info', message: t(lang, primary === 1 ? 'check.suppressed_one' : 'check.suppressed', { n: primary, k }) });
  if (secondary > 0) out.push({ id: 'disclosure.secondary', severity: 'info', message: t(lang, secondary === 1 ? 'check.secondary_one' : 'check.secondary', { n: secondary }) });
  return out;
}

/**
 * One comparison: the outcome's share among group a and among group b (figures <id>.a, <id>.b),
 * and their difference (<id>) with its Newcombe interval, for the project or also per unit. The
 * difference is left out where either share rests on fewer than min_count persons.
 */
function emitComparison(e: Emitter, c: Config['comparisons'][number], config: Config, member: (group: string, i: number) => boolean, outcome: (i: number) => number, n: number): void {
  const grid = c.breakdown === 'units' ? e.grid : totalOnlyGrid();
  const cellsOf = (i: number) => grid.cellsOf(i).filter((cell) => grid.genderOf(cell) === 'all');
  const counts = [c.a, c.b].map((g) => {
    const a = new Acc(grid.size);
    for (let i = 0; i < n; i++) if (member(g, i)) a.add(cellsOf(i), outcome(i));
    return a;
  });
  // Labelled by group: the outcome is named by the comparison (and a chart's title).
  const label = (g: string) => config.activity_groups.find((x) => x.id === g)!.label;
  const breakdown = c.breakdown === 'units' ? ('units' as const) : undefined;
  emitShares({ ...e, grid }, { id: `${c.id}.a`, label: label(c.a), breakdown }, counts[0]!);
  emitShares({ ...e, grid }, { id: `${c.id}.b`, label: label(c.b), breakdown }, counts[1]!);
  const k = config.disclosure.min_count;
  for (let cell = 0; cell < grid.size; cell++) {
    if (grid.genderOf(cell) !== 'all') continue;
    const [x1, n1, x2, n2] = [counts[0]!.num[cell]!, counts[0]!.den[cell]!, counts[1]!.num[cell]!, counts[1]!.den[cell]!];
    if (n1 === 0 && n2 === 0) continue;
    const hidden = [x1, n1, x2, n2].some((v) => v > 0 && v < k) || n1 === 0 || n2 === 0;
    const d = hidden ? null : twoProportions(x1, n1, x2, n2);
    e.figures.push({
      id: c.id, label: c.label, unit: grid.unitOf(cell), gender: 'all', kind: 'difference', value: d ? round6(d.difference) : null,
      ...(d ? { ci95: [round6(d.ci95[0]), round6(d.ci95[1])] as [number, number], p: round6(d.p), n: n1 + n2 } : {}), suppressed: hidden,
    });
  }
}
