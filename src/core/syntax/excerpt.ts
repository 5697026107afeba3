/**
 * The plain text of coded passages, computed when it is read. A review holds ~100,000
 * passages whose text most views never show: building every excerpt while indexing
 * took a quarter of the scan, so a study keeps only what excerpts are cut from (its
 * text) and, in one flat list, the ranges each coded block leaves out.
 */
import { renderedText } from '../text/renderedText';

/**
 * The plain text of file offsets [start, end) of `text` as its reader sees it: the
 * cuts `cuts[from..to)` removed (sorted `[from, to)` file-offset pairs, flattened,
 * possibly overlapping: tag syntax and the container markers of a block's lines after
 * its first) with the space a cut tag leaves before punctuation (`low #low-pay.` reads
 * `low.`; the author's own `« Pourquoi ? »` stays), Markdown escapes, references and
 * code-span backticks rendered, line breaks and runs of whitespace made one space, trimmed.
 */
export function excerptBetween(text: string, cuts: ArrayLike<number>, from: number, to: number, start: number, end: number): string {
  let out = '';
  let cursor = start;
  for (let index = firstCutEndingAfter(cuts, from, to, start); index < to && cuts[index] < end; index += 2) {
    const cutStart = cuts[index];
    const cutEnd = cuts[index + 1];
    if (cutEnd <= cursor) continue;
    if (cutStart > cursor) out += text.slice(cursor, cutStart);
    cursor = cutEnd;
    if (/[ \t]$/.test(out) && /^[.,;:!?]/.test(text.slice(cursor, Math.min(cursor + 1, end)))) out = out.replace(/[ \t]+$/, '');
  }
  if (cursor < end) out += text.slice(cursor, end);
  return renderedText(out.replace(/\s+/g, ' ').trim());
}

/**
 * Per cut list, the running maximum of the cuts' ends (one entry per pair), extended as
 * the list grows. Cuts of earlier blocks end before a later block starts, so within a
 * block the first pair whose running maximum passes `start` is the first that ends after
 * it: a binary search instead of a walk over every earlier cut of the block, which made
 * the excerpts of one paragraph with 100,000 spans quadratic.
 */
const runningEnds = new WeakMap<ArrayLike<number>, number[]>();

/** The index of the first pair in cuts[from..to) that ends after `start` (`to` when none). */
function firstCutEndingAfter(cuts: ArrayLike<number>, from: number, to: number, start: number): number {
  if (to - from <= 16) return from;
  let ends = runningEnds.get(cuts);
  if (!ends) runningEnds.set(cuts, (ends = []));
  for (let pair = ends.length; pair * 2 < cuts.length; pair++) ends.push(Math.max(pair > 0 ? ends[pair - 1] : -1, cuts[pair * 2 + 1]));
  let low = from / 2;
  let high = to / 2;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ends[middle] > start) high = middle;
    else low = middle + 1;
  }
  return low * 2;
}
