/**
 * The text a reader sees of Markdown backslash escapes: CommonMark lets a backslash
 * escape any ASCII punctuation character (`\*`, `\[`, `\#`, `\$`…), and the reader sees
 * the character alone. Inside code spans a backslash is literal, so spans are skipped.
 */

/** ASCII punctuation, the characters CommonMark lets a backslash escape. */
export const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

/** Removes the backslash of every escape of ASCII punctuation outside code spans. */
export function unescapeMarkdown(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  for (let offset = 0; offset < text.length; ) {
    const char = text[offset];
    if (char === '`') {
      const end = backtickSpanEnd(text, offset);
      out += text.slice(offset, end);
      offset = end;
    } else if (char === '\\' && ASCII_PUNCTUATION.test(text[offset + 1] ?? '')) {
      out += text[offset + 1];
      offset += 2;
    } else {
      out += char;
      offset++;
    }
  }
  return out;
}

/**
 * The end of the code span opened by the backtick run at `start`, or of the run
 * alone when no run of the same length closes it (then it is literal text).
 */
export function backtickSpanEnd(text: string, start: number): number {
  let runEnd = start;
  while (text.charCodeAt(runEnd) === 96) runEnd++;
  const runLength = runEnd - start;
  for (let search = runEnd; ; ) {
    const next = text.indexOf('`', search);
    if (next === -1) return runEnd;
    let closeEnd = next;
    while (text.charCodeAt(closeEnd) === 96) closeEnd++;
    if (closeEnd - next === runLength) return closeEnd;
    search = closeEnd;
  }
}
