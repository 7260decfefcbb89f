// Participants: enrolled, exited, still enrolled, the share of women (of the enrolled or of those
// who exited, as `gender_share_of` says) and the mean time enrolled among those who exited, in
// months of 365.25 / 12 days. Declares to the gate that enrolled = exited + still enrolled.
// Also the data-quality notes about participants. Pure.
import type { Participant } from '../config/contract.ts';
import { PARTICIPANTS } from '../config/figure-ids.ts';
import type { Config } from '../config/schema.ts';
import type { Check } from '../publish/indicators-schema.ts';
import { t } from '../messages.ts';
import { monthsBetween } from './dates.ts';
import { emitAggregates, emitCounts, emitShares } from './emit.ts';
import { accOf, isExited, type FamilyContext } from './family.ts';
import type { Acc } from './grid.ts';
import { tableKey } from './secondary.ts';

/** The participants' cells, for the families after this one (ratios of counts, date filters' rests). */
export interface ParticipantCells {
  enrolled: Acc;
  exited: Acc;
  /** Months enrolled of those who exited (sum) over them (persons). */
  months: Acc;
}

export function emitParticipants(cx: FamilyContext): ParticipantCells {
  const [enrolled, exited, still, women, months] = [accOf(cx), accOf(cx), accOf(cx), accOf(cx), accOf(cx)];
  const womenBase = cx.config.gender_share_of;
  cx.ps.forEach((p, i) => {
    const cells = cx.grid.cellsOf(i);
    enrolled.add(cells, 1);
    if (p.exitDate !== null) (exited.add(cells, 1), months.add(cells, monthsBetween(p.entryDate, p.exitDate)));
    else still.add(cells, 1);
    if (womenBase === 'enrolled' || isExited(p)) women.add(cells, p.gender === 'woman' ? 1 : 0);
  });
  const label = (id: 'enrolled' | 'exited' | 'still_enrolled' | 'women') => t(cx.lang, `figure.participants.${id}`);
  emitCounts(cx.e, { id: PARTICIPANTS.enrolled, label: label('enrolled') }, enrolled);
  emitCounts(cx.e, { id: PARTICIPANTS.exited, label: label('exited') }, exited);
  emitCounts(cx.e, { id: PARTICIPANTS.stillEnrolled, label: label('still_enrolled') }, still);
  emitShares(cx.e, { id: PARTICIPANTS.women, label: label('women'), allGendersOnly: true }, women);
  cx.e.sums?.push({ total: tableKey('count', PARTICIPANTS.enrolled), parts: [PARTICIPANTS.exited, PARTICIPANTS.stillEnrolled].map((id) => tableKey('count', id)) });
  return { enrolled, exited, months };
}

/** The mean time enrolled of those who exited (after the follow-up bases and ESF+ figures, in the report's order). */
export function emitMonthsEnrolled(cx: FamilyContext, cells: ParticipantCells): void {
  const meta = { id: PARTICIPANTS.monthsEnrolledMean, label: t(cx.lang, 'figure.participants.months_enrolled_mean'), measure: PARTICIPANTS.monthsEnrolled };
  emitAggregates(cx.e, meta, cells.months, 'mean');
}

/** Notes about who the figures are of: still enrolled, in units not reported, outside the period. */
export function participantChecks(config: Config, ps: Participant[]): Check[] {
  const lang = config.language;
  const out: Check[] = [];
  const still = ps.filter((p) => !isExited(p)).length;
  if (still > 0) out.push({ id: PARTICIPANTS.stillEnrolled, severity: 'info', message: t(lang, 'check.still_enrolled', { still, total: ps.length }) });
  const hidden = config.units.items.filter((u) => !u.reported).map((u) => u.name);
  if (hidden.length > 0) {
    const n = ps.filter((p) => hidden.includes(p.unit)).length;
    out.push({ id: 'units.not_reported', severity: 'info', message: t(lang, 'check.not_reported', { n, units: hidden.join(', ') }) });
  }
  const outside = ps.filter((p) => p.entryDate > config.period.to || (p.exitDate !== null && p.exitDate < config.period.from)).length;
  if (outside > 0) out.push({ id: 'participants.outside_period', severity: 'warning', message: t(lang, 'check.outside_period', { n: outside, from: config.period.from, to: config.period.to }) });
  return out;
}
