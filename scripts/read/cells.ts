// One record's fields, as ranges of a source text. The plain CSV reader points every field into
// the file's own text and cuts no string for it: a million-row export otherwise spends much of its
// time making a string per field and hashing it again to look its value up. A column's reader
// (table.ts) cuts a field's text only when it has not seen that text before (textCache below).
// Quoted CSV, xlsx and a corrected record join their fields into a source of their own.

export class Cells {
  /** The text the ranges point into. */
  source = '';
  /** How many fields the record has. */
  length = 0;
  start: Int32Array;
  end: Int32Array;

  constructor(capacity = 16) {
    this.start = new Int32Array(Math.max(1, capacity));
    this.end = new Int32Array(Math.max(1, capacity));
  }

  /** Room for one more field than `count` (the plain reader calls it as it finds fields). */
  ensure(count: number): void {
    if (count < this.start.length) return;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.start = grow(this.start);
    this.end = grow(this.end);
  }

  /** Field i's text ('' past the record's last field). */
  text(i: number): string {
    return i < this.length ? this.source.slice(this.start[i]!, this.end[i]!) : '';
  }

  /** Every field's text, in order. */
  texts(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.text(i));
  }

  [Symbol.iterator](): Iterator<string> {
    return this.texts()[Symbol.iterator]();
  }

  /** Makes these cells hold `texts` (joined into one source). */
  setTexts(texts: readonly string[]): this {
    this.ensure(texts.length);
    let at = 0;
    for (let i = 0; i < texts.length; i++) {
      this.start[i] = at;
      at += (texts[i] ?? '').length;
      this.end[i] = at;
    }
    this.source = texts.join('');
    this.length = texts.length;
    return this;
  }

  static of(texts: readonly string[]): Cells {
    return new Cells(texts.length + 1).setTexts(texts);
  }
}

/**
 * The values a column has read, by the text of their field, looked up straight from a range of
 * a record's source: open addressing on a hash of the range's characters, each candidate
 * confirmed by comparing its text in place (`startsWith` at the range's start). Nothing is cut
 * from the source to look a value up; keys are copies the caller gives (detached from the file).
 */
export class TextCache<V> {
  private keys: (string | undefined)[] = new Array(64);
  private hashes = new Int32Array(64);
  private values: V[] = new Array(64);
  size = 0;

  /** The slot of the range's text, or the empty slot where it would go (−1 − slot). */
  find(source: string, from: number, to: number): number {
    const len = to - from;
    let h = len;
    for (let k = from; k < to; k++) h = (Math.imul(h, 31) + source.charCodeAt(k)) | 0;
    const mask = this.keys.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot];
      if (key === undefined) {
        this.hashes[slot] = h; // kept for set(): the slot's hash before it is filled
        return -1 - slot;
      }
      if (this.hashes[slot] === h && key.length === len && source.startsWith(key, from)) return slot;
    }
  }

  value(slot: number): V {
    return this.values[slot]!;
  }

  key(slot: number): string {
    return this.keys[slot]!;
  }

  /** Fills the empty slot `find` gave (−1 − slot) with `key` (the range's text) and its value. */
  set(found: number, key: string, value: V): void {
    const slot = -1 - found;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.size++;
    if (this.size * 2 > this.keys.length) this.rehash();
  }

  clear(): void {
    this.keys = new Array(64);
    this.hashes = new Int32Array(64);
    this.values = new Array(64);
    this.size = 0;
  }

  private rehash(): void {
    const { keys, hashes, values } = this;
    const n = keys.length * 2;
    this.keys = new Array(n);
    this.hashes = new Int32Array(n);
    this.values = new Array(n);
    const mask = n - 1;
    keys.forEach((key, i) => {
      if (key === undefined) return;
      let slot = hashes[i]! & mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.hashes[slot] = hashes[i]!;
      this.values[slot] = values[i]!;
    });
  }
}
