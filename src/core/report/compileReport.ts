/**
 * Compiles a review's report files for the CLI and the extension: the review's
 * references in its citation style (the citation engine loaded only when the review has
 * bibliographic data), then every requested format, Word with the docx engine. The
 * engines come from the caller's platform (Node's chunk or the web extension's).
 */
import type { Problem } from '../model';
import { loadReferences } from '../references/loadReferences';
import type { Review } from '../review';
import { VERSION } from '../version';
import { buildReport, DOCX_FILE, type BuildReportOptions, type ReportOutput } from './buildReport';
import type { LoadEngines } from './manuscriptEngines';

/** The report, its files by name, and the problems met reading the references. */
export interface CompiledReport {
  readonly output: ReportOutput;
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  readonly problems: readonly Problem[];
}

/** Builds the report of a review in the requested formats. */
export async function compileReport(review: Review, options: BuildReportOptions, loadEngines: LoadEngines): Promise<CompiledReport> {
  const references = await loadReferences(review, loadEngines);
  const output = buildReport(review, { ...options, references });
  const files: Record<string, string | Uint8Array> = { ...output.files };
  if (options.formats?.includes('docx')) {
    const engines = await loadEngines();
    files[DOCX_FILE] = await engines.renderDocx(output.model, { rasterise: (svg) => engines.rasteriseSvg(svg), creator: `QualSynth ${VERSION}` });
  }
  return { output, files, problems: references?.problems ?? [] };
}
