import * as vscode from 'vscode';
import { type LoadEngines, type ManuscriptEngines, RASTERISER_FILES } from '../../core';
import type * as Engines from '../../manuscriptEngines';

/** The engines' chunk (esbuild.mjs), relative to the extension: the one the desktop extension requires. */
export const WEB_ENGINES_CHUNK = 'dist/manuscript.js';

/**
 * The manuscript engines of the web extension, loaded once on first use: the chunk is
 * read like any file of the extension and run as a CommonJS module (a web worker
 * extension host has no `require` of its own), and the rasteriser reads its wasm and
 * fonts from `dist/` the same way. Keeping them out of `dist/web/extension.js` keeps
 * activation fast, as on the desktop.
 */
export function webEngineLoader(extensionUri: vscode.Uri): LoadEngines {
  let loading: Promise<ManuscriptEngines> | undefined;
  return () => (loading ??= loadEngines(extensionUri));
}

async function loadEngines(extensionUri: vscode.Uri): Promise<ManuscriptEngines> {
  const chunk = vscode.Uri.joinPath(extensionUri, WEB_ENGINES_CHUNK);
  const engines = runModule(new TextDecoder().decode(await readExtensionFile(chunk)), chunk) as typeof Engines;
  const rasteriseSvg = engines.createRasteriser(async () => {
    const [wasm, ...fonts] = await Promise.all(RASTERISER_FILES.map((file) => readExtensionFile(vscode.Uri.joinPath(extensionUri, 'dist', file))));
    return { wasm, fonts };
  });
  return { ...engines, rasteriseSvg };
}

/**
 * A file of the extension: through `workspace.fs` where a file system serves the
 * extension's scheme (the VS Code server's `vscode-remote`), by `fetch` where the
 * extension is served over HTTP (the Marketplace's CDN in vscode.dev).
 */
async function readExtensionFile(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(vscode.l10n.t('could not load {0}: HTTP {1}', uri.toString(true), response.status));
    return new Uint8Array(await response.arrayBuffer());
  }
  return vscode.workspace.fs.readFile(uri);
}

/** Runs a bundled CommonJS module that requires nothing, and returns its exports. */
function runModule(source: string, uri: vscode.Uri): unknown {
  const module = { exports: {} as unknown };
  const noRequire = (name: string): never => {
    throw new Error(`${WEB_ENGINES_CHUNK} asked for '${name}', which the web extension does not have`);
  };
  // The extension host runs extensions the same way; the sourceURL names it in stack traces.
  new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${uri.toString(true)}`)(module, module.exports, noRequire);
  return module.exports;
}
