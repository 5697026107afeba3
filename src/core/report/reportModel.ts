/**
 * The synthesis report's model: everything the renderers (Markdown, HTML, CSV) print,
 * computed once from the index and the project file. Deterministic: every list has a
 * fixed order, and nothing depends on the clock unless a timestamp is passed in.
 */
import { MATCH_ALL, formatFilter, parseFilter, type StudyFilter } from '../filter';
import type { ProjectConfig } from '../model';
import { type ReviewIndex } from '../reviewIndex';
import { compareText } from '../text/compareText';
import { answeredQuestions, summariseAppraisal, type AppraisalSummary, type CaspQuestion } from './casp';
import type { Protocol } from '../protocol/protocol';
import { emergeItems, type EmergeItem } from './emerge';
import { entreqItems, type EntreqContext, type EntreqItem } from './entreq';
import type { ReportFigure } from './figures';
import { prismaFigure } from './prismaFigure';
import type { ReviewReferences } from '../references/loadReferences';
import { styleReferences, type ReportReferences } from './referenceList';
import { gatherEvidence, type Evidence } from './evidence';
import { linkBaseOf } from './excerpts';
import { reportFindings, type ReportFindings } from './findingsModel';
import { memoLookup, memoRows, reportSynthesis, themeKindCounts, type MemoRow, type ReportSynthesis, type ThemeKindCounts } from './reportMemos';
import { reportCode, reportThemes, themeCoverage, type ReportCode, type ReportTheme } from './reportThemes';
import { appraisalMatrix, codeMatrix, segmentRows, studyRows, themeMatrix, type ReportStudy, type SegmentRow, type StudyMatrix } from './reportTables';
import { VERSION } from '../version';
import type { ExcerptContext } from './excerptContext';
import { analysisFigures, reportAnalysis, type ReportAnalysis } from './reportAnalysis';
import { reportTranslation, type ReportTranslation } from './translationTable';

export type { Excerpt } from './excerpts';
export type { ReportCode, ReportTheme } from './reportThemes';
export type { MemoRow, ReportMemo, ReportSynthesis, SynthesisTheme, ThemeKindCounts } from './reportMemos';
export type { ReportStudy, SegmentRow, StudyMatrix } from './reportTables';
export type { ContraryExcerpt, ReportComponent, ReportFinding, ReportFindings } from './findingsModel';
export type { SensitivityRow, SensitivityStatus, SensitivitySummary } from './sensitivity';
export type { EntreqItem } from './entreq';
export type { EmergeItem } from './emerge';
export type { ReportFigure } from './figures';
export type { ReportReferences } from './referenceList';
export type { ReportAnalysis, ReportPair } from './reportAnalysis';
export { cellText } from './reportTables';
export { CASP_QUESTIONS } from './casp';

/** Options of a report build. */
export interface ReportOptions {
  /** Review-relative folder the report is written to; excerpt links are relative to it. */
  readonly reportDir: string;
  /**
   * The relative path from the report folder to the review root, prefixed to excerpt
   * links; derived from `reportDir` when absent. Give it when the folder is outside the review.
   */
  readonly linkBase?: string;
  /** Most excerpts quoted per code (0 = all). */
  readonly excerptLimit: number;
  /** How far each excerpt reaches: the coded words, their whole sentences (default), or the paragraph. */
  readonly excerptContext: ExcerptContext;
  /** Report codes used in studies but defined nowhere in the codebook. */
  readonly includeUncategorised: boolean;
  /** Restricts the studies, and so every count, excerpt and table (see `filter.ts`). */
  readonly filter: StudyFilter | string | readonly string[];
  /** Printed as a "Generated" line when set (an ISO date); absent keeps output reproducible. */
  readonly timestamp?: string;
  /** Reported as the software of ENTREQ item 15. */
  readonly softwareVersion: string;
  /** The review's bibliographic data and citation style (`loadReferences`); absent: "Author Year" labels, no reference list. */
  readonly references?: ReviewReferences;
}

/** Defaults; `reportDir` defaults to the project file's `reportDir`. */
export const DEFAULT_REPORT_OPTIONS: ReportOptions = { reportDir: 'reports', excerptLimit: 5, excerptContext: 'sentence', includeUncategorised: true, filter: MATCH_ALL, softwareVersion: VERSION };

/** What a report is built from: a `Review` has both. */
export interface ReportSource {
  readonly index: ReviewIndex;
  readonly config: ProjectConfig;
}

