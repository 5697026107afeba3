/**
 * The characters that start a Markdown block at the beginning of a line: `#` of a
 * heading, `>` of a quote, `-`, `+`, `*` or `1.` of a list item, a code fence, a
 * setext underline or a thematic break, `<` of an HTML block. A backslash before that
 * character makes the line ordinary text, which is how plain text from other tools
 * stays plain, and why QualSynth keeps such an escape when it exports a study.
 */

const marker = /^ {0,3}(?:(#){1,6}(?=[ \t]|$)|(>)|([-+*])(?=[ \t]|$)|\d{1,9}([.)])(?=[ \t]|$)|(`|~)\5{2,}|(=)+[ \t]*$|([-*_])(?:[ \t]*\7){2,}[ \t]*$|(<))/d;

/** The offset in `line` of the character that makes it start a block, or -1 when none does. */
export function blockMarkerAt(line: string): number {
  const match = marker.exec(line);
  if (!match) return -1;
  // An ordered list item is made by its `.` or `)`; every other block by its first character.
  return match.indices?.[4] ? match.indices[4][0] : line.length - line.trimStart().length;
}
