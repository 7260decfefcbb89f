// Entry groups: the share of enrolled participants with a known value in a column who are in
// the group (codes, or a range of a number), figure entry.<id>; optionally within a date filter
// (the rest declared to the gate, filter.ts). Membership is shared: outcome groups may be
// restricted to an entry group, crosstabs split by one. Pure.
import { columnValue } from '../config/contract.ts';
import { entryGroupId, PARTICIPANTS } from '../config/figure-ids.ts';
import { emitShares } from './emit.ts';
import { accOf, inRange, missingCheck, type FamilyContext } from './family.ts';
import { declareRest, passes } from './filter.ts';
import type { ParticipantCells } from './participants.ts';
import { tableKey } from './secondary.ts';

/** 1 where the participant is in the entry group (computed when first asked for). */
export type EntryMembership = (id: string) => Uint8Array;

/** Per entry group: 1 member, 0 known not to be, −1 no value (or outside its filter). */
export type EntryRows = Map<string, Int8Array>;

export function entryMembership(cx: FamilyContext): EntryMembership {
  const members = new Map<string, Uint8Array>();
  return (id) => {
    let m = members.get(id);
    if (m) return m;
    const g = cx.config.entry_groups.find((x) => x.id === id)!;
    const codes = g.codes ? new Set(g.codes) : null;
    const member = new Uint8Array(cx.ps.length);
    const value = columnValue(g.column, 'entry_group');
    cx.ps.forEach((p, i) => {
      const v = value(p);
      if (v !== null && (codes ? codes.has(String(v)) : inRange(v, g))) member[i] = 1;
    });
    members.set(id, (m = member));
    return m;
  };
}

export function emitEntryGroups(cx: FamilyContext, people: ParticipantCells, entryMember: EntryMembership): EntryRows {
  const out: EntryRows = new Map();
  for (const g of cx.config.entry_groups) {
    const id = entryGroupId(g.id);
    const member = entryMember(g.id);
    const a = accOf(cx);
    let missing = 0;
    const rows = new Int8Array(cx.ps.length).fill(-1);
    const value = columnValue(g.column, 'entry_group');
    cx.ps.forEach((p, i) => {
      if (value(p) === null) return void missing++;
      if (!passes(p, g.filter)) return;
      rows[i] = member[i]!;
      a.add(cx.grid.cellsOf(i), member[i]!);
    });
    out.set(g.id, rows);
    emitShares(cx.e, { id, label: g.label, breakdown: g.breakdown }, a);
    if (g.filter) declareRest(cx.e, id, g.breakdown, { table: tableKey('count', PARTICIPANTS.enrolled), cells: people.enrolled.num }, { table: tableKey('den', id), cells: a.den });
    if (missing > 0) cx.checks.push(missingCheck(cx.lang, id, g.column, missing, cx.ps.length));
  }
  return out;
}
