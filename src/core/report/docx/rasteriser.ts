/**
 * SVG to PNG with resvg compiled to WebAssembly (no native binary, no download): the
 * PNG fallback Word and LibreOffice show for a figure's SVG. Fonts are DejaVu Sans
 * (resvg-wasm sees no system fonts), so a figure rasterises the same on every machine.
 * The platform hands in the wasm and the fonts: Node reads them from `dist/`
 * (`src/node/rasterise.ts`), the web extension through `workspace.fs`.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';

/** The bytes resvg needs: its wasm and the fonts (regular, bold). */
export interface RasteriserAssets {
  readonly wasm: Uint8Array;
  readonly fonts: readonly Uint8Array[];
}

/** The assets' files in `dist/`, where esbuild.mjs copies them: the wasm, then the fonts. */
export const RASTERISER_FILES = ['resvg.wasm', 'fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf'] as const;

/** Renders an SVG to PNG bytes, `scale` device pixels per CSS pixel. */
export type Rasterise = (svg: string, scale?: number) => Promise<Uint8Array>;

/** A rasteriser that loads its assets on first use (resvg's wasm is initialised once per bundle). */
export function createRasteriser(loadAssets: () => Promise<RasteriserAssets>): Rasterise {
  let ready: Promise<readonly Uint8Array[]> | undefined;
  const start = async (): Promise<readonly Uint8Array[]> => {
    const { wasm, fonts } = await loadAssets();
    await initWasm(wasm);
    return fonts;
  };
  return async (svg, scale = 2) => {
    const fonts = await (ready ??= start());
    const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { fontBuffers: [...fonts], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } });
    try {
      return resvg.render().asPng();
    } finally {
      resvg.free();
    }
  };
}
