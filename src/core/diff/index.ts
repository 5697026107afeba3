/** The coding diff between two revisions of a review (`qualsynth diff`). */
export * from './diffModel';
export { diffIndexes, type DiffSides } from './diffReviews';
export { renderDiffMarkdown, type DiffMarkdownOptions } from './diffMarkdown';
export { normalisePassage, shortenPassage } from './passage';
