// A count per key of three 32-bit words, in typed arrays (open addressing, linear probing): the
// loader's tallies see a row each, ten million times, where a Map with a composite key would
// allocate a number or a string per row.

export class CountTable {
  private mask: number;
  private keys: Int32Array;
  private counts: Float64Array;
  private used: Uint8Array;
  /** Distinct keys counted so far. */
  size = 0;

  constructor(capacity = 1 << 12) {
    const slots = 1 << Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.mask = slots - 1;
    this.keys = new Int32Array(slots * 3);
    this.counts = new Float64Array(slots);
    this.used = new Uint8Array(slots);
  }

  /** Adds `n` to the key's count. */
  add(k0: number, k1: number, k2: number, n: number): void {
    let slot = mix(k0, k1, k2) & this.mask;
    const { keys, used } = this;
    for (;;) {
      if (used[slot] === 0) break;
      const at = slot * 3;
      if (keys[at] === k0 && keys[at + 1] === k1 && keys[at + 2] === k2) {
        this.counts[slot] = this.counts[slot]! + n;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    used[slot] = 1;
    keys[slot * 3] = k0;
    keys[slot * 3 + 1] = k1;
    keys[slot * 3 + 2] = k2;
    this.counts[slot] = n;
    if (++this.size * 2 > this.mask) this.grow();
  }

  /** Calls `f` with each key and its count, in no particular order. */
  forEach(f: (k0: number, k1: number, k2: number, count: number) => void): void {
    const { keys, counts, used } = this;
    for (let slot = 0; slot < used.length; slot++) if (used[slot] === 1) f(keys[slot * 3]!, keys[slot * 3 + 1]!, keys[slot * 3 + 2]!, counts[slot]!);
  }

  private grow(): void {
    const old = { keys: this.keys, counts: this.counts, used: this.used };
    const slots = old.used.length * 2;
    this.mask = slots - 1;
    this.keys = new Int32Array(slots * 3);
    this.counts = new Float64Array(slots);
    this.used = new Uint8Array(slots);
    this.size = 0;
    for (let slot = 0; slot < old.used.length; slot++) {
      if (old.used[slot] === 1) this.add(old.keys[slot * 3]!, old.keys[slot * 3 + 1]!, old.keys[slot * 3 + 2]!, old.counts[slot]!);
    }
  }
}

/** Spreads three words over the table (murmur3's finalizer on their combination). */
function mix(k0: number, k1: number, k2: number): number {
  let h = Math.imul(k0, 0x9e3779b1) ^ Math.imul(k1 ^ (k1 >>> 15), 0x85ebca6b) ^ Math.imul(k2 ^ (k2 >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
