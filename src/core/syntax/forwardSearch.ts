/**
 * `text.indexOf(char, from)` for searches that only move forward, the last answer
 * remembered: a result at or after `from` (or none at all) is still right for a later
 * `from`. This keeps a block full of unmatched openers linear instead of quadratic.
 */
export class ForwardSearch {
  private searchedFrom = Infinity;
  private found = -1;

  /** @param target A character, or a one-character class such as `/\s/g` (global, so it can start at an offset). */
  constructor(
    private readonly text: string,
    private readonly target: string | RegExp,
  ) {}

  /** The offset of the next `target` at or after `from`, or -1. */
  next(from: number): number {
    if (this.searchedFrom <= from && (this.found === -1 || this.found >= from)) return this.found;
    this.searchedFrom = from;
    this.found = typeof this.target === 'string' ? this.text.indexOf(this.target, from) : this.match(this.target, from);
    return this.found;
  }

  private match(pattern: RegExp, from: number): number {
    pattern.lastIndex = from;
    return pattern.exec(this.text)?.index ?? -1;
  }
}
