/**
 * What the benchmark runs, bundled by esbuild like the CLI and the extension are, so
 * the figures are those of the shipped code (no tsx transform in the hot path).
 */
export { loadReview, type Review } from '../../src/core/review';
export { NodeReviewHost } from '../../src/node/nodeHost';
export { buildReportModel, renderMarkdown } from '../../src/core/report';
export { SearchCorpus, searchStudies } from '../../src/core/search/searchStudies';
export { codingMatrix, cooccurrence } from '../../src/core/analysis';
export { autocodeEdits } from '../../src/core/search/autocode';
