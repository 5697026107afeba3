/**
 * The heavy engines of the manuscript formats, bundled once as a chunk of their own
 * (`dist/manuscript.js`, for the browser platform: no Node built-ins) and loaded only
 * when a report or an import needs them: the citation engine (citation-js, citeproc-js),
 * the docx writer and the SVG rasteriser. The desktop extension and the CLI `require` it
 * (src/node/loadEngines.ts), the web extension evaluates it (src/vscode/web/loadWebEngines.ts);
 * each hands the rasteriser its own reader of the wasm and fonts. Keeping the engines out
 * of the extension bundles keeps activation fast, and one chunk for every host keeps them
 * once in the .vsix.
 *
 * It imports the core's modules directly, not through `src/core/index.ts`: the index
 * would bring the whole core (commonmark, js-yaml …) into the chunk beside the engines.
 */
export { bibliographyFormat, parseBibliography } from './core/references/parseBibliography';
export { bundledStyle, createFormatter } from './core/references/citeprocFormatter';
export { renderDocx } from './core/report/docx/renderDocx';
export { createRasteriser } from './core/report/docx/rasteriser';
