/**
 * SVG to PNG with resvg compiled to WebAssembly (no native binary, no download): the
 * PNG fallback Word and LibreOffice show for a figure's SVG. Fonts are DejaVu Sans from
 * the npm package `dejavu-fonts-ttf` (resvg-wasm sees no system fonts), so a figure
 * rasterises the same on every machine. The wasm and the fonts are read from beside
 * the bundle (`dist/`, copied there by esbuild.mjs) or, unbundled, from node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

/** The assets resvg needs, by file name in `dist/` and module path in node_modules. */
const ASSETS = {
  wasm: ['resvg.wasm', '@resvg/resvg-wasm/index_bg.wasm'],
  regular: ['fonts/DejaVuSans.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf'],
  bold: ['fonts/DejaVuSans-Bold.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'],
} as const;

let ready: Promise<readonly Uint8Array[]> | undefined;

/** Renders an SVG to PNG bytes, `scale` device pixels per CSS pixel. */
export async function rasteriseSvg(svg: string, scale = 2): Promise<Uint8Array> {
  const fonts = await (ready ??= start());
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { fontBuffers: [...fonts], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } });
  try {
    return resvg.render().asPng();
  } finally {
    resvg.free();
  }
}

async function start(): Promise<readonly Uint8Array[]> {
  await initWasm(readFileSync(asset(ASSETS.wasm)));
  return [readFileSync(asset(ASSETS.regular)), readFileSync(asset(ASSETS.bold))];
}

/** The asset beside the bundle, else in node_modules. */
function asset([bundled, module]: readonly [string, string]): string {
  const beside = nodePath.join(__dirname, bundled);
  return existsSync(beside) ? beside : require.resolve(module);
}
