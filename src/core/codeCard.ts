/**
 * What a person is told about a code wherever it shows (the editor's hover, the Themes
 * and Studies trees, completion): the same facts everywhere, worded by each adapter.
 */
import type { CodeSummary } from './reviewIndex';

/** One code as people see it. */
export interface CodeCard {
  /** The name, without `#`. */
  readonly name: string;
  /** Whether the codebook defines it (else it is an uncategorised code). */
  readonly defined: boolean;
  /** The first definition's text, `''` when there is none. */
  readonly definition: string;
  /** The themes it is filed under, each as a heading path (`Theme › Sub-theme`). */
  readonly themes: readonly string[];
  /** Segments coded with it (within a filter or a study, when the caller says so). */
  readonly segmentCount: number;
  /** Studies with such segments. */
  readonly studyCount: number;
}

/** How a theme's heading path is written for people. */
export const THEME_PATH_SEPARATOR = ' › ';

/**
 * The card of a code from the index's summary (`undefined` for a name the index does
 * not know), with the summary's counts unless `counts` gives others (a filtered view).
 */
export function codeCard(name: string, summary: CodeSummary | undefined, counts?: { readonly segmentCount: number; readonly studyCount: number }): CodeCard {
  return {
    name,
    defined: (summary?.definitions.length ?? 0) > 0,
    definition: summary?.definition ?? '',
    themes: (summary?.themes ?? []).map((path) => path.join(THEME_PATH_SEPARATOR)),
    segmentCount: counts?.segmentCount ?? summary?.segmentCount ?? 0,
    studyCount: counts?.studyCount ?? summary?.studyCount ?? 0,
  };
}
