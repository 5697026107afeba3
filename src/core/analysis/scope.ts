/**
 * What an analysis covers: the studies the filter keeps (in path order) and the codes it
 * reports — the codebook's, in codebook order, then codes used in those studies but
 * defined nowhere, by name (unless left out).
 */
import { MATCH_ALL, type StudyFilter } from '../filter';
import { filterStudies } from '../filterMatch';
import type { Study } from '../model';
import { type ReviewIndex } from '../reviewIndex';
import { compareText } from '../text/compareText';

/** Options every analysis takes. */
export interface AnalysisOptions {
  /** Restricts the studies, as in `qualsynth report --filter` (see `filter.ts`). */
  readonly filter?: StudyFilter;
  /** Count codes used in studies but defined nowhere (default true). */
  readonly includeUncategorised?: boolean;
}

/** The studies and codes of an analysis. */
export interface AnalysisScope {
  readonly studies: readonly Study[];
  /** Studies before filtering. */
  readonly studiesInReview: number;
  /** Reported codes, in order; `codeIndex` gives each one's position. */
  readonly codes: readonly string[];
  readonly codeIndex: ReadonlyMap<string, number>;
}

/** The scope of an analysis of `index`. */
export function analysisScope(index: ReviewIndex, options: AnalysisOptions = {}): AnalysisScope {
  const all = index.studies();
  const studies = filterStudies(all, options.filter ?? MATCH_ALL);
  const codes: string[] = [];
  const codeIndex = new Map<string, number>();
  const add = (code: string): void => {
    if (!codeIndex.has(code)) codeIndex.set(code, codes.push(code) - 1);
  };
  for (const definition of index.codebook.definitions) add(definition.code);
  if (options.includeUncategorised !== false) {
    // The index knows which studies use each code: no segment is read.
    const kept = studies.length === all.length ? undefined : new Set(studies.map((study) => study.path));
    const usedHere = (code: string): boolean => !kept || index.studyPathsOf(code).some((path) => kept.has(path));
    index.uncategorisedCodes().filter(usedHere).sort(compareText).forEach(add);
  }
  return { studies, studiesInReview: all.length, codes, codeIndex };
}
