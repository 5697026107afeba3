/**
 * The ENTREQ statement (Tong A, Flemming K, McInnes E, Oliver S, Craig J. Enhancing
 * transparency in reporting the synthesis of qualitative research: ENTREQ. BMC Med Res
 * Methodol 2012;12:181): its 21 items, filled where the review's files can say
 * something and left as marked prompts where only the authors can.
 */
import type { Study } from '../model';
import type { AppraisalSummary, CaspQuestion } from './casp';
import {
  appraisalProcess,
  appraisalRationale,
  appraisalUse,
  approachToSearching,
  dataSources,
  extractionSections,
  inclusionCriteria,
  screeningMethods,
  searchStrategy,
  selectionResults,
  synthesisMethodology,
  type EntreqFill,
  type ProtocolContext,
} from './entreqProtocol';
import type { ReportSynthesis, ThemeKindCounts } from './reportMemos';
import { describeStudies } from './studyCharacteristics';
import { plural } from './wording';

/** One ENTREQ item as the report prints it. */
export interface EntreqItem {
  readonly number: number;
  readonly name: string;
  /** What the review's files say for this item (may be empty). */
  readonly filled: string;
  /** What the authors still have to write (absent when the data says it all). */
  readonly prompt?: string;
}

/** What the ENTREQ items are filled from. */
export interface EntreqContext extends ProtocolContext {
  readonly question?: string;
  readonly reviewers: readonly string[];
  /** Distinct `coder=` values of the reported segments. */
  readonly coders: readonly string[];
  readonly softwareVersion: string;
  readonly studies: readonly Study[];
  readonly studiesInReview: number;
  readonly filter?: string;
  readonly columns: readonly string[];
  readonly appraisal?: { readonly questions: readonly CaspQuestion[]; readonly summary: AppraisalSummary };
  readonly counts: {
    readonly codes: number;
    readonly appliedCodes: number;
    readonly uncategorised: number;
    readonly segments: number;
    readonly firstOrder: number;
    readonly secondOrder: number;
    readonly themes: number;
    readonly segmentsWithCoder: number;
    readonly memos: number;
    readonly themeKinds: ThemeKindCounts;
  };
  /** Analytical themes and review-level memos, when the review has them. */
  readonly synthesis?: ReportSynthesis;
  readonly codebookPath: string;
  readonly topThemes: readonly string[];
  /** Studies contributing to each top-level theme, in theme order. */
  readonly themeStudyCounts: readonly number[];
  /** Studies contributing to more than one top-level theme. */
  readonly studiesInSeveralThemes: number;
  readonly findings: number;
  readonly assessedFindings: number;
  /** The sensitivity analysis of the findings: criteria, studies failing them, findings losing support. */
  readonly sensitivity?: { readonly criteria: string; readonly weaker: number; readonly lost: number; readonly oneStudy: number };
  readonly excerptLimit: number;
}

type Filler = (context: EntreqContext) => EntreqFill;

/** The 21 items in ENTREQ order, each with how it is filled. */
const ITEMS: ReadonlyArray<readonly [string, Filler]> = [
  ['Aim', (c) => (c.question ? { filled: `Review question: ${c.question}` } : { prompt: 'state the research question the synthesis addresses (`question:` in qualsynth.yaml).' })],
  ['Synthesis methodology', synthesisMethodology],
  ['Approach to searching', approachToSearching],
  ['Inclusion criteria', inclusionCriteria],
  ['Data sources', dataSources],
  ['Electronic search strategy', searchStrategy],
  ['Study screening methods', screeningMethods],
  ['Study characteristics', studyCharacteristics],
  ['Study selection results', selectionResults],
  ['Rationale for appraisal', appraisalRationale],
  ['Appraisal items', appraisalItems],
  ['Appraisal process', appraisalProcess],
  ['Appraisal results', appraisalResults],
  ['Data extraction', dataExtraction],
  ['Software', (c) => ({ filled: `QualSynth ${c.softwareVersion}.` })],
  ['Number of reviewers', reviewers],
  ['Coding', coding],
  ['Study comparison', studyComparison],
  ['Derivation of themes', derivation],
  ['Quotations', quotations],
  ['Synthesis output', synthesisOutput],
];

