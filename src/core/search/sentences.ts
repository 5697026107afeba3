/**
 * Sentences of a block's reader text, for auto-coding by sentence: the
 * `Intl.Segmenter` sentence breaks of the platform (Unicode's rules, in Node and in
 * browsers), each without the white space after it. Where the platform has none, the
 * whole block is the sentence.
 */

let segmenter: Intl.Segmenter | undefined;

/**
 * The reader range [start, end) of the sentences of the block [blockStart, blockEnd)
 * of `value` that hold the range [from, to).
 */
export function sentenceAround(value: string, blockStart: number, blockEnd: number, from: number, to: number): [number, number] {
  if (typeof Intl.Segmenter !== 'function') return [blockStart, blockEnd];
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' });
  const block = value.slice(blockStart, blockEnd);
  let start = -1;
  let end = blockEnd - blockStart;
  for (const { segment, index } of segmenter.segment(block)) {
    const segmentEnd = index + segment.length;
    if (start === -1 && segmentEnd > from - blockStart) start = index;
    if (segmentEnd >= to - blockStart) {
      end = index + segment.trimEnd().length;
      break;
    }
  }
  return [blockStart + Math.max(0, start), blockStart + end];
}
