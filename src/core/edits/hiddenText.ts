/**
 * Why a place outside every codable block cannot be coded, in words for the user. The
 * decision that a place is outside the blocks comes from the scanner; this only names
 * what the text there looks like (code, a comment, a link definition), so the message
 * can say so.
 */

/** Text between blocks made only of container and list markers, blanks and heading marks. */
const MARKERS_ONLY = /^[\s>*+\-#=\d.)]*$/;

/** True when `gap` (text between a selection's edge and a block) holds nothing to code. */
export function isMarkersOnly(gap: string): boolean {
  return MARKERS_ONLY.test(gap);
}

/**
 * Why `offset` (outside every block, after the front matter) is not codable, judged from
 * the text since `from` (the end of the block before it, or the body's start).
 */
export function hiddenReason(text: string, from: number, offset: number): string {
  const before = text.slice(from, offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/^(?:[ \t]*>)*/, '');
  if (/^[ \t]{0,3}(?:>[ \t]?)*(?:```|~~~)/m.test(before) || /^[ \t]{0,3}(?:```|~~~)/.test(line)) {
    return 'The selection is in a fenced code block, where tags are not read: select a passage outside it.';
  }
  if (before.lastIndexOf('<!--') > before.lastIndexOf('-->') || /^[ \t]*<!--/.test(line)) {
    return 'The selection is in an HTML comment (<!-- … -->), where tags are not read: select a passage outside it.';
  }
  if (/^(?: {4}|\t)/.test(line)) return 'The selection is in an indented code block (lines indented by four spaces), where tags are not read.';
  if (/^[ \t]{0,3}\[[^\]]+\]:/.test(line)) return 'The selection is in a link reference definition ([label]: address), which is not coded.';
  return 'The selection is not in a paragraph, list item, heading or quote, so it cannot be coded.';
}

/** The reason for a selection in the front matter. */
export const FRONT_MATTER_REASON = "The selection is in the front matter (the study's details between the --- lines), which is not coded: select a passage of the study's text.";