/** Headline counts, all restricted by the filter. */
export interface ReportCounts {
  readonly studies: number;
  /** Codes reported: the codebook's, plus uncategorised ones unless omitted. */
  readonly codes: number;
  /** Codes with at least one segment. */
  readonly appliedCodes: number;
  readonly uncategorised: number;
  readonly themes: number;
  readonly segments: number;
  readonly firstOrder: number;
  readonly secondOrder: number;
  /** Themes by the kind the codebook gives them. */
  readonly themeKinds: ThemeKindCounts;
  /** Segments that name their coder (`coder=`), and the memo files of the review. */
  readonly segmentsWithCoder: number;
  readonly memos: number;
}

/** The whole report. */
export interface ReportModel {
  readonly title: string;
  readonly question?: string;
  readonly method?: string;
  readonly reviewers: readonly string[];
  readonly timestamp?: string;
  /** The filter in canonical form and how many studies it kept, when one is set. */
  readonly filter?: { readonly text: string; readonly kept: number; readonly total: number };
  readonly counts: ReportCounts;
  /** Front-matter keys of the included-studies table. */
  readonly columns: readonly string[];
  readonly studies: readonly ReportStudy[];
  /** CASP answers (✓ ✗ ?) of the appraised studies; absent when none is appraised. */
  readonly appraisal?: StudyMatrix<string> & { readonly questions: readonly CaspQuestion[]; readonly summary: AppraisalSummary };
  readonly themes: readonly ReportTheme[];
  /** Analytical themes and the review-level memos (line of argument); absent when there are none. */
  readonly synthesis?: ReportSynthesis;
  /** The meta-ethnography translation (concepts × studies, relations); only for `method: meta-ethnography`. */
  readonly translation?: ReportTranslation;
  readonly uncategorised: readonly ReportCode[];
  /** Studies × top-level themes. */
  readonly themeMatrix: StudyMatrix<boolean>;
  /** Studies × reported codes (segment counts). */
  readonly codeMatrix: StudyMatrix<number>;
  readonly segments: readonly SegmentRow[];
  /** The memo files (not restricted by the filter: they are the reviewers' writing, not data). */
  readonly memoRows: readonly MemoRow[];
  /** The review findings: Summary of Qualitative Findings, Evidence Profile, sensitivity analysis. */
  readonly findings: ReportFindings;
  readonly entreq: readonly EntreqItem[];
  /** The eMERGe reporting items; only for `method: meta-ethnography`. */
  readonly emerge?: readonly EmergeItem[];
  /** The protocol of `qualsynth.yaml`: search, criteria, screening, appraisal. */
  readonly protocol?: Protocol;
  /** The report's figures in order (Figure 1, 2 …); each section places its own. */
  readonly figures: readonly ReportFigure[];
  /** The reference list in the citation style, when the review has bibliographic data. */
  readonly references?: ReportReferences;
  /** Analysis across studies: segments per study and theme, themes × perspective, co-occurrence, frequencies, the thematic map. */
  readonly analysis: ReportAnalysis;
}

/** Builds the report model of a review. */
export function buildReportModel(source: ReportSource, options: Partial<ReportOptions> = {}): ReportModel {
  const settings: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, reportDir: source.config.reportDir, ...definedOnly(options) };
  const { index, config } = source;
  const filter = toFilter(settings.filter);
  const gathered = gatherEvidence(index.studies(), index.codebook, filter, settings.includeUncategorised, settings.references?.items);
  const styled = settings.references ? styleReferences(gathered, settings.references) : undefined;
  // Every table and excerpt cites the studies as the style does.
  const evidence: Evidence = styled ? { ...gathered, citations: styled.labels } : gathered;
  const allThemes = index.allThemes();
  const coverage = themeCoverage(index.themes(), evidence);
  const linkBase = settings.linkBase ?? linkBaseOf(settings.reportDir);
  const memos = memoLookup(index, linkBase);
  const codeSections = { excerptLimit: settings.excerptLimit, linkBase, memos, excerptContext: settings.excerptContext };
  const codes = [...evidence.definitions.keys(), ...evidence.uncategorised];
  const counts = { ...countEvidence(evidence, codes, allThemes.length), themeKinds: themeKindCounts(allThemes), memos: index.memos().length };
  const questions = answeredQuestions(evidence.studies);
  const appraisal = questions.length > 0 ? { ...appraisalMatrix(evidence, questions), questions, summary: summariseAppraisal(evidence.studies, questions) } : undefined;
  const themeTable = themeMatrix(evidence, index.themes(), coverage);
  const themes = reportThemes(index.themes(), evidence, coverage, codeSections);
  const analysis = reportAnalysis({ index, evidence, filter, includeUncategorised: settings.includeUncategorised, studyColumns: config.studyColumns, attribute: config.analysisAttribute, themes });
  const base: Omit<ReportModel, 'entreq' | 'emerge'> = {
    title: config.title ?? index.codebook.title ?? 'Synthesis report',
    question: config.question,
    method: config.method,
    reviewers: config.reviewers,
    timestamp: settings.timestamp,
    filter: filter.conditions.length > 0 ? { text: formatFilter(filter), kept: evidence.studies.length, total: evidence.studiesInReview } : undefined,
    counts,
    columns: config.studyColumns,
    studies: studyRows(evidence, config.studyColumns, styled?.fullText),
    appraisal,
    themes,
    ...optional('synthesis', reportSynthesis(index, config.method, linkBase)),
    ...optional('translation', config.method === 'meta-ethnography' ? reportTranslation(index.codebook, index.memos(), evidence, linkBase) : undefined),
    uncategorised: evidence.uncategorised.map((code) => reportCode(code, evidence, codeSections)),
    themeMatrix: themeTable,
    codeMatrix: codeMatrix(evidence, codes),
    segments: segmentRows(evidence),
    memoRows: memoRows(index),
    findings: reportFindings(index, evidence, config.cerqual, linkBase, filter.conditions.length > 0),
    ...(config.protocol ? { protocol: config.protocol } : {}),
    figures: [...(config.protocol?.prisma ? [prismaFigure(config.protocol.prisma)] : []), ...analysisFigures(analysis)],
    analysis,
    ...(styled ? { references: styled.list } : {}),
  };
  const context = entreqContext(base, evidence, settings, index.codebook.path);
  const emerge = base.translation ? emergeItems({ ...context, translation: base.translation, confidences: base.findings.rows.map((row) => row.confidence) }) : undefined;
  return { ...base, entreq: entreqItems(context), ...optional('emerge', emerge) };
}

