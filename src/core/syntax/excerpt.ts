/**
 * The plain text of coded passages, computed when it is read. A review holds ~100,000
 * passages whose text most views never show: building every excerpt while indexing
 * took a quarter of the scan, so a study keeps only what excerpts are cut from (its
 * text) and, in one flat list, the ranges each coded block leaves out.
 */

/**
 * The plain text of file offsets [start, end) of `text`: the cuts `cuts[from..to)`
 * removed (sorted `[from, to)` file-offset pairs, flattened, possibly overlapping: tag
 * syntax and the container markers of a block's lines after its first), line breaks
 * and runs of whitespace made one space, no space before `.,;:!?`, trimmed.
 */
export function excerptBetween(text: string, cuts: readonly number[], from: number, to: number, start: number, end: number): string {
  const pieces: string[] = [];
  let cursor = start;
  for (let index = from; index < to && cuts[index] < end; index += 2) {
    const cutStart = cuts[index];
    const cutEnd = cuts[index + 1];
    if (cutEnd <= cursor) continue;
    if (cutStart > cursor) pieces.push(text.slice(cursor, cutStart));
    cursor = cutEnd;
  }
  if (cursor < end) pieces.push(text.slice(cursor, end));
  return pieces
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
}