/** The 21 ENTREQ items, filled from the context. */
export function entreqItems(context: EntreqContext): EntreqItem[] {
  return ITEMS.map(([name, fill], index) => {
    const { filled, prompt: text } = fill(context);
    return { number: index + 1, name, filled: filled ?? '', ...(text ? { prompt: text } : {}) };
  });
}

/** Item 8: the included studies' characteristics (also eMERGe item 10). */
export function studyCharacteristics(c: EntreqContext): { filled: string } {
  const scope = c.filter ? `${c.studies.length} of ${c.studiesInReview} included studies (filter \`${c.filter}\`)` : plural(c.studies.length, 'included study', 'included studies');
  const details = describeStudies(c.studies, c.columns);
  return { filled: `${scope}, tabled under Included studies${details.length > 0 ? `; ${details.join('; ')}` : ''}.` };
}

function appraisalItems(c: EntreqContext): { filled?: string; prompt?: string } {
  if (!c.appraisal) return { prompt: 'the appraisal tool and criteria (e.g. CASP: add `casp:` answers to each study’s front matter).' };
  return { filled: `CASP qualitative checklist (${plural(c.appraisal.questions.length, 'question')}: ${c.appraisal.questions.map((q) => q.label).join(', ')}).` };
}

/** Item 13: the appraisal results, the sensitivity analysis, and whether appraisal excluded or weighted any study. */
export function appraisalResults(c: EntreqContext): EntreqFill {
  const use = appraisalUse(c);
  if (!c.appraisal) return { filled: use.filled, prompt: `the appraisal results${use.prompt ? `; ${use.prompt}` : '.'}` };
  const { appraised, allMet, concerns } = c.appraisal.summary;
  const worst = concerns.slice(0, 3).map((entry) => `${entry.label} (${entry.count})`);
  const concernText = worst.length > 0 ? `; criteria most often not met or unclear: ${worst.join(', ')}` : '';
  const sensitivity = c.sensitivity && c.findings > 0 ? ` Sensitivity analysis without the ${plural(c.sensitivity.weaker, 'study', 'studies')} not meeting \`${c.sensitivity.criteria}\`: ${c.sensitivity.lost} of ${plural(c.findings, 'finding')} would lose all support, ${c.sensitivity.oneStudy} would rest on one study.` : '';
  const results = `${appraised} of ${plural(c.studies.length, 'study', 'studies')} appraised; ${allMet} met every criterion${concernText}. See the quality appraisal table.${sensitivity}`;
  return { filled: use.filled ? `${results} ${use.filled}` : results, prompt: use.prompt };
}

/** Item 14: the sections analysed and the coded segments (also eMERGe item 9). */
export function dataExtraction(c: EntreqContext): EntreqFill {
  const sections = extractionSections(c);
  const segments = `${plural(c.counts.segments, 'coded segment')} (${c.counts.firstOrder} participant quotations, ${c.counts.secondOrder} author interpretations)`;
  const coded = sections.filled ? `${segments.charAt(0).toUpperCase()}${segments.slice(1)}.` : `Findings were coded in place in one Markdown file per study: ${segments}.`;
  return { filled: sections.filled ? `${sections.filled} ${coded}` : coded, prompt: sections.prompt };
}

function reviewers(c: EntreqContext): { filled?: string; prompt: string } {
  const parts: string[] = [];
  if (c.reviewers.length > 0) parts.push(`${plural(c.reviewers.length, 'reviewer')}: ${c.reviewers.join(', ')}`);
  // What the coding records, not what a team claims: a coder counts only where a passage names one.
  const coded = `${c.counts.segmentsWithCoder} of ${plural(c.counts.segments, 'coded segment')} name${c.counts.segmentsWithCoder === 1 ? 's' : ''} a coder (\`coder=\`)`;
  if (c.coders.length > 0) parts.push(`${coded}: ${plural(c.coders.length, 'distinct coder')} recorded (${c.coders.join(', ')})`);
  else if (c.counts.segments > 0) parts.push(`no coded segment names a coder (\`coder=\`), so the coding does not record who coded`);
  return { filled: parts.length > 0 ? `${parts.join('; ')}.` : undefined, prompt: 'who coded and who analysed the data, and how disagreements were resolved.' };
}

