// Activity rows stored by column: a register's millions of rows as typed arrays (participant
// index, months, hours) and dictionary-coded strings (codes, providers, dates), instead of one
// object per row (about 130 bytes a row on Node 20; here about 48). The engine reads them by
// row index through the accessors. Pure: no I/O.
import type { Activity, Dataset } from '../config/contract.ts';
import { invariant } from '../problems.ts';

/** A Dataset whose activity rows are an ActivityTable (what the loader returns, what the engine reads). */
export type TableDataset = Omit<Dataset, 'activities'> & { activities: ActivityTable };

/** Strings of one column as small integers into a dictionary; -1 is no value. */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  /** The last value coded and its code: rows of one participant or one file's run repeat them. */
  private last: string | null = null;
  private lastCode = -1;
  code(v: string | null): number {
    if (v === null) return -1;
    if (v === this.last) return this.lastCode;
    let c = this.codes.get(v);
    if (c === undefined) ((c = this.values.length), this.codes.set(v, c), this.values.push(v));
    this.last = v;
    this.lastCode = c;
    return c;
  }
  value(c: number): string | null {
    return c < 0 ? null : this.values[c]!;
  }
}

export class ActivityTable {
  private n = 0;
  private ids: string[] = [];
  private part = new Int32Array(0);
  /** NaN is no value (a read number is always finite). */
  private mon = new Float64Array(0);
  private hrs = new Float64Array(0);
  private act = new Int32Array(0);
  private prov = new Int32Array(0);
  private res = new Int32Array(0);
  private start = new Int32Array(0);
  private end = new Int32Array(0);
  private readonly activities = new Dictionary();
  private readonly providers = new Dictionary();
  private readonly results = new Dictionary();
  /** Start and end dates share one dictionary. */
  private readonly dates = new Dictionary();

  static from(rows: readonly Activity[]): ActivityTable {
    const t = new ActivityTable();
    t.reserve(rows.length);
    for (const r of rows) t.push(r);
    return t;
  }

  get length(): number {
    return this.n;
  }

  /** Makes room for n rows in all (the loader knows the file's line count). */
  reserve(n: number): void {
    if (n <= this.part.length) return;
    const grow = <A extends Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(n);
      b.set(a.subarray(0, this.n));
      return b;
    };
    const int = (k: number) => new Int32Array(k);
    const float = (k: number) => new Float64Array(k);
    this.part = grow(this.part, int);
    this.mon = grow(this.mon, float);
    this.hrs = grow(this.hrs, float);
    this.act = grow(this.act, int);
    this.prov = grow(this.prov, int);
    this.res = grow(this.res, int);
    this.start = grow(this.start, int);
    this.end = grow(this.end, int);
  }

  push(r: Activity): void {
    if (this.n === this.part.length) this.reserve(Math.max(16, this.n * 2));
    // NaN stands for no value: a NaN given would come back as null.
    invariant(!Number.isNaN(r.months) && !Number.isNaN(r.hours), 'an activity row with a NaN number (months or hours): the reader gives null for no value');
    const i = this.n++;
    this.ids.push(r.participantId);
    this.part[i] = r.participant;
    this.mon[i] = r.months ?? NaN;
    this.hrs[i] = r.hours ?? NaN;
    this.act[i] = this.activities.code(r.activity);
    this.prov[i] = this.providers.code(r.provider);
    this.res[i] = this.results.code(r.result);
    this.start[i] = this.dates.code(r.startDate);
    this.end[i] = this.dates.code(r.endDate);
  }

  participantId(i: number): string {
    return this.ids[i]!;
  }
  /** Index of the row's participant in Dataset.participants. */
  participant(i: number): number {
    return this.part[i]!;
  }
  activity(i: number): string {
    return this.activities.value(this.act[i]!)!;
  }
  provider(i: number): string | null {
    return this.providers.value(this.prov[i]!);
  }
  result(i: number): string | null {
    return this.results.value(this.res[i]!);
  }
  startDate(i: number): string | null {
    return this.dates.value(this.start[i]!);
  }
  endDate(i: number): string | null {
    return this.dates.value(this.end[i]!);
  }
  months(i: number): number | null {
    const v = this.mon[i]!;
    return Number.isNaN(v) ? null : v;
  }
  hours(i: number): number | null {
    const v = this.hrs[i]!;
    return Number.isNaN(v) ? null : v;
  }

  /** Indexes of the rows whose activity, provider and result are among those allowed (null: any). */
  select(activity: ReadonlySet<string> | null, provider: ReadonlySet<string> | null, result: ReadonlySet<string> | null): Int32Array {
    // Matched once per dictionary entry, then by code per row.
    const allowed = (d: Dictionary, set: ReadonlySet<string> | null) => (set ? Uint8Array.from(d.values, (v) => (set.has(v) ? 1 : 0)) : null);
    const [a, p, r] = [allowed(this.activities, activity), allowed(this.providers, provider), allowed(this.results, result)];
    const ok = (m: Uint8Array | null, c: number) => m === null || (c >= 0 && m[c] === 1);
    const out = new Int32Array(this.n);
    let k = 0;
    for (let i = 0; i < this.n; i++) if (ok(a, this.act[i]!) && ok(p, this.prov[i]!) && ok(r, this.res[i]!)) out[k++] = i;
    return out.slice(0, k);
  }

  /** Row i as an object (tests, small tables; the engine reads the columns). */
  row(i: number): Activity {
    return {
      participantId: this.participantId(i), participant: this.participant(i), activity: this.activity(i),
      provider: this.provider(i), startDate: this.startDate(i), endDate: this.endDate(i),
      months: this.months(i), hours: this.hours(i), result: this.result(i),
    };
  }

  rows(): Activity[] {
    return Array.from({ length: this.n }, (_, i) => this.row(i));
  }
}
