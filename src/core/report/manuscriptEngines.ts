/**
 * What the heavy manuscript engines offer (the citation engine, the Word writer, the SVG
 * rasteriser). They are bundled apart and loaded on first use; each platform has its own
 * loader (`src/node/loadEngines.ts`, `src/vscode/web/loadWebEngines.ts`), and the core and
 * the features receive the loader, never the bundle.
 */
import type { ReferenceEngines } from '../references/references';
import type { renderDocx } from './docx/renderDocx';

/** The engines of a manuscript: references, Word and the PNG fallback of a figure. */
export interface ManuscriptEngines extends ReferenceEngines {
  readonly renderDocx: typeof renderDocx;
  /** Renders an SVG to PNG bytes, `scale` device pixels per CSS pixel. */
  rasteriseSvg(svg: string, scale?: number): Promise<Uint8Array>;
}

/** Loads the engines once; later calls resolve to the same engines. */
export type LoadEngines = () => Promise<ManuscriptEngines>;