function coding(c: EntreqContext): { filled: string; prompt: string } {
  const uncategorised = c.counts.uncategorised > 0 ? ` ${plural(c.counts.uncategorised, 'code')} not yet in the codebook.` : '';
  const memos = c.counts.memos > 0 ? ` The reviewers kept ${plural(c.counts.memos, 'memo')} apart from the coding (memos/).` : '';
  return {
    filled: `${plural(c.counts.codes, 'code')} (${c.counts.appliedCodes} applied) on ${plural(c.counts.segments, 'segment')} in ${plural(c.studies.length, 'study', 'studies')}; definitions in ${c.codebookPath}.${uncategorised}${memos}`,
    prompt: 'how the data were coded (e.g. line by line, inductively).',
  };
}

function studyComparison(c: EntreqContext): { filled?: string; prompt: string } {
  const prompt = 'how comparisons were made within and across studies.';
  const counts = c.themeStudyCounts;
  if (counts.length === 0) return { prompt };
  const range = `top-level themes draw on ${Math.min(...counts)}–${Math.max(...counts)} studies`;
  return { filled: `Study × theme matrix: ${range}; ${c.studiesInSeveralThemes} of ${plural(c.studies.length, 'study', 'studies')} contribute to more than one top-level theme.`, prompt };
}

function derivation(c: EntreqContext): { filled?: string; prompt: string } {
  const prompt = 'whether themes were derived inductively or deductively, and how.';
  if (c.counts.themes === 0) return { prompt };
  const defined = c.counts.codes - c.counts.uncategorised;
  const kinds = c.counts.themeKinds;
  const marked = kinds.analytical + kinds.descriptive + kinds.concept;
  const kindText = marked > 0 ? ` Marked in the codebook (\`Kind:\`): ${kinds.descriptive} descriptive, ${kinds.analytical} analytical${kinds.concept > 0 ? `, ${plural(kinds.concept, 'concept')}` : ''}; ${kinds.unmarked} unmarked.` : '';
  return { filled: `${plural(c.counts.themes, 'theme')} in ${c.codebookPath}, under ${plural(c.topThemes.length, 'top-level theme')}: ${c.topThemes.join('; ')}; ${plural(defined, 'code')} defined under them.${kindText}`, prompt };
}

function synthesisOutput(c: EntreqContext): { filled?: string; prompt: string } {
  const prompt = 'the interpretation that goes beyond the primary studies (new constructs, a line of argument).';
  if (c.counts.themes === 0) return { prompt };
  const cerqual = c.findings > 0 ? `; GRADE-CERQual confidence assessed for ${c.assessedFindings} of ${plural(c.findings, 'finding')}` : '';
  const analytical = c.synthesis?.analytical ?? [];
  const review = c.synthesis?.review.length ?? 0;
  const beyond = [
    analytical.length > 0 ? `${plural(analytical.length, 'analytical theme')} (${analytical.map((theme) => theme.title).join('; ')})` : '',
    review > 0 ? `${plural(review, 'review-level memo')} (${c.synthesis!.title})` : '',
  ].filter(Boolean);
  const synthesis = beyond.length > 0 ? `; beyond the studies: ${beyond.join(' and ')}` : '';
  const filled = `${plural(c.counts.themes, 'theme')} with their codes and excerpts; a study × theme matrix${cerqual}${synthesis}.`;
  return review > 0 ? { filled, prompt: 'check that the line of argument is stated in the paper as in the memos.' } : { filled, prompt };
}

function quotations(c: EntreqContext): { filled: string } {
  const scope = c.excerptLimit > 0 ? `Up to ${plural(c.excerptLimit, 'excerpt')} per code` : 'Every coded passage';
  return { filled: `${scope}, each labelled as a participant quotation (first order) or an author interpretation (second order), with its citation and a link to file and line.` };
}
