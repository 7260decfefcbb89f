// Follow-ups with the right base. A participant can have been followed up N months after leaving
// only if they left at least N months before the data were extracted: that is the base of every
// follow-up figure at N months. Among the base, those with a follow-up row at N months are
// followed up; the others are counted as not followed up, and shown. Participants who left later
// are outside the base, whatever rows they have.
//
// Figures (registered like every other, protected by the same gate):
//   followup.m<N>.base       count: the base, by unit and gender
//   followup.m<N>.coverage   shares of the base, categories followed_up / not_followed_up (they
//                            add up to the base: the gate knows the equation)
//   <group id>.of_base       per follow-up group: the share of the base with one of the group's
//                            codes at N months (its denominators are the base's cells)
// Pure: no I/O, no clock (the extraction date comes from the configuration).
import type { Followup, Participant } from '../config/contract.ts';
import { t, type Language } from '../messages.ts';
import { emitCounts, emitShares, type Emitter, type FigureMeta } from './emit.ts';
import { Acc } from './grid.ts';
import type { FamilyContext } from './family.ts';
import { followupBaseId, followupCoverageId } from '../config/figure-ids.ts';

export { followupBaseId, followupCoverageId };

export interface FollowupBase {
  months: number;
  /** The last exit date of the base: N calendar months before the extraction date. */
  exitedBy: string;
  /** 1 where the participant belongs to the base. */
  inBase: Uint8Array;
  /** 1 where the participant has a follow-up row at N months. */
  followed: Uint8Array;
}

/** The ISO date `n` calendar months before `iso`, the day clamped to the month's last (2024-08-31 − 6 = 2024-02-29). */
export function monthsBefore(iso: string, n: number): string {
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  const index = y * 12 + (m - 1) - n;
  const [yy, mm] = [Math.floor(index / 12), (index % 12) + 1];
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Who is in the base at `months`, and their row at that point. */
export function followupBase(ps: Participant[], followups: Followup[], extracted: string, months: number): FollowupBase {
  const exitedBy = monthsBefore(extracted, months);
  const inBase = new Uint8Array(ps.length);
  ps.forEach((p, i) => {
    if (p.exitDate !== null && p.exitDate.slice(0, 10) <= exitedBy) inBase[i] = 1;
  });
  const followed = new Uint8Array(ps.length);
  for (const f of followups) if (f.monthsAfterExit === months && f.participant >= 0) followed[f.participant] = 1;
  return { months, exitedBy, inBase, followed };
}

/** The base count and its split into followed up and not followed up. */
export function emitFollowupBase(e: Emitter, b: FollowupBase, lang: Language): void {
  const base = new Acc(e.grid.size);
  const followed = new Acc(e.grid.size);
  const missing = new Acc(e.grid.size);
  for (let i = 0; i < b.inBase.length; i++) {
    if (!b.inBase[i]) continue;
    const cells = e.grid.cellsOf(i);
    base.add(cells, 1);
    (b.followed[i] ? followed : missing).add(cells, 1);
  }
  emitCounts(e, { id: followupBaseId(b.months), label: t(lang, 'figure.followup.base', { months: b.months }) }, base);
  const label = t(lang, 'figure.followup.coverage', { months: b.months });
  for (const [category, a] of [['followed_up', followed], ['not_followed_up', missing]] as const) {
    a.den.set(base.num);
    emitLinkedShares(e, { id: followupCoverageId(b.months), label, category, categoryLabel: t(lang, `figure.followup.${category}`) }, a, followupBaseId(b.months));
  }
}

/** Shares whose bases are declared to be the cells of the count figure `baseId` (the gate ties them). */
export function emitLinkedShares(e: Emitter, meta: FigureMeta, a: Acc, baseId: string): void {
  emitShares(e, { ...meta, base: baseId }, a);
}

/** The base (or its part in `among`) as denominators; numerators: those with a row at N months that passes `member` (a person counts once). */
export function shareOfBase(e: Emitter, b: FollowupBase, followups: Followup[], member: (f: Followup) => boolean, among: Uint8Array | null = null): Acc {
  const hit = new Uint8Array(b.inBase.length);
  for (const f of followups) if (f.monthsAfterExit === b.months && f.participant >= 0 && member(f)) hit[f.participant] = 1;
  const a = new Acc(e.grid.size);
  for (let i = 0; i < b.inBase.length; i++) if (b.inBase[i] && (!among || among[i])) a.add(e.grid.cellsOf(i), hit[i]!);
  return a;
}

/** The bases at every point a follow-up group uses and at `alsoAt` (the ESF+ indicators' point), in order of months; none without an extraction date or follow-ups. */
export function emitFollowupBases(cx: FamilyContext, alsoAt: number): Map<number, FollowupBase> {
  const { config } = cx;
  const extracted = config.tables.followups?.data_extracted ?? config.data_extracted;
  const bases = new Map<number, FollowupBase>();
  if (extracted === undefined || !config.tables.followups) return bases;
  const points = [...new Set([alsoAt, ...config.followup_groups.map((g) => g.months_after_exit)])].sort((a, b) => a - b);
  for (const n of points) {
    const b = followupBase(cx.ps, cx.data.followups, extracted, n);
    bases.set(n, b);
    emitFollowupBase(cx.e, b, cx.lang);
  }
  return bases;
}
