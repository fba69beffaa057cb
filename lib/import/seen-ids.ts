import { hashCells } from "@/lib/import/values";

// The external ids already read from a leads file, with the row each first appeared in and a hash of
// that row's cells: duplicates are spotted (and exact repeats told apart) across a whole file. A typed
// open-addressing table of 64-bit id hashes costs 12 bytes a slot, about 25 MB for a million rows,
// where a Map of strings would take four times that — the import must stay small for any file size.
// (Two different ids sharing a 64-bit hash in one file is a ~1 in 10^7 event for a million rows.)

export interface SeenRow {
  row: number;
  hash: number;
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

  /** The first row of this id, or undefined (and the id is recorded with this row and hash). */
  firstOrAdd(id: string, row: number, hash: number): SeenRow | undefined {
    if ((this.used + 1) * 2 > this.rows.length) this.grow();
    const high = hashCells([id]);
    const low = hashCells([id], 0x9747b28c) | 1; // never 0: 0 marks an empty slot
    const mask = this.rows.length - 1;
    for (let slot = high & mask; ; slot = (slot + 1) & mask) {
      if (this.keysLow[slot] === 0) {
        this.keysHigh[slot] = high;
        this.keysLow[slot] = low;
        this.rows[slot] = row;
        this.hashes[slot] = hash;
        this.used++;
        return undefined;
      }
      if (this.keysHigh[slot] === high && this.keysLow[slot] === low) return { row: this.rows[slot]!, hash: this.hashes[slot]! };
    }
  }

  has(id: string): boolean {
    const high = hashCells([id]);
    const low = hashCells([id], 0x9747b28c) | 1;
    const mask = this.rows.length - 1;
    for (let slot = high & mask; this.keysLow[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.keysHigh[slot] === high && this.keysLow[slot] === low) return true;
    }
    return false;
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
