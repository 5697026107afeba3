/**
 * What the views show of the index under the current filter: visible studies, codes,
 * themes and segments, and their counts. Pure (no `vscode` import) and cached: one lens
 * serves one state of the index, and the views make a new one after every update.
 * Without a filter the counts come from the index's own maps (no scan of the segments,
 * which a review of 1,000 studies has ~100,000 of); with one, from one pass over the
 * studies that pass it.
 */
import { citationLabels, type CodeSummary, filterStudies, formatFilter, type ReviewIndex, type Segment, type Study, type StudyFilter, type Theme } from '../../core';

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

/** A code's visible segments (by study path, then position) and the studies they come from. */
interface VisibleCode {
  readonly segments: Segment[];
  readonly studies: Set<string>;
}

/** The index as the views see it under one filter. */
export class ReviewLens {
  /** True when a filter hides part of the review. */
  readonly filtered: boolean;
  private readonly needle: string;
  private labels: Map<string, string> | undefined;
  private summaries: Map<string, CodeSummary> | undefined;
  private codeRanks: Map<string, number> | undefined;
  private visible: Map<string, VisibleCode> | undefined;
  private readonly segmentCache = new Map<string, readonly Segment[]>();
  private readonly codesByStudy = new Map<string, readonly string[]>();
  private readonly codeMatches = new Map<string, boolean>();

  constructor(
    readonly index: ReviewIndex,
    readonly filter: ViewFilterState = NO_FILTER,
  ) {
    this.needle = filter.text.normalize('NFC').trim().toLowerCase();
    this.filtered = this.needle !== '' || filter.studies.conditions.length > 0;
  }

  /** "Author Year" of a study, unique within the review ("Smith 2005a"). */
  citation(path: string): string {
    this.labels ??= citationLabels(this.index.studies());
    return this.labels.get(path) ?? path;
  }

  /** What the index knows of a code (unfiltered), or `undefined` when neither defined nor used. */
  summary(code: string): CodeSummary | undefined {
    return this.codeSummaries().get(code);
  }

  /** Studies in path order that pass the filter (with a text filter: that show a match). */
  studies(): readonly Study[] {
    const byAttributes = this.studiesByAttributes();
    if (!this.needle) return byAttributes;
    return byAttributes.filter((study) => this.matchesText(this.citation(study.path)) || this.codesOfStudy(study).length > 0);
  }

  /** The visible segments of a code, by study path then position. */
  segmentsOf(code: string): readonly Segment[] {
    if (this.filtered) return this.visibleCodes().get(code)?.segments ?? [];
    let segments = this.segmentCache.get(code);
    if (!segments) this.segmentCache.set(code, (segments = this.index.segmentsOf(code)));
    return segments;
  }

  /** Number of a code's visible segments. */
  segmentCountOf(code: string): number {
    return this.filtered ? (this.visibleCodes().get(code)?.segments.length ?? 0) : (this.summary(code)?.segmentCount ?? 0);
  }

  /** Number of studies among a code's visible segments. */
  studyCountOf(code: string): number {
    return this.filtered ? (this.visibleCodes().get(code)?.studies.size ?? 0) : (this.summary(code)?.studyCount ?? 0);
  }

  /** Without a filter every code; with one, codes with visible segments (or a name match when only text filters). */
  isCodeVisible(code: string): boolean {
    if (!this.filtered) return true;
    if (this.segmentCountOf(code) > 0) return true;
    return this.filter.studies.conditions.length === 0 && this.codeMatchesText(code);
  }

  /** Without a filter every theme; with one, themes with a visible code in them or below. */
  isThemeVisible(theme: Theme): boolean {
    return !this.filtered || this.index.codesOfTheme(theme).some((code) => this.isCodeVisible(code));
  }

  /** Number of studies with a visible segment in a theme or its sub-themes. */
  studyCountOfTheme(theme: Theme): number {
    if (!this.filtered) return this.index.studiesOfTheme(theme).length;
    const paths = new Set<string>();
    for (const code of this.index.codesOfTheme(theme)) for (const path of this.visibleCodes().get(code)?.studies ?? []) paths.add(path);
    return paths.size;
  }

  /** A theme's own codes, once each, in codebook order, that are visible. */
  ownCodes(theme: Theme): string[] {
    return [...new Set(theme.codes)].filter((code) => this.isCodeVisible(code));
  }

