/**
 * CommonMark's stack of open `[` and `![` (which is also the span tags' stack), in
 * typed arrays: 4 MB of `[` makes no objects and leaves the garbage collector nothing
 * to scan.
 */

const IMAGE = 2;
/** A later `[` opened while this one was open: its text cannot be a reference label. */
const BRACKET_AFTER = 1;

export class BracketStack {
  private offsets = new Int32Array(16);
  private flags = new Uint8Array(16);
  /** How many brackets are open. */
  length = 0;

  /** Opens a `[` (an image's when `image`) at `offset`. */
  push(offset: number, image: boolean): void {
    if (this.length === this.offsets.length) this.grow();
    if (this.length > 0) this.flags[this.length - 1] |= BRACKET_AFTER;
    this.offsets[this.length] = offset;
    this.flags[this.length] = image ? IMAGE : 0;
    this.length++;
  }

  /** Takes the top bracket off: its slot (read it with `offset`, `image`, `bracketAfter`), or -1 when none is open. */
  pop(): number {
    return this.length === 0 ? -1 : --this.length;
  }

  offset(slot: number): number {
    return this.offsets[slot];
  }

  image(slot: number): boolean {
    return (this.flags[slot] & IMAGE) !== 0;
  }

  bracketAfter(slot: number): boolean {
    return (this.flags[slot] & BRACKET_AFTER) !== 0;
  }

  private grow(): void {
    const offsets = new Int32Array(this.offsets.length * 2);
    offsets.set(this.offsets);
    const flags = new Uint8Array(this.flags.length * 2);
    flags.set(this.flags);
    this.offsets = offsets;
    this.flags = flags;
  }
}
