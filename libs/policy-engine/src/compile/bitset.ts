/**
 * A fixed-size set of small integers (pod classes, address atoms) over 32-bit words.
 *
 * Compilation builds bitsets with the mutating methods (`add`, `orInPlace`); once a compiled snapshot is
 * finished they are only read, so answers can share them freely.
 */
export class Bitset {
  private constructor(
    readonly size: number,
    private readonly words: Uint32Array,
  ) {}

  static empty(size: number): Bitset {
    return new Bitset(size, new Uint32Array((size + 31) >>> 5));
  }

  static full(size: number): Bitset {
    const set = Bitset.empty(size);
    set.words.fill(0xffffffff);
    const spare = set.words.length * 32 - size;
    if (spare > 0) set.words[set.words.length - 1] = 0xffffffff >>> spare;
    return set;
  }

  static of(size: number, members: Iterable<number>): Bitset {
    const set = Bitset.empty(size);
    for (const i of members) set.add(i);
    return set;
  }

  has(i: number): boolean {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  add(i: number): void {
    this.words[i >>> 5] |= 1 << (i & 31);
  }

  orInPlace(other: Bitset): void {
    for (let w = 0; w < this.words.length; w++) this.words[w] |= other.words[w];
  }

  or(other: Bitset): Bitset {
    const result = this.clone();
    result.orInPlace(other);
    return result;
  }

  and(other: Bitset): Bitset {
    const words = new Uint32Array(this.words.length);
    for (let w = 0; w < words.length; w++) words[w] = this.words[w] & other.words[w];
    return new Bitset(this.size, words);
  }

  andNot(other: Bitset): Bitset {
    const words = new Uint32Array(this.words.length);
    for (let w = 0; w < words.length; w++) words[w] = this.words[w] & ~other.words[w];
    return new Bitset(this.size, words);
  }

  intersects(other: Bitset): boolean {
    for (let w = 0; w < this.words.length; w++) if ((this.words[w] & other.words[w]) !== 0) return true;
    return false;
  }

  isEmpty(): boolean {
    for (let w = 0; w < this.words.length; w++) if (this.words[w] !== 0) return false;
    return true;
  }

  equals(other: Bitset): boolean {
    if (other.size !== this.size) return false;
    for (let w = 0; w < this.words.length; w++) if (this.words[w] !== other.words[w]) return false;
    return true;
  }

  count(): number {
    let n = 0;
    for (let w = 0; w < this.words.length; w++) {
      let v = this.words[w];
      while (v !== 0) {
        v &= v - 1;
        n++;
      }
    }
    return n;
  }

  /** Calls `fn` for each member in increasing order. */
  forEach(fn: (i: number) => void): void {
    for (let w = 0; w < this.words.length; w++) {
      let v = this.words[w];
      while (v !== 0) {
        const low = v & -v;
        fn((w << 5) + (31 - Math.clz32(low)));
        v ^= low;
      }
    }
  }

  /** The lowest number below `size` that is not a member; -1 when all are. */
  lowestMissing(): number {
    for (let w = 0; w < this.words.length; w++) {
      const missing = ~this.words[w];
      if (missing === 0) continue;
      const i = (w << 5) + (31 - Math.clz32(missing & -missing));
      return i < this.size ? i : -1;
    }
    return -1;
  }

  toArray(): number[] {
    const out: number[] = [];
    this.forEach((i) => out.push(i));
    return out;
  }

  clone(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }
}
