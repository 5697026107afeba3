/**
 * The meta-ethnography translation as data: `translation.csv` (one row per concept ×
 * study cell, every study's own terms for the concept in full, with file and lines) and
 * `relations.csv` (one row per relation, with where it is stated). Both read the report's
 * translation model, so they hold what the Markdown section shows, uncut.
 */
import type { ReportTranslation } from './translationTable';

/** A CSV record. */
type CsvRecord = Array<string | number>;

/**
 * The records of `translation.csv`, header first: concepts in codebook order, each with
 * every study (by year, then id), also those that do not express it (`segments` 0). `terms`
 * holds each segment's full text, one line per segment (a segment's text is one line: its
 * reader text makes line breaks spaces); `lines` the 1-based line of each, in the same
 * order, `; ` between them.
 */
export function translationRecords(translation: ReportTranslation): CsvRecord[] {
  return [
    ['concept', 'concept_kind', 'study_id', 'citation', 'segments', 'terms', 'file', 'lines'],
    ...translation.concepts.flatMap((concept, index) =>
      translation.rows.map((row) => {
        const { segments } = row.cells[index];
        return [concept.key, concept.kind, row.id, row.citation, segments.length, segments.map((segment) => segment.text).join('\n'), row.path, segments.map((segment) => segment.range.startPosition.line + 1).join('; ')];
      }),
    ),
  ];
}

/**
 * The records of `relations.csv`, header first, in the translation's order (codebook,
 * then memos by path): the concepts by key, the relation, `source` as `file:line` of the
 * codebook's relation line or the memo's `relation:` line, the codebook line's basis and
 * the memo's title.
 */
export function relationRecords(translation: ReportTranslation): CsvRecord[] {
  return [
    ['concept_a', 'concept_b', 'relation', 'source', 'basis', 'memo_title'],
    ...translation.relations.map((relation) => [
      relation.fromKey,
      relation.toKey,
      relation.kind,
      `${relation.path}:${relation.line}`,
      relation.source === 'codebook' ? relation.basis : '',
      relation.source === 'memo' ? relation.basis : '',
    ]),
  ];
}

