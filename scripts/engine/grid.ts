// The cells every figure is computed for: each reported unit and the project total, each
// crossed with all genders together and each gender present in the data. One participant
// counts in at most four cells (own unit × all/own gender, total × all/own gender).
import type { Gender, Participant } from '../config/contract.ts';

export type GenderKey = 'all' | Gender;

export interface Grid {
  units: string[]; // reported units in configuration order, then 'total'
  genders: GenderKey[];
  size: number;
  /** Cell indices of a participant, precomputed once. */
  cellsOf: (participantIndex: number) => readonly number[];
  /** Cells of a (unit, gender) pair, for rows attributed to another unit than the participant's (a provider). */
  cellsAt: (unit: string, gender: Gender) => readonly number[];
  /** The all-genders cells of a unit and of the total (the total's alone for 'total' or an unreported unit): money, not persons. */
  allGendersAt: (unit: string) => readonly number[];
  unitOf(cell: number): string;
  genderOf(cell: number): GenderKey;
}

export function makeGrid(reportedUnits: string[], participants: Participant[]): Grid {
  const units = [...reportedUnits, 'total'];
  const genders: GenderKey[] = ['all', 'woman', 'man'];
  if (participants.some((p) => p.gender === 'other')) genders.push('other');
  const G = genders.length;
  const unitIndex = new Map(reportedUnits.map((u, i) => [u, i]));
  const total = units.length - 1;
  const gIndex = new Map(genders.map((g, i) => [g, i]));
  // Most participants share one of a few cell lists: cache them by (unit, gender).
  // By unit, then gender: no key string built per participant.
  const cache = new Map<string, Map<Gender, readonly number[]>>();
  const cellsAt = (unit: string, gender: Gender): readonly number[] => {
    let ofUnit = cache.get(unit);
    if (!ofUnit) cache.set(unit, (ofUnit = new Map()));
    let cells = ofUnit.get(gender);
    if (!cells) {
      const g = gIndex.get(gender)!;
      const u = unitIndex.get(unit);
      cells = u === undefined ? [total * G, total * G + g] : [u * G, u * G + g, total * G, total * G + g];
      ofUnit.set(gender, cells);
    }
    return cells;
  };
  const lists = participants.map((p) => cellsAt(p.unit, p.gender));
  return {
    units,
    genders,
    size: units.length * G,
    cellsOf: (i) => lists[i]!,
    cellsAt,
    allGendersAt: (unit) => {
      const u = unitIndex.get(unit);
      return u === undefined ? [total * G] : [u * G, total * G];
    },
    unitOf: (c) => units[Math.floor(c / G)]!,
    genderOf: (c) => genders[c % G]!,
  };
}

/** A grid of one cell (the project total, all genders): for tables not linked to participants. */
export function totalOnlyGrid(): Grid {
  return { units: ['total'], genders: ['all'], size: 1, cellsOf: () => [0], cellsAt: () => [0], allGendersAt: () => [0], unitOf: () => 'total', genderOf: () => 'all' };
}

/** Numerator and denominator (or sum and n) per cell. */
export class Acc {
  readonly num: Float64Array;
  readonly den: Float64Array;
  constructor(size: number) {
    this.num = new Float64Array(size);
    this.den = new Float64Array(size);
  }
  add(cells: readonly number[], num: number, den = 1): void {
    for (const c of cells) {
      this.num[c]! += num;
      this.den[c]! += den;
    }
  }
}
