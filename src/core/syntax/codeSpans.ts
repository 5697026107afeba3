/**
 * Code spans in linear time: a run of n backticks opens a code span closed by the next
 * run of exactly n (CommonMark). The block's runs are indexed once by length, and each
 * length's next candidate is remembered, so 4 MB of distinct unclosed runs costs one
 * pass instead of one search per run.
 */

/** Where the run at an offset ends and where the code span it opens ends (-1 if none). */
export interface CodeSpanAt {
  readonly runEnd: number;
  readonly closeEnd: number;
}

/** The backtick runs of a text, for code spans looked up in increasing offsets. */
export class CodeSpans {
  /** Start offsets of the text's maximal backtick runs, by run length. */
  private readonly runs = new Map<number, number[]>();
  /** Per run length, the index of the first run not yet passed. */
  private readonly next = new Map<number, number>();

  constructor(private readonly text: string) {
    for (let start = text.indexOf('`'); start !== -1; ) {
      let end = start + 1;
      while (text.charCodeAt(end) === 96) end++;
      const list = this.runs.get(end - start);
      if (list) list.push(start);
      else this.runs.set(end - start, [start]);
      start = text.indexOf('`', end);
    }
  }

  /** The run starting at `offset` (a backtick; later calls have larger offsets) and its closing run. */
  spanAt(offset: number): CodeSpanAt {
    const text = this.text;
    let runEnd = offset;
    while (text.charCodeAt(runEnd) === 96) runEnd++;
    const length = runEnd - offset;
    const list = this.runs.get(length);
    if (!list) return { runEnd, closeEnd: -1 };
    let index = this.next.get(length) ?? 0;
    while (index < list.length && list[index] < runEnd) index++;
    this.next.set(length, index);
    return { runEnd, closeEnd: index < list.length ? list[index] + length : -1 };
  }
}
