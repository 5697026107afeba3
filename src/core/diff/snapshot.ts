/**
 * The parts of a review index a diff compares, keyed for matching across revisions:
 * studies by id, codes by name, segments by (study, normalised text), themes by path.
 */
import type { ReviewIndex } from '../reviewIndex';
import type { SegmentRef } from './diffModel';
import { normalisePassage, shortenPassage } from './passage';

/** A coded passage with its matching key. */
export interface SegmentEntry extends SegmentRef {
  /** `normalisePassage(text)`; with the study id, what identifies the passage. */
  readonly key: string;
}

/** A study as the diff sees it. */
export interface StudySnapshot {
  readonly id: string;
  readonly path: string;
  readonly citation: string;
  /** Normalised texts of its coded passages. */
  readonly passages: ReadonlySet<string>;
  /** Codes applied anywhere in the study. */
  readonly codes: ReadonlySet<string>;
}

/** A code as the diff sees it (defined, used, or both). */
export interface CodeSnapshot {
  readonly name: string;
  readonly defined: boolean;
  readonly definition: string;
  readonly themes: ReadonlyArray<readonly string[]>;
  readonly segments: readonly SegmentEntry[];
  readonly studyCount: number;
}

/** A theme as the diff sees it. */
export interface ThemeSnapshot {
  readonly path: readonly string[];
  /** Codes filed under the theme or any of its sub-themes. */
  readonly codes: readonly string[];
  readonly description: string;
}

/** Everything a diff needs from one side. */
export interface ReviewSnapshot {
  readonly studies: ReadonlyMap<string, StudySnapshot>;
  /** Codes in codebook order, then undefined codes by name. */
  readonly codes: ReadonlyMap<string, CodeSnapshot>;
  readonly themes: readonly ThemeSnapshot[];
  readonly segmentCount: number;
}

/** Takes the snapshot of an index. */
export function snapshotIndex(index: ReviewIndex): ReviewSnapshot {
  const studies = new Map<string, StudySnapshot>();
  const idOfPath = new Map<string, string>();
  let segmentCount = 0;
  for (const study of index.studies()) {
    idOfPath.set(study.path, study.id);
    segmentCount += study.segments.length;
    const previous = studies.get(study.id);
    const passages = new Set(previous?.passages);
    const codes = new Set(previous?.codes);
    for (const segment of study.segments) {
      passages.add(normalisePassage(segment.text));
      segment.codes.forEach((code) => codes.add(code));
    }
    studies.set(study.id, { id: study.id, path: previous?.path ?? study.path, citation: study.citation ?? previous?.citation ?? '', passages, codes });
  }
  const codes = new Map<string, CodeSnapshot>();
  for (const summary of index.codes()) {
    const segments = index.segmentsOf(summary.name).map(
      (segment): SegmentEntry => ({
        study: idOfPath.get(segment.path) ?? segment.path,
        path: segment.path,
        line: segment.range.startPosition.line + 1,
        excerpt: shortenPassage(segment.text),
        order: segment.order,
        key: normalisePassage(segment.text),
      }),
    );
    codes.set(summary.name, {
      name: summary.name,
      defined: summary.definitions.length > 0,
      definition: summary.definition,
      themes: summary.themes,
      segments,
      studyCount: summary.studyCount,
    });
  }
  const themes = index.allThemes().map((theme) => ({ path: theme.path, codes: index.codesOfTheme(theme), description: normalisePassage(theme.description) }));
  return { studies, codes, themes, segmentCount };
}

/** The matching key of a theme path. */
export function themeKey(path: readonly string[]): string {
  return path.join('\u0000');
}
