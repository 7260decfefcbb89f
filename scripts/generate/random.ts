// Seeded randomness for the example-data generators.
// mulberry32 is written out here (not taken from a library) so that the committed
// example data can never change because a dependency was upgraded.

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1) (mulberry32). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** Pairs of (value, weight or count), e.g. [['K', 100], ['M', 60]]. */
export type Counts<T> = readonly (readonly [T, number])[];

/** A sampler drawing values in proportion to their weights. Built once, used per row. */
export function weighted<T>(pairs: Counts<T>): (rng: Rng) => T {
  const values = pairs.map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of pairs) cumulative.push((total += w));
  return (rng) => {
    const r = rng.next() * total;
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]!) return values[i]!;
    return values[values.length - 1]!;
  };
}

/** Every value repeated `count` times: shuffle the result to assign exact counts at random. */
export function repeat<T>(pairs: Counts<T>): T[] {
  const out: T[] = [];
  for (const [v, n] of pairs) for (let i = 0; i < n; i++) out.push(v);
  return out;
}
