// Outcome groups at exit: the share of exited participants whose exit status (codes, which may
// overlap: a participant may hold several) or exit reason is in the group, figure exit.<id>;
// optionally among an entry group or within a date filter (the rest declared to the gate).
// Each exited participant's codes become one bit mask, so a group test is a single AND. The
// memberships are shared: crosstabs, durations, models and comparisons use the same groups. Pure.
import { columnValue, outcomeCodes } from '../config/contract.ts';
import { outcomeGroupId, PARTICIPANTS } from '../config/figure-ids.ts';
import { projectCodes, type Config } from '../config/schema.ts';
import type { Participant } from '../config/contract.ts';
import { emitShares } from './emit.ts';
import type { EntryMembership } from './entry-groups.ts';
import { accOf, isExited, type FamilyContext } from './family.ts';
import { declareRest, passes } from './filter.ts';
import type { ParticipantCells } from './participants.ts';
import { tableKey } from './secondary.ts';

/** Per outcome group: its base (exited, within its entry group and filter) and who has the outcome (1 = yes). */
export type OutcomeSets = Map<string, { base: Uint8Array; member: Uint8Array }>;

type OutcomeGroup = Config['outcome_groups'][number];

/** -1 for those still enrolled, else the bit mask of the participant's exit codes. */
function exitMasks(config: Config, ps: Participant[]): { masks: Int32Array; bit: Map<string, number> } {
  const bit = new Map<string, number>(outcomeCodes(projectCodes(config)).map((c, i) => [c, 1 << i]));
  const masks = new Int32Array(ps.length).fill(-1);
  const status = columnValue('exit_status', 'outcome_group');
  ps.forEach((p, i) => {
    if (isExited(p)) masks[i] = status(p).reduce((m, c) => m | bit.get(c)!, 0);
  });
  return { masks, bit };
}

/** 1 where the exited participant's exit is in the group (whatever its entry group and filter). */
function outcomeMember(g: OutcomeGroup, ps: Participant[], exit: ReturnType<typeof exitMasks>): Uint8Array {
  const member = new Uint8Array(ps.length);
  if (g.column === 'exit_reason') {
    const reasons = new Set<string>(g.codes);
    const reason = columnValue('exit_reason', 'outcome_group');
    ps.forEach((p, i) => {
      const r = reason(p);
      if (isExited(p) && r !== null && reasons.has(r)) member[i] = 1;
    });
  } else {
    const groupMask = g.codes.reduce((m, c) => m | exit.bit.get(c)!, 0);
    for (let i = 0; i < ps.length; i++) if (exit.masks[i] !== -1 && exit.masks[i]! & groupMask) member[i] = 1;
  }
  return member;
}

export function emitOutcomeGroups(cx: FamilyContext, people: ParticipantCells, entryMember: EntryMembership): OutcomeSets {
  const { ps, grid } = cx;
  const exit = exitMasks(cx.config, ps);
  const out: OutcomeSets = new Map();
  for (const g of cx.config.outcome_groups) {
    const id = outcomeGroupId(g.id);
    const member = outcomeMember(g, ps, exit);
    const among = g.entry_group !== undefined ? entryMember(g.entry_group) : null;
    const a = accOf(cx);
    const base = new Uint8Array(ps.length);
    for (let i = 0; i < ps.length; i++) if (exit.masks[i] !== -1 && (!among || among[i]) && passes(ps[i]!, g.filter)) ((base[i] = 1), a.add(grid.cellsOf(i), member[i]!));
    out.set(g.id, { base, member });
    emitShares(cx.e, { id, label: g.label, breakdown: g.breakdown }, a);
    if (g.filter && !among) declareRest(cx.e, id, g.breakdown, { table: tableKey('count', PARTICIPANTS.exited), cells: people.exited.num }, { table: tableKey('den', id), cells: a.den });
  }
  return out;
}
