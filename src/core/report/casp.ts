/**
 * The CASP qualitative checklist: its ten questions, the answer symbols the report
 * prints, and the appraisal summary ENTREQ asks for.
 */
import type { Study } from '../model';
import { compareText } from '../text/compareText';

/** A CASP question: its front-matter key, short label and full wording. */
export interface CaspQuestion {
  readonly key: string;
  readonly label: string;
  readonly question: string;
}

/** The CASP qualitative checklist's ten questions, in checklist order. */
export const CASP_CHECKLIST: readonly CaspQuestion[] = [
  { key: 'aims', label: 'Aims', question: 'Was there a clear statement of the aims of the research?' },
  { key: 'methodology', label: 'Methodology', question: 'Is a qualitative methodology appropriate?' },
  { key: 'design', label: 'Design', question: 'Was the research design appropriate to address the aims of the research?' },
  { key: 'recruitment', label: 'Recruitment', question: 'Was the recruitment strategy appropriate to the aims of the research?' },
  { key: 'data-collection', label: 'Data collection', question: 'Was the data collected in a way that addressed the research issue?' },
  { key: 'relationship', label: 'Relationship', question: 'Has the relationship between researcher and participants been adequately considered?' },
  { key: 'ethics', label: 'Ethics', question: 'Have ethical issues been taken into consideration?' },
  { key: 'analysis', label: 'Analysis', question: 'Was the data analysis sufficiently rigorous?' },
  { key: 'findings', label: 'Findings', question: 'Is there a clear statement of findings?' },
  { key: 'value', label: 'Value', question: 'How valuable is the research?' },
];

/** The keys of the ten checklist questions. */
export const CASP_QUESTIONS: readonly string[] = CASP_CHECKLIST.map((question) => question.key);

const ANSWER_SYMBOLS: Record<string, string> = { yes: '✓', no: '✗', 'cant-tell': '?', "can't tell": '?', 'cannot tell': '?', unclear: '?' };

/** ✓, ✗ or ? for an answer; other answers as written; `''` when unanswered. */
export function caspSymbol(answer: string | undefined): string {
  if (answer === undefined) return '';
  return ANSWER_SYMBOLS[answer.trim().toLowerCase()] ?? answer;
}

/**
 * The questions answered by at least one study: the checklist's, in checklist order,
 * then any others by name.
 */
export function answeredQuestions(studies: readonly Study[]): CaspQuestion[] {
  const keys = new Set<string>();
  for (const study of studies) for (const key of Object.keys(study.casp ?? {})) keys.add(key);
  const known = CASP_CHECKLIST.filter((question) => keys.has(question.key));
  const extra = [...keys].filter((key) => !CASP_QUESTIONS.includes(key)).sort(compareText);
  return [...known, ...extra.map((key) => ({ key, label: key, question: key }))];
}

/** Per question, how many appraised studies did not answer "yes". */
export interface AppraisalSummary {
  readonly appraised: number;
  /** Studies answering "yes" to every answered question. */
  readonly allMet: number;
  /** Questions with at least one answer other than "yes", most often first. */
  readonly concerns: ReadonlyArray<{ readonly label: string; readonly count: number }>;
}

/** Summarises the appraisal of the studies that have CASP answers. */
export function summariseAppraisal(studies: readonly Study[], questions: readonly CaspQuestion[]): AppraisalSummary {
  const appraised = studies.filter((study) => study.casp !== undefined);
  const counts = questions.map((question) => ({ label: question.label, count: appraised.filter((study) => !isYes(study.casp?.[question.key])).length }));
  return {
    appraised: appraised.length,
    allMet: appraised.filter((study) => questions.every((question) => isYes(study.casp?.[question.key]))).length,
    concerns: counts.filter((entry) => entry.count > 0).sort((a, b) => b.count - a.count || compareText(a.label, b.label)),
  };
}

function isYes(answer: string | undefined): boolean {
  return answer?.trim().toLowerCase() === 'yes';
}
