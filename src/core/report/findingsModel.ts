/**
 * The report's GRADE-CERQual part as data (Lewin et al. 2018; the Cochrane EPOC QES
 * template): one row per review finding with its summary statement, contributing
 * studies, the four components (concern, explanation and the data behind them), the
 * overall confidence, what `check` says about the judgement, the contrary data and
 * the sensitivity analysis. The Summary of Qualitative Findings and the Evidence
 * Profile are both rendered from these rows, in every format.
 */
import { componentData } from '../cerqual/evidenceWording';
import { findingEvidence, type EvidenceSource, type FindingEvidence } from '../cerqual/findingEvidence';
import { judgementIssues } from '../cerqual/judgementChecks';
import { COMPONENTS, COMPONENT_LABELS } from '../cerqual/judgementSyntax';
import { findingThemes, reviewEvidenceSource } from '../cerqual/reviewFindings';
import { formatFilter } from '../filter';
import type { CerqualComponent, CerqualSettings, ConcernLevel, ConfidenceLevel, Segment, Theme } from '../model';
import type { ReviewIndex } from '../reviewIndex';
import type { Evidence } from './evidence';
import { toExcerpt, type Excerpt } from './excerpts';
import { sensitivityRow, sensitivitySummary, type SensitivityRow, type SensitivitySummary } from './sensitivity';

/** One component of a finding's judgement, with its data. */
export interface ReportComponent {
  readonly component: CerqualComponent;
  readonly label: string;
  /** Absent when not assessed. */
  readonly concern?: ConcernLevel;
  readonly explanation: string;
  /** The data behind it, as sentences (see `cerqual/evidenceWording.ts`). */
  readonly data: readonly string[];
}

/** A segment coded contrary for a finding, quoted with its citation and link. */
export interface ContraryExcerpt extends Excerpt {
  readonly codes: readonly string[];
}

/** One review finding. */
export interface ReportFinding {
  /** 1, 2, … in codebook order. */
  readonly number: number;
  readonly title: string;
  readonly path: readonly string[];
  /** The summary statement the SoQF lists. */
  readonly statement: string;
  /** "Author Year" of the contributing studies in the reported evidence, in citation order. */
  readonly studies: readonly string[];
  /** Contributing studies in the whole review (differs from `studies` under a filter). */
  readonly reviewStudyCount: number;
  /** The four components, in GRADE-CERQual's order. */
  readonly components: readonly ReportComponent[];
  /** Absent when not assessed. */
  readonly confidence?: ConfidenceLevel;
  readonly explanation: string;
  /** What `check` warns about this judgement, in the report's words. */
  readonly notes: readonly string[];
  readonly contrary: readonly ContraryExcerpt[];
  readonly sensitivity: SensitivityRow;
  /** The data the rows are worded from, for renderers that lay them out themselves. */
  readonly evidence: FindingEvidence;
}

/** The GRADE-CERQual part of the report. */
export interface ReportFindings {
  readonly rows: readonly ReportFinding[];
  /** The sensitivity criteria as a filter, the weaker studies and what happens without them. */
  readonly sensitivity: SensitivitySummary;
  /** Set when the report is filtered: judgements were made on the whole review, the data beside them are filtered. */
  readonly judgedOnWholeReview?: { readonly studies: number };
}

/** Builds the findings part from the reported (possibly filtered) evidence. */
export function reportFindings(index: ReviewIndex, evidence: Evidence, settings: CerqualSettings, linkBase: string, filtered: boolean): ReportFindings {
  const themes = findingThemes(index.themes());
  const review = reviewEvidenceSource(index);
  const reported = evidenceSource(evidence, index);
  const criteria = formatFilter(settings.sensitivity);
  const rows = themes.map((theme, offset) => findingRow(theme, offset + 1, { review, reported, settings, criteria, linkBase, filtered }));
  return {
    rows,
    sensitivity: sensitivitySummary(rows.map((row) => row.sensitivity), evidence.studies, settings, criteria, evidence.citations),
    ...(filtered ? { judgedOnWholeReview: { studies: index.studies().length } } : {}),
  };
}

interface RowContext {
  readonly review: EvidenceSource;
  readonly reported: EvidenceSource;
  readonly settings: CerqualSettings;
  readonly criteria: string;
  readonly linkBase: string;
  readonly filtered: boolean;
}

function findingRow(theme: Theme, number: number, context: RowContext): ReportFinding {
  const whole = findingEvidence(theme, context.review, context.settings);
  const evidence = context.filtered ? findingEvidence(theme, context.reported, context.settings) : whole;
  const data = componentData(evidence, { sensitivityCriteria: context.criteria });
  const judgement = theme.cerqual;
  return {
    number,
    title: theme.title,
    path: theme.path,
    statement: theme.finding!.text,
    studies: evidence.studies.map((entry) => entry.citation),
    reviewStudyCount: whole.studies.length,
    components: COMPONENTS.map((component) => {
      const judged = judgement?.components.find((entry) => entry.component === component);
      return { component, label: COMPONENT_LABELS[component], concern: judged?.concern, explanation: judged?.explanation ?? '', data: data[component] };
    }),
    confidence: judgement?.confidence,
    explanation: judgement?.explanation ?? '',
    notes: judgementIssues(theme, whole, context.review)
      .filter((issue) => issue.severity !== 'info')
      .map((issue) => issue.note),
    contrary: evidence.contrary.segments.map((entry) => ({ ...toExcerpt(entry.segment, entry.citation, context.linkBase), codes: entry.codes })),
    sensitivity: sensitivityRow(evidence),
    evidence,
  };
}

/** The report's evidence (filtered studies, reported codes) as an evidence source. */
function evidenceSource(evidence: Evidence, index: ReviewIndex): EvidenceSource {
  return {
    studies: evidence.studies,
    reviewStudies: index.studies(),
    segmentsOf: (code: string): Segment[] => [...(evidence.segmentsByCode.get(code)?.values() ?? [])].flat(),
    citation: (path: string) => evidence.citations.get(path) ?? path,
  };
}