  /** Visible codes used in studies but defined nowhere. */
  uncategorisedCodes(): string[] {
    return [...this.codeSummaries().values()].filter((code) => code.definitions.length === 0 && this.isCodeVisible(code.name)).map((code) => code.name);
  }

  /** Visible codes defined but used nowhere (none under an attribute filter). */
  unusedCodes(): string[] {
    return [...this.codeSummaries().values()].filter((code) => code.definitions.length > 0 && code.segmentCount === 0 && this.isCodeVisible(code.name)).map((code) => code.name);
  }

  /** The codes a study (one that passes the filter) shows: those with a visible segment in it, in codebook order. */
  codesOfStudy(study: Study): readonly string[] {
    let codes = this.codesByStudy.get(study.path);
    if (codes === undefined) {
      const found = new Set<string>();
      for (const segment of study.segments) for (const code of segment.codes) if (!found.has(code) && this.isSegmentVisible(segment, code)) found.add(code);
      const ranked = [...found].map((code) => ({ code, rank: this.rankOf(code) }));
      codes = ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.code);
      this.codesByStudy.set(study.path, codes);
    }
    return codes;
  }

  /** Number of a study's (one that passes the filter) visible segments. */
  segmentCountOfStudy(study: Study): number {
    if (!this.needle) return study.segments.length;
    return study.segments.filter((segment) => segment.codes.some((code) => this.isSegmentVisible(segment, code))).length;
  }

  /** The visible segments of one code in one study (one that passes the filter), in position order. */
  segmentsOfStudy(study: Study, code: string): Segment[] {
    return study.segments.filter((segment) => segment.codes.includes(code) && this.isSegmentVisible(segment, code));
  }

  /** What the views show, counted: studies that pass the filter, visible codes and their segments. */
  counts(): { readonly studies: number; readonly codes: number; readonly segments: number } {
    const studies = this.studies();
    const segments = studies.reduce((total, study) => total + this.segmentCountOfStudy(study), 0);
    const codes = [...this.codeSummaries().keys()].filter((code) => this.isCodeVisible(code)).length;
    return { studies: studies.length, codes, segments };
  }

  /** True when the text filter finds its text in `value` (always true without one). */
  matchesText(value: string): boolean {
    return !this.needle || value.normalize('NFC').toLowerCase().includes(this.needle);
  }

  /** Whether a segment of a study that passes the attribute filter shows under a code. */
  private isSegmentVisible(segment: Segment, code: string): boolean {
    return !this.needle || this.codeMatchesText(code) || this.matchesText(segment.text);
  }

  private codeMatchesText(code: string): boolean {
    if (!this.needle) return true;
    let matches = this.codeMatches.get(code);
    if (matches === undefined) {
      matches = this.matchesText(code) || this.matchesText(this.summary(code)?.definitions.map((definition) => definition.definition).join('\n') ?? '');
      this.codeMatches.set(code, matches);
    }
    return matches;
  }

  /** Every code's visible segments and studies, from one pass over the studies that pass the filter. */
  private visibleCodes(): Map<string, VisibleCode> {
    if (this.visible) return this.visible;
    const visible = new Map<string, VisibleCode>();
    for (const study of this.studiesByAttributes()) {
      for (const segment of study.segments) {
        for (const code of segment.codes) {
          if (!this.isSegmentVisible(segment, code)) continue;
          let entry = visible.get(code);
          if (!entry) visible.set(code, (entry = { segments: [], studies: new Set() }));
          entry.segments.push(segment);
          entry.studies.add(study.path);
        }
      }
    }
    return (this.visible = visible);
  }

  private studiesByAttributes(): readonly Study[] {
    return this.filter.studies.conditions.length === 0 ? this.index.studies() : filterStudies(this.index.studies(), this.filter.studies);
  }

  /** Every code's summary in `index.codes()` order: codebook order, then undefined codes by name. */
  private codeSummaries(): Map<string, CodeSummary> {
    this.summaries ??= new Map(this.index.codes().map((summary) => [summary.name, summary]));
    return this.summaries;
  }

  private rankOf(code: string): number {
    this.codeRanks ??= new Map([...this.codeSummaries().keys()].map((name, rank) => [name, rank]));
    return this.codeRanks.get(code) ?? Number.MAX_SAFE_INTEGER;
  }
}
