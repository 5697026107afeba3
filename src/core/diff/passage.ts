/**
 * How a coded passage is recognised across revisions and versions of a study: by its
 * text, not its line (lines shift when anything above them changes).
 */

/** The matching key of a passage: NFC, whitespace collapsed, lower case. */
export function normalisePassage(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A passage shortened to about `max` characters at a word boundary, for printing. */
export function shortenPassage(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
