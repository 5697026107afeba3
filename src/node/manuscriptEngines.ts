/**
 * The heavy engines of the manuscript formats, bundled as a chunk of their own
 * (`dist/manuscript.js`) and loaded only when a report or an import needs them: the
 * citation engine (citation-js, citeproc-js) and, for Word, the docx writer and the SVG
 * rasteriser. Keeping them out of `dist/extension.js` keeps activation fast.
 */
export { bibliographyFormat, parseBibliography } from '../core/references/parseBibliography';
export { bundledStyle, createFormatter } from '../core/references/citeprocFormatter';
export { renderDocx } from '../core/report/docx/renderDocx';
export { rasteriseSvg } from './rasterise';
