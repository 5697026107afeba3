/**
 * The public API of QualSynth's core: everything the CLI and the VS Code layer use.
 * Nothing under `src/core/` imports `vscode` (a unit test enforces it).
 */
export * from './model';
export type { ReviewHost, FileEvent, Disposable } from './host';
export { Review, loadReview } from './review';
export { compareText } from './text/compareText';
export { ReviewIndex, type CodeSummary, type IndexSummary, type IndexChange } from './reviewIndex';
export { parseStudy, fileStem } from './study';
export { parseCodebook } from './codebook';
export { parseConfig, CONFIG_FILE, DEFAULT_CONFIG, isInsideReview } from './config';
export { readFrontMatter } from './frontMatter';
export { scanTags } from './syntax/scanTags';
export { isValidCodeName, normaliseCodeName, scanCodeName } from './syntax/codeName';
export { LineIndex } from './text/lineIndex';
export { decodeText } from './text/decode';
export * from './git';
export * from './diff';
export * from './agreement';
