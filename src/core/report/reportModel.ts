/**
 * The synthesis report's model: everything the renderers (Markdown, HTML, CSV) print,
 * computed once from the index. Deterministic: every list has a fixed order.
 */
import * as posix from 'node:path/posix';
import type { AttributeValue, Segment, Study, Theme } from '../model';
import type { Review } from '../review';
import { compareText } from '../reviewIndex';
import { shortCitation } from './citation';

/** Options of a report build. */
export interface ReportOptions {
  /** Review-relative path of the Markdown report (links are relative to it). */
  readonly reportPath: string;
  /** Most excerpts printed per code (0 = all). */
  readonly excerptLimit: number;
  /** Print codes used in studies but not defined in the codebook. */
  readonly includeUncategorised: boolean;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = { reportPath: 'reports/synthesis.md', excerptLimit: 5, includeUncategorised: true };

/** One quoted passage. */
export interface Excerpt {
  readonly text: string;
  readonly order: 'first' | 'second';
  readonly citation: string;
  /** Relative link to the study file and line, from the report's folder. */
  readonly link: string;
  /** Review-relative `path:line`. */
  readonly location: string;
}

export interface ReportCode {
  readonly name: string;
  readonly definition: string;
  readonly segmentCount: number;
  readonly studyCount: number;
  readonly excerpts: readonly Excerpt[];
  /** Excerpts left out by the limit. */
  readonly omitted: number;
}

export interface ReportTheme {
  readonly title: string;
  readonly depth: number;
  readonly description: string;
  readonly codes: readonly ReportCode[];
  readonly studyCount: number;
  readonly children: readonly ReportTheme[];
}

export interface ReportStudy {
  readonly id: string;
  readonly path: string;
  readonly citation: string;
  readonly cells: readonly string[];
  readonly casp?: Readonly<Record<string, string>>;
}

export interface CerqualRow {
  readonly finding: string;
  readonly studies: readonly string[];
  readonly confidence: string;
  readonly explanation: string;
}

/** The whole report. */
export interface ReportModel {
  readonly title: string;
  readonly question?: string;
  readonly method?: string;
  readonly reviewers: readonly string[];
  readonly counts: { readonly studies: number; readonly codes: number; readonly themes: number; readonly segments: number; readonly firstOrder: number; readonly secondOrder: number };
  readonly columns: readonly string[];
  readonly studies: readonly ReportStudy[];
  readonly caspQuestions: readonly string[];
  readonly themes: readonly ReportTheme[];
  readonly uncategorised: readonly ReportCode[];
  /** Top-level themes × studies: for each study, whether it contributes to each theme. */
  readonly matrix: { readonly themes: readonly string[]; readonly rows: ReadonlyArray<{ readonly citation: string; readonly cells: readonly boolean[] }> };
  readonly cerqual: readonly CerqualRow[];
}

/** The CASP qualitative checklist's ten questions, in checklist order. */
export const CASP_QUESTIONS = ['aims', 'methodology', 'design', 'recruitment', 'data-collection', 'relationship', 'ethics', 'analysis', 'findings', 'value'];

/** Builds the report model of a loaded review. */
export function buildReportModel(review: Review, options: ReportOptions = DEFAULT_REPORT_OPTIONS): ReportModel {
  const index = review.index;
  const studies = [...index.studies()].sort(byCitation);
  const byPath = new Map(studies.map((study) => [study.path, study]));
  const citation = (path: string): string => (byPath.has(path) ? shortCitation(byPath.get(path)!) : path);
  const excerpt = (segment: Segment): Excerpt => ({
    text: segment.text,
    order: segment.order,
    citation: citation(segment.path),
    link: `${posix.relative(posix.dirname(options.reportPath), segment.path)}#L${segment.range.startPosition.line + 1}`,
    location: `${segment.path}:${segment.range.startPosition.line + 1}`,
  });
  const reportCode = (name: string): ReportCode => {
    const summary = index.getCode(name)!;
    const segments = index.segmentsOf(name);
    const shown = options.excerptLimit > 0 ? segments.slice(0, options.excerptLimit) : segments;
    return { name, definition: summary.definition, segmentCount: summary.segmentCount, studyCount: summary.studyCount, excerpts: shown.map(excerpt), omitted: segments.length - shown.length };
  };
  const reportTheme = (theme: Theme): ReportTheme => ({
    title: theme.title,
    depth: theme.depth,
    description: theme.description,
    codes: theme.codes.map(reportCode),
    studyCount: index.studiesOfTheme(theme).length,
    children: theme.children.map(reportTheme),
  });
  const segments = index.segments();
  const topThemes = index.themes();
  const topThemeStudies = topThemes.map((theme) => new Set(index.studiesOfTheme(theme)));
  const caspQuestions = CASP_QUESTIONS.filter((question) => studies.some((study) => study.casp?.[question] !== undefined));
  const extraCasp = [...new Set(studies.flatMap((study) => Object.keys(study.casp ?? {})))].filter((question) => !CASP_QUESTIONS.includes(question)).sort(compareText);
  return {
    title: review.config.title ?? index.codebook.title ?? 'Synthesis report',
    question: review.config.question,
    method: review.config.method,
    reviewers: review.config.reviewers,
    counts: {
      studies: studies.length,
      codes: index.codes().length,
      themes: index.allThemes().length,
      segments: segments.length,
      firstOrder: segments.filter((segment) => segment.order === 'first').length,
      secondOrder: segments.filter((segment) => segment.order === 'second').length,
    },
    columns: review.config.studyColumns,
    studies: studies.map((study) => ({ id: study.id, path: study.path, citation: shortCitation(study), cells: review.config.studyColumns.map((column) => cellText(column === 'citation' ? (study.citation ?? shortCitation(study)) : study.attributes[column])), casp: study.casp })),
    caspQuestions: [...caspQuestions, ...extraCasp],
    themes: topThemes.map(reportTheme),
    uncategorised: options.includeUncategorised ? index.uncategorisedCodes().map(reportCode) : [],
    matrix: {
      themes: topThemes.map((theme) => theme.title),
      rows: studies.map((study) => ({ citation: shortCitation(study), cells: topThemeStudies.map((paths) => paths.has(study.path)) })),
    },
    cerqual: index.allThemes().filter((theme) => theme.codes.length > 0 || theme.cerqual).map((theme) => ({
      finding: theme.path.join(' › '),
      studies: index.studiesOfTheme(theme).map(citation),
      confidence: theme.cerqual?.confidence ?? 'not assessed',
      explanation: theme.cerqual?.explanation ?? '',
    })),
  };
}

function byCitation(a: Study, b: Study): number {
  return compareText(shortCitation(a), shortCitation(b)) || compareText(a.path, b.path);
}

/** A front-matter value as table text: lists joined with `; `. */
export function cellText(value: AttributeValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
