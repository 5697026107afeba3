/**
 * The plain text of coded passages, computed when it is read. A review holds ~100,000
 * passages whose text most views never show: building every excerpt while indexing
 * took a quarter of the scan, so a coded block keeps only what an excerpt is cut
 * from (the file's text, which the study shares) and the ranges to leave out.
 */

/** The text a coded block's passages are cut from, and the ranges left out of it. */
export class BlockExcerpts {
  /**
   * @param text the whole file's text.
   * @param cuts sorted `[from, to)` file-offset pairs, flattened: tag syntax (`[`,
   *   `]{…}`, bare tags) and the container markers (`> `, indentation) of lines after
   *   the first. Pairs may overlap.
   */
  constructor(
    private readonly text: string,
    readonly cuts: readonly number[],
  ) {}

  /**
   * The plain text of file offsets [start, end): cuts removed, line breaks and runs of
   * whitespace made one space, no space before `.,;:!?`, trimmed.
   */
  between(start: number, end: number): string {
    const { text, cuts } = this;
    const pieces: string[] = [];
    let cursor = start;
    for (let index = 0; index < cuts.length && cuts[index] < end; index += 2) {
      const from = cuts[index];
      const to = cuts[index + 1];
      if (to <= cursor) continue;
      if (from > cursor) pieces.push(text.slice(cursor, from));
      cursor = to;
    }
    if (cursor < end) pieces.push(text.slice(cursor, end));
    return pieces
      .join('')
      .replace(/\s+/g, ' ')
      .replace(/ ([.,;:!?])/g, '$1')
      .trim();
  }
}
