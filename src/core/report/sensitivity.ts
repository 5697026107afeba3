/**
 * The sensitivity analysis of the findings: each finding's studies and segments with
 * and without the studies that fail the chosen appraisal criteria (`cerqual.sensitivity`,
 * by default CASP analysis or findings not yes), and whether it would still be supported.
 */
import type { FindingEvidence } from '../cerqual/findingEvidence';
import { matchesFilter } from '../filterMatch';
import type { CerqualSettings, Study } from '../model';

/** What happens to a finding without the weaker studies. */
export type SensitivityStatus = 'unchanged' | 'supported' | 'one study' | 'lost' | 'no evidence';

/** One finding in the sensitivity analysis. */
export interface SensitivityRow {
  readonly studies: number;
  readonly segments: number;
  readonly keptStudies: number;
  readonly keptSegments: number;
  /** "Author Year" of the contributing studies left out. */
  readonly leftOut: readonly string[];
  /** `unchanged`: no weaker study contributes; `supported`: two or more studies remain; `one study`; `lost`: none remains; `no evidence`: no study contributed to begin with. */
  readonly status: SensitivityStatus;
}

/** The analysis as a whole. */
export interface SensitivitySummary {
  /** The criteria a study must meet to stay, as a filter. */
  readonly criteria: string;
  /** "Author Year" of the reported studies that fail them, in citation order. */
  readonly weaker: readonly string[];
  /** How many of the weaker studies have no CASP answers at all. */
  readonly unappraised: number;
  /** Findings by status. */
  readonly counts: Readonly<Record<SensitivityStatus, number>>;
  /** Numbers of the findings that keep some support but lose half or more of their segments. */
  readonly halved: readonly number[];
}

/** A finding's row. */
export function sensitivityRow(evidence: FindingEvidence): SensitivityRow {
  const kept = evidence.studies.filter((entry) => entry.passesSensitivity);
  const leftOut = evidence.studies.filter((entry) => !entry.passesSensitivity);
  const status: SensitivityStatus = evidence.studies.length === 0 ? 'no evidence' : leftOut.length === 0 ? 'unchanged' : kept.length >= 2 ? 'supported' : kept.length === 1 ? 'one study' : 'lost';
  return {
    studies: evidence.studies.length,
    segments: evidence.segments,
    keptStudies: kept.length,
    keptSegments: kept.reduce((sum, entry) => sum + entry.segments, 0),
    leftOut: leftOut.map((entry) => entry.citation),
    status,
  };
}

/** Counts the rows by status and names the weaker studies among `studies`. */
export function sensitivitySummary(rows: readonly SensitivityRow[], studies: readonly Study[], settings: CerqualSettings, criteria: string, citations: ReadonlyMap<string, string>): SensitivitySummary {
  const counts: Record<SensitivityStatus, number> = { unchanged: 0, supported: 0, 'one study': 0, lost: 0, 'no evidence': 0 };
  for (const row of rows) counts[row.status]++;
  const weaker = studies.filter((study) => !matchesFilter(study, settings.sensitivity));
  const halved = rows.flatMap((row, index) => (row.keptStudies > 0 && row.keptSegments * 2 <= row.segments ? [index + 1] : []));
  return { criteria, weaker: weaker.map((study) => citations.get(study.path) ?? study.path), unappraised: weaker.filter((study) => study.casp === undefined).length, counts, halved };
}
