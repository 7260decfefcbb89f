// Follow-up groups: persons with a status in the group's codes at a follow-up point (a person
// counts once even with several rows at one point), optionally among an activity group's
// members; the same status as a share of the follow-up base (followup-base.ts) when there is
// one; and a premium paid per person, a sum resting on the count, with the project's total.
// Pure.
import { followupGroupIds, PREMIUM_TOTAL } from '../config/figure-ids.ts';
import type { Config } from '../config/schema.ts';
import { t } from '../messages.ts';
import { emitAggregates, emitCounts, emitShares } from './emit.ts';
import { accOf, type FamilyContext } from './family.ts';
import { emitLinkedShares, followupBaseId, shareOfBase, type FollowupBase } from './followup-base.ts';
import type { Acc } from './grid.ts';

type FollowupGroup = Config['followup_groups'][number];

/** Returns the raw count cells by figure id, for ratios of counts. */
export function emitFollowupGroups(cx: FamilyContext, members: Map<string, Uint8Array>, bases: Map<number, FollowupBase>): Map<string, Acc> {
  const counts = new Map<string, Acc>();
  if (cx.config.followup_groups.length === 0) return counts;
  const premiums = accOf(cx);
  for (const g of cx.config.followup_groups) {
    const ids = followupGroupIds(g.id);
    const codes = new Set<string>(g.codes);
    const among = g.activity_group ? members.get(g.activity_group)! : null;
    const a = countAtPoint(cx, g, codes, among);
    emitCounts(cx.e, { id: ids.main, label: g.label }, a);
    counts.set(ids.main, a);
    const b = bases.get(g.months_after_exit);
    if (b) {
      // The same status among the base: a share whose denominators are the base's cells (of the activity group's part of it, when the group names one).
      const share = shareOfBase(cx.e, b, cx.data.followups, (f) => codes.has(f.status), among);
      const meta = { id: ids.ofBase, label: t(cx.lang, 'figure.followup.of_base', { label: g.label, months: g.months_after_exit }) };
      if (among) emitShares(cx.e, meta, share);
      else emitLinkedShares(cx.e, meta, share, followupBaseId(g.months_after_exit));
    }
    if (g.premium_sek !== undefined) emitPremium(cx, g, g.premium_sek, a, premiums);
  }
  if (cx.config.followup_groups.some((g) => g.premium_sek !== undefined))
    emitAggregates(cx.e, { id: PREMIUM_TOTAL, label: t(cx.lang, 'figure.premium_total'), measure: PREMIUM_TOTAL }, premiums, 'sum');
  return counts;
}

function countAtPoint(cx: FamilyContext, g: FollowupGroup, codes: Set<string>, among: Uint8Array | null): Acc {
  const seen = new Uint8Array(cx.ps.length);
  const a = accOf(cx);
  for (const f of cx.data.followups) {
    if (f.monthsAfterExit !== g.months_after_exit || !codes.has(f.status) || seen[f.participant]) continue;
    if (among && !among[f.participant]) continue;
    seen[f.participant] = 1;
    a.add(cx.grid.cellsOf(f.participant), 1);
  }
  return a;
}

/** The premium paid: a sum of money resting on the count, so suppressed with it; added to the project's premiums. */
function emitPremium(cx: FamilyContext, g: FollowupGroup, premiumSek: number, count: Acc, premiums: Acc): void {
  const id = followupGroupIds(g.id).premium;
  const paid = accOf(cx);
  for (let c = 0; c < cx.grid.size; c++) ((paid.num[c] = count.num[c]! * premiumSek), (paid.den[c] = count.num[c]!));
  emitAggregates(cx.e, { id, label: `${g.label}: ${t(cx.lang, 'figure.premium')}`, measure: id }, paid, 'sum');
  for (let c = 0; c < cx.grid.size; c++) ((premiums.num[c]! += paid.num[c]!), (premiums.den[c]! += paid.den[c]!));
}
