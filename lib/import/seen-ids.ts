import { hashCells } from "@/lib/import/values";

// The external ids of a leads file, with the last row each appears in and a hash of that row's cells:
// duplicates are found (and exact repeats told apart) across a whole file. A typed open-addressing
// table of 64-bit id hashes costs 12 bytes a slot, about 25 MB for a million rows, where a Map of
// strings would take four times that — the import must stay small for any file size.
// (Two different ids sharing a 64-bit hash in one file is a ~1 in 10^7 event for a million rows.)

export interface SeenRow {
  row: number;
  hash: number;
}

/** Both halves as unsigned 32-bit numbers, as the Uint32Arrays give them back; the low half never 0 (an empty slot). */
function keyOf(id: string): [high: number, low: number] {
  return [hashCells([id]), (hashCells([id], 0x9747b28c) | 1) >>> 0];
}

export class SeenIds {
  private keysHigh = new Uint32Array(1 << 12);
  private keysLow = new Uint32Array(1 << 12);
  private rows = new Int32Array(1 << 12);
  private hashes = new Uint32Array(1 << 12);
  private used = 0;

  get size(): number {
    return this.used;
  }

  /** Records this row (and its cells' hash) as the id's latest; returns the row it replaces, if any. */
  record(id: string, row: number, hash: number): SeenRow | undefined {
    if ((this.used + 1) * 2 > this.rows.length) this.grow();
    const slot = this.slotOf(id);
    const [high, low] = keyOf(id);
    const previous = this.keysLow[slot] === 0 ? undefined : { row: this.rows[slot]!, hash: this.hashes[slot]! };
    if (previous === undefined) this.used++;
    this.keysHigh[slot] = high;
    this.keysLow[slot] = low;
    this.rows[slot] = row;
    this.hashes[slot] = hash >>> 0;
    return previous;
  }

  /** The row last recorded for this id. */
  get(id: string): SeenRow | undefined {
    const slot = this.slotOf(id);
    return this.keysLow[slot] === 0 ? undefined : { row: this.rows[slot]!, hash: this.hashes[slot]! };
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** The id's slot, or the empty slot where it would go. */
  private slotOf(id: string): number {
    const [high, low] = keyOf(id);
    const mask = this.rows.length - 1;
    let slot = high & mask;
    while (this.keysLow[slot] !== 0 && !(this.keysHigh[slot] === high && this.keysLow[slot] === low)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keysHigh, keysLow, rows, hashes } = this;
    const size = rows.length * 2;
    this.keysHigh = new Uint32Array(size);
    this.keysLow = new Uint32Array(size);
    this.rows = new Int32Array(size);
    this.hashes = new Uint32Array(size);
    const mask = size - 1;
    for (let old = 0; old < rows.length; old++) {
      if (keysLow[old] === 0) continue;
      let slot = keysHigh[old]! & mask;
      while (this.keysLow[slot] !== 0) slot = (slot + 1) & mask;
      this.keysHigh[slot] = keysHigh[old]!;
      this.keysLow[slot] = keysLow[old]!;
      this.rows[slot] = rows[old]!;
      this.hashes[slot] = hashes[old]!;
    }
  }
}
