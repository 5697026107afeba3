/**
 * A study's link reference definitions (`[label]: destination "title"`), as the block
 * parser found them: `[text][label]`, `[label][]` and `[label]` are links only when
 * their label is defined, and a link's label, destination and title are not text.
 */

/** The labels defined in a study, matched as CommonMark matches them. */
export class LinkDefinitions {
  /** True when the study defines no label: no lookup needed. */
  readonly empty: boolean;
  /** The first character code of every defined label: most bracketed text is ruled out by it. */
  private readonly firstCharacters = new Set<number>();

  /** @param labels the definitions by normalised label (`normaliseLabel`), as commonmark.js keeps them */
  constructor(private readonly labels: Readonly<Record<string, unknown>> = {}) {
    for (const label of Object.keys(labels)) this.firstCharacters.add(label.charCodeAt(0));
    this.empty = this.firstCharacters.size === 0;
  }

  /** True when the label (without its brackets) is defined. */
  has(label: string): boolean {
    return this.hasLabel(label, 0, label.length);
  }

  /** True when `text[start, end)` is a defined label (without its brackets). */
  hasLabel(text: string, start: number, end: number): boolean {
    if (this.empty) return false;
    let first = start;
    while (first < end && isLabelSpace(text.charCodeAt(first))) first++;
    if (first === end) return false;
    if (!this.firstCharacters.has(foldedFirst(text.codePointAt(first)!))) return false;
    return Object.hasOwn(this.labels, normaliseLabel(text.slice(start, end)));
  }
}

/** The first character code of a code point case-folded as labels are (`normaliseLabel`). */
function foldedFirst(point: number): number {
  if (point < 128) return point >= 97 && point <= 122 ? point - 32 : point;
  return String.fromCodePoint(point).toLowerCase().toUpperCase().charCodeAt(0);
}

function isLabelSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** No definitions at all. */
export const NO_DEFINITIONS = new LinkDefinitions();

/**
 * CommonMark's label normalisation: trimmed, inner whitespace collapsed to one space,
 * Unicode case-folded (commonmark.js and micromark fold by lower- then upper-casing).
 */
export function normaliseLabel(label: string): string {
  return label.trim().replace(/[ \t\r\n]+/g, ' ').toLowerCase().toUpperCase();
}
