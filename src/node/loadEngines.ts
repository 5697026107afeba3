/**
 * Loads the manuscript engines on first use. In the bundles the import below is the
 * separate file `dist/manuscript.js` (esbuild.mjs marks it external); unbundled (tests,
 * tsx) it is the module itself.
 */
import type { ManuscriptEngines } from '../core';
import type * as Engines from '../manuscriptEngines';
import { readRasteriserAssets } from './rasterise';

export type { ManuscriptEngines } from '../core';

let loading: Promise<ManuscriptEngines> | undefined;

/** The engines, loaded once (a `require`, which tsx and esbuild both resolve; the first load takes about a second). */
export function loadManuscriptEngines(): Promise<ManuscriptEngines> {
  loading ??= Promise.resolve().then(() => {
    const engines = require('../manuscriptEngines') as typeof Engines;
    return { ...engines, rasteriseSvg: engines.createRasteriser(readRasteriserAssets) };
  });
  return loading;
}
