/**
 * `text.indexOf(char, from)` for searches that only move forward, the last answer
 * remembered: a result at or after `from` (or none at all) is still right for a later
 * `from`. This keeps a block full of unmatched openers linear instead of quadratic.
 */
export class ForwardSearch {
  private searchedFrom = Infinity;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The offset of the next `char` at or after `from`, or -1. */
  next(from: number): number {
    if (this.searchedFrom <= from && (this.found === -1 || this.found >= from)) return this.found;
    this.searchedFrom = from;
    this.found = this.text.indexOf(this.char, from);
    return this.found;
  }
}
