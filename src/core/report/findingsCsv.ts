/**
 * The GRADE-CERQual CSV files: `evidence-profile.csv` (one row per finding: statement,
 * contributing studies, each component's concern, explanation and data, the overall
 * assessment) and `sensitivity.csv` (each finding with and without the weaker studies).
 */
import type { ReportFindings } from './findingsModel';

/** A CSV record. */
type CsvRecord = Array<string | number>;

/** The records of `evidence-profile.csv`, header first. */
export function evidenceProfileRecords(findings: ReportFindings): CsvRecord[] {
  const components = findings.rows[0]?.components.map((component) => component.component.replace(/-/g, '_')) ?? ['methodological_limitations', 'coherence', 'adequacy', 'relevance'];
  const header = ['number', 'finding', 'statement', 'studies', 'study_ids', 'review_studies', 'segments', 'first_order', 'participants', ...components.flatMap((name) => [`${name}_concern`, `${name}_explanation`, `${name}_data`]), 'confidence', 'explanation', 'notes'];
  return [
    header,
    ...findings.rows.map((row) => [
      row.number,
      row.path.join(' › '),
      row.statement,
      row.studies.join('; '),
      row.evidence.studies.map((entry) => entry.study.id).join('; '),
      row.reviewStudyCount,
      row.evidence.segments,
      row.evidence.firstOrder,
      row.evidence.participants.total,
      ...row.components.flatMap((component) => [component.concern ?? '', component.explanation, component.data.join(' ')]),
      row.confidence ?? '',
      row.explanation,
      row.notes.join(' '),
    ]),
  ];
}

/** The records of `sensitivity.csv`, header first. */
export function sensitivityRecords(findings: ReportFindings): CsvRecord[] {
  return [
    ['number', 'finding', 'studies', 'segments', 'kept_studies', 'kept_segments', 'left_out', 'status', 'criteria'],
    ...findings.rows.map((row) => {
      const s = row.sensitivity;
      return [row.number, row.path.join(' › '), s.studies, s.segments, s.keptStudies, s.keptSegments, s.leftOut.join('; '), s.status, findings.sensitivity.criteria];
    }),
  ];
}
