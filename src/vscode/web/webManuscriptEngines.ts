/**
 * The manuscript engines of the web extension, bundled for the browser as
 * `dist/web/manuscript.js` and evaluated on first use by `loadWebEngines.ts`: the same
 * engines as Node's chunk, with the rasteriser left for the loader to make (its wasm and
 * fonts are read through `workspace.fs`, which this chunk cannot reach).
 */
export { bibliographyFormat, parseBibliography } from '../../core/references/parseBibliography';
export { bundledStyle, createFormatter } from '../../core/references/citeprocFormatter';
export { renderDocx } from '../../core/report/docx/renderDocx';
export { createRasteriser } from '../../core/report/docx/rasteriser';
