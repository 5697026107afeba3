/**
 * What the views show of the index under the current filter: visible studies, codes,
 * themes and segments, and their counts. Pure (no `vscode` import) and cached: one lens
 * serves one state of the index, and the views make a new one after every update.
 */
import { filterStudies, formatFilter, type StudyFilter } from '../../core/filter';
import type { Segment, Study, Theme } from '../../core/model';
import { citationLabels } from '../../core/report/citation';
import type { ReviewIndex } from '../../core/reviewIndex';

/** The views' filter: study attributes (the filter language) and free text. */
export interface ViewFilterState {
  /** Conditions on study attributes, e.g. `perspective=recipients`. */
  readonly studies: StudyFilter;
  /** Text to find in code names, definitions and excerpts (case-insensitive); `''` for none. */
  readonly text: string;
}

/** The filter that shows everything. */
export const NO_FILTER: ViewFilterState = { studies: { conditions: [] }, text: '' };

/** `perspective=recipients · "pay"`, or `''` without a filter. */
export function describeFilter(filter: ViewFilterState): string {
  const parts = [formatFilter(filter.studies), filter.text ? `"${filter.text}"` : ''];
  return parts.filter(Boolean).join(' · ');
}

/** The index as the views see it under one filter. */
export class ReviewLens {
  private readonly needle: string;
  private visiblePaths: Set<string> | undefined;
  private labels: Map<string, string> | undefined;
  private codeRanks: Map<string, number> | undefined;
  private readonly segmentCache = new Map<string, readonly Segment[]>();
  private readonly codeMatches = new Map<string, boolean>();

  constructor(
    readonly index: ReviewIndex,
    readonly filter: ViewFilterState = NO_FILTER,
  ) {
    this.needle = filter.text.normalize('NFC').trim().toLowerCase();
  }

  /** True when a filter hides part of the review. */
  get filtered(): boolean {
    return this.needle !== '' || this.filter.studies.conditions.length > 0;
  }

  /** "Author Year" of a study, unique within the review ("Smith 2005a"). */
  citation(path: string): string {
    this.labels ??= citationLabels(this.index.studies());
    return this.labels.get(path) ?? path;
  }

  /** Studies in path order that pass the filter (with a text filter: that show a match). */
  studies(): Study[] {
    const byAttributes = this.studiesByAttributes();
    if (!this.needle) return byAttributes;
    return byAttributes.filter((study) => this.matchesText(this.citation(study.path)) || this.codesOfStudy(study).length > 0);
  }

  /** The visible segments of a code, by study path then position. */
  segmentsOf(code: string): readonly Segment[] {
    let segments = this.segmentCache.get(code);
    if (segments === undefined) {
      segments = this.index.segmentsOf(code).filter((segment) => this.isSegmentVisible(segment, code));
      this.segmentCache.set(code, segments);
    }
    return segments;
  }

  /** Number of studies among a code's visible segments. */
  studyCountOf(code: string): number {
    return new Set(this.segmentsOf(code).map((segment) => segment.path)).size;
  }

  /** Without a filter every code; with one, codes with visible segments (or a name match when only text filters). */
  isCodeVisible(code: string): boolean {
    if (!this.filtered) return true;
    if (this.segmentsOf(code).length > 0) return true;
    return this.filter.studies.conditions.length === 0 && this.codeMatchesText(code);
  }

  /** Without a filter every theme; with one, themes with a visible code in them or below. */
  isThemeVisible(theme: Theme): boolean {
    return !this.filtered || this.index.codesOfTheme(theme).some((code) => this.isCodeVisible(code));
  }

  /** Number of studies with a visible segment in a theme or its sub-themes. */
  studyCountOfTheme(theme: Theme): number {
    const paths = new Set<string>();
    for (const code of this.index.codesOfTheme(theme)) for (const segment of this.segmentsOf(code)) paths.add(segment.path);
    return paths.size;
  }

  /** A theme's own codes, once each, in codebook order, that are visible. */
  ownCodes(theme: Theme): string[] {
    return [...new Set(theme.codes)].filter((code) => this.isCodeVisible(code));
  }

  /** Visible codes used in studies but defined nowhere. */
  uncategorisedCodes(): string[] {
    return this.index.uncategorisedCodes().filter((code) => this.isCodeVisible(code));
  }

  /** Visible codes defined but used nowhere (none under an attribute filter). */
  unusedCodes(): string[] {
    return this.index.unusedCodes().filter((code) => this.isCodeVisible(code));
  }

  /** The codes a study shows: those with a visible segment in it, in codebook order. */
  codesOfStudy(study: Study): string[] {
    const codes = new Set<string>();
    for (const segment of study.segments) for (const code of segment.codes) if (this.isSegmentVisible(segment, code)) codes.add(code);
    return [...codes].sort((a, b) => this.rankOf(a) - this.rankOf(b));
  }

  /** The visible segments of one code in one study, in position order. */
  segmentsOfStudy(study: Study, code: string): Segment[] {
    return study.segments.filter((segment) => segment.codes.includes(code) && this.isSegmentVisible(segment, code));
  }

  /** True when the text filter finds its text in `value` (always true without one). */
  matchesText(value: string): boolean {
    return !this.needle || value.normalize('NFC').toLowerCase().includes(this.needle);
  }

  private isSegmentVisible(segment: Segment, code: string): boolean {
    if (this.filter.studies.conditions.length > 0 && !this.visibleStudyPaths().has(segment.path)) return false;
    return !this.needle || this.codeMatchesText(code) || this.matchesText(segment.text);
  }

  private codeMatchesText(code: string): boolean {
    if (!this.needle) return true;
    let matches = this.codeMatches.get(code);
    if (matches === undefined) {
      matches = this.matchesText(code) || this.index.codebook.definitions.some((definition) => definition.code === code && this.matchesText(definition.definition));
      this.codeMatches.set(code, matches);
    }
    return matches;
  }

  private studiesByAttributes(): Study[] {
    return filterStudies(this.index.studies(), this.filter.studies);
  }

  private visibleStudyPaths(): Set<string> {
    this.visiblePaths ??= new Set(this.studiesByAttributes().map((study) => study.path));
    return this.visiblePaths;
  }

  /** Position of a code in `index.codes()`: codebook order, then undefined codes by name. */
  private rankOf(code: string): number {
    this.codeRanks ??= new Map(this.index.codes().map((summary, rank) => [summary.name, rank]));
    return this.codeRanks.get(code) ?? Number.MAX_SAFE_INTEGER;
  }
}
