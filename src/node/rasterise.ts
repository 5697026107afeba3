/**
 * What the rasteriser reads in Node (the desktop extension, the CLI): resvg's wasm and the
 * DejaVu fonts (npm package `dejavu-fonts-ttf`) read from beside the bundle (`dist/`,
 * copied there by esbuild.mjs) or, unbundled, from node_modules.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { RASTERISER_FILES, type RasteriserAssets } from '../core';

/** Where each file of `dist/` is in node_modules, for the unbundled runs (tests, tsx). */
const IN_NODE_MODULES: Record<(typeof RASTERISER_FILES)[number], string> = {
  'resvg.wasm': '@resvg/resvg-wasm/index_bg.wasm',
  'fonts/DejaVuSans.ttf': 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'fonts/DejaVuSans-Bold.ttf': 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

/** The wasm and the fonts, for the engines' `createRasteriser`. */
export async function readRasteriserAssets(): Promise<RasteriserAssets> {
  const [wasm, ...fonts] = await Promise.all(RASTERISER_FILES.map((file) => readFile(asset(file))));
  return { wasm, fonts };
}

/** The asset beside the bundle, else in node_modules. */
function asset(file: (typeof RASTERISER_FILES)[number]): string {
  const beside = nodePath.join(__dirname, file);
  return existsSync(beside) ? beside : require.resolve(IN_NODE_MODULES[file]);
}
