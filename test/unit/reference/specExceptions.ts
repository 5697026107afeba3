/**
 * The documented, deliberate differences between the scanner and the CommonMark
 * oracle on the spec's examples, each with its example numbers and its reason (the
 * README lists them). A difference is excused only inside what the exception names.
 */

/** A deliberate difference. */
export interface SpecException {
  /** Short name, as in the README. */
  readonly name: string;
  /** Why QualSynth reads these examples differently. */
  readonly reason: string;
  /** The spec example numbers where it shows. */
  readonly examples: readonly number[];
}

/**
 * HTML blocks of CommonMark's kinds 6 and 7 (`<div>`, a tag alone on a line): the
 * scanner reads their text as a paragraph's, the oracle as raw HTML. Only differences
 * inside such a block are excused (the oracle's `rawHtml` ranges).
 */
export const HTML_BLOCKS_AS_TEXT: SpecException = {
  name: 'HTML blocks of kinds 6 and 7 are read as text',
  reason:
    'Text inside <div>, <details>, <td> or another tag block is shown to readers by browsers and GitHub, so a tag written there still codes, as a paragraph would; CommonMark passes the block through as raw HTML, and the oracle leaves it out.',
  examples: [21, 31, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 174, 175, 184, 185, 186, 188, 189, 190, 191],
};

export const SPEC_EXCEPTIONS: readonly SpecException[] = [HTML_BLOCKS_AS_TEXT];