/** What the ENTREQ items are filled from: the model so far plus a few facts of the evidence. */
function entreqContext(model: Omit<ReportModel, 'entreq' | 'emerge'>, evidence: Evidence, settings: ReportOptions, codebookPath: string): EntreqContext {
  const matrix = model.themeMatrix;
  return {
    ...model,
    appraisal: model.appraisal,
    coders: codersOf(evidence),
    softwareVersion: settings.softwareVersion,
    studies: evidence.studies,
    studiesInReview: evidence.studiesInReview,
    filter: model.filter?.text,
    codebookPath,
    topThemes: matrix.columns,
    themeStudyCounts: matrix.columns.map((_, column) => matrix.rows.filter((row) => row.cells[column]).length),
    studiesInSeveralThemes: matrix.rows.filter((row) => row.cells.filter(Boolean).length > 1).length,
    findings: model.findings.rows.length,
    assessedFindings: model.findings.rows.filter((row) => row.confidence !== undefined).length,
    sensitivity: { criteria: model.findings.sensitivity.criteria, weaker: model.findings.sensitivity.weaker.length, lost: model.findings.sensitivity.counts.lost, oneStudy: model.findings.sensitivity.counts['one study'] },
    excerptLimit: settings.excerptLimit,
    prismaFigure: figureNumber(model.figures, 'prisma-flow'),
  };
}

/** The 1-based number of a figure, when the report has it. */
function figureNumber(figures: readonly ReportFigure[], id: string): number | undefined {
  const index = figures.findIndex((figure) => figure.id === id);
  return index < 0 ? undefined : index + 1;
}

/** `{ key: value }`, or `{}` when the value is absent (so the model has no `undefined` keys). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The options actually given: an explicit `undefined` keeps the default. */
function definedOnly(options: Partial<ReportOptions>): Partial<ReportOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function toFilter(filter: ReportOptions['filter']): StudyFilter {
  return typeof filter === 'string' || Array.isArray(filter) ? parseFilter(filter as string | readonly string[]) : (filter as StudyFilter);
}

function countEvidence(evidence: Evidence, codes: readonly string[], themes: number): Omit<ReportCounts, 'themeKinds' | 'memos'> {
  let firstOrder = 0;
  let segmentsWithCoder = 0;
  for (const segment of evidence.segments) {
    if (segment.order === 'first') firstOrder++;
    if (segment.attributes.coder?.trim()) segmentsWithCoder++;
  }
  return {
    studies: evidence.studies.length,
    codes: codes.length,
    appliedCodes: codes.filter((code) => evidence.segmentsByCode.has(code)).length,
    uncategorised: evidence.uncategorised.length,
    themes,
    segments: evidence.segments.length,
    firstOrder,
    secondOrder: evidence.segments.length - firstOrder,
    segmentsWithCoder,
  };
}

/** Distinct `coder=` attributes of the reported segments, sorted. */
function codersOf(evidence: Evidence): string[] {
  const coders = new Set<string>();
  for (const segment of evidence.segments) {
    const coder = segment.attributes.coder?.trim();
    if (coder) coders.add(coder);
  }
  return [...coders].sort(compareText);
}
