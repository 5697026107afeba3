/** Links from Markdown outputs (coding diff, agreement) to passages of the review. */

/** A review-relative path and 1-based line → the URL a passage links to (`studies/a.md#L12`). */
export type PassageLink = (path: string, line: number) => string;

/** A Markdown link; the destination in `<…>`, percent-encoded, so spaces and brackets in paths are safe. */
export function markdownLink(text: string, url: string): string {
  return `[${text}](<${encodeURI(url).replace(/[<>]/g, encodeURIComponent)}>)`;
}
