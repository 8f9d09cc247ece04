/**
 * A set of 64-bit keys (`textKey`'s halves) in typed arrays: telling a million texts apart by
 * their keys costs a hash probe each, where a Set of the strings would hash every character again
 * and hold every string.
 */
export class KeySet {
  private keys: Uint32Array;
  private used: Uint8Array;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity * 2);
    this.used = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the key; false if it was there already. */
  add(hi: number, lo: number): boolean {
    if (this.count * 2 >= this.used.length) this.grow();
    const mask = this.used.length - 1;
    let slot = lo & mask;
    while (this.used[slot] === 1) {
      if (this.keys[2 * slot] === hi && this.keys[2 * slot + 1] === lo) return false;
      slot = (slot + 1) & mask;
    }
    this.used[slot] = 1;
    this.keys[2 * slot] = hi;
    this.keys[2 * slot + 1] = lo;
    this.count++;
    return true;
  }

  private grow(): void {
    const { keys, used } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.count = 0;
    for (let slot = 0; slot < used.length; slot++) if (used[slot] === 1) this.add(keys[2 * slot]!, keys[2 * slot + 1]!);
  }
}
