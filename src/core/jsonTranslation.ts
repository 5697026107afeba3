/**
 * The JSON index's `translation` (meta-ethnography only): the report's translation model
 * of the whole review — concepts, every concept × study cell with references into the
 * index's `segments[]`, and the relations — so a script reads what the report prints.
 */
import { MATCH_ALL } from './filter';
import type { MemoRelationKind } from './memo/memo';
import type { Segment } from './model';
import { gatherEvidence } from './report/evidence';
import { reportTranslation } from './report/translationTable';
import type { Review } from './review';

/** The translation in the JSON index. */
export interface JsonTranslation {
  /** `themes` when the codebook marks concepts (`Kind: concept`), `codes` when every code is one. */
  conceptSource: 'themes' | 'codes';
  concepts: Array<{ key: string; label: string; kind: 'theme' | 'code'; path?: string[]; codes: string[]; studies: number; segments: number }>;
  /** Every concept × study cell, concepts in codebook order, studies by year then id; `segments`: indices into the index's `segments[]`. */
  cells: Array<{ concept: string; study: string; path: string; segments: number[] }>;
  relations: Array<{ from: string; to: string; kind: MemoRelationKind; source: 'codebook' | 'memo'; path: string; line: number; basis?: string; memo?: string }>;
}

/**
 * The translation of the whole review (no filter), or `undefined` when the review is not a
 * meta-ethnography; `segments` is the index's `segments[]`, which the cells refer to by position.
 */
export function jsonTranslation(review: Review, segments: readonly Segment[]): JsonTranslation | undefined {
  if (review.config.method !== 'meta-ethnography') return undefined;
  const segmentIndex = new Map(segments.map((segment, position) => [segment, position]));
  const { index } = review;
  const evidence = gatherEvidence(index.studies(), index.codebook, MATCH_ALL, true);
  // Links are the report's; the JSON index gives paths and lines instead.
  const translation = reportTranslation(index.codebook, index.memos(), evidence, '.');
  return {
    conceptSource: translation.conceptSource,
    concepts: translation.concepts.map((concept) => ({ key: concept.key, label: concept.label, kind: concept.kind, ...(concept.path ? { path: [...concept.path] } : {}), codes: [...concept.codes], studies: concept.studies, segments: concept.segments })),
    cells: translation.concepts.flatMap((concept, column) => translation.rows.map((row) => ({ concept: concept.key, study: row.id, path: row.path, segments: row.cells[column].segments.map((segment) => segmentIndex.get(segment)!) }))),
    relations: translation.relations.map((relation) => ({
      from: relation.fromKey,
      to: relation.toKey,
      kind: relation.kind,
      source: relation.source,
      path: relation.path,
      line: relation.line,
      ...(relation.source === 'codebook' && relation.basis ? { basis: relation.basis } : {}),
      ...(relation.source === 'memo' ? { memo: relation.basis } : {}),
    })),
  };
}
