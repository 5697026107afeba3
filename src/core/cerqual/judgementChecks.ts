/**
 * Judgements that stay true: for every review finding, what `check` says when its
 * GRADE-CERQual judgement no longer fits the coding — the contributing studies or
 * segments changed since the judgement was recorded, an explanation states counts
 * the data contradict, a finding with no contributing study keeps a confidence, a
 * judgement lacks components or explanations. Each is located at the judgement.
 */
import type { CerqualSettings, Problem, ProblemKind, Severity, Study, TextSpan, Theme } from '../model';
import type { ReviewIndex } from '../reviewIndex';
import { plural } from '../report/wording';
import { COMPONENTS, COMPONENT_LABELS } from './judgementSyntax';
import { codesUnder, type EvidenceSource, type FindingEvidence } from './findingEvidence';
import { countMismatches } from './knownCounts';
import { findingThemes, reviewEvidenceSource, reviewFindingEvidence } from './reviewFindings';

/** The command that records a judgement and its basis, named in the messages. */
export const RECORD_COMMAND_TITLE = 'QualSynth: Record CERQual Judgement…';

/** One thing wrong with a finding's judgement. */
export interface JudgementIssue {
  readonly kind: ProblemKind;
  readonly severity: Severity;
  readonly range: TextSpan;
  /** What is wrong and how to fix it (the `check` message). */
  readonly message: string;
  /** The same, as the report words it beside the judgement. */
  readonly note: string;
}

/** The issues of one finding's judgement, given its evidence over the whole review. */
export function judgementIssues(theme: Theme, evidence: FindingEvidence, source: EvidenceSource): JudgementIssue[] {
  const judgement = theme.cerqual;
  if (!judgement) return [];
  const at = judgement.range ?? judgement.components[0]?.range ?? judgement.basis?.range ?? theme.range;
  const issues: JudgementIssue[] = [];
  const judged = judgement.confidence !== undefined || judgement.components.some((component) => component.concern !== undefined);
  if (judged && evidence.studies.length === 0) {
    issues.push({ kind: 'cerqual-no-evidence', severity: 'warning', range: at, message: `“${theme.title}” has no contributing study (no segment is coded with its codes), yet keeps a GRADE-CERQual judgement: code its evidence, or remove the judgement.`, note: 'No contributing study, yet a judgement is recorded.' });
  }
  issues.push(...basisIssues(theme, evidence, at));
  for (const component of [undefined, ...judgement.components]) {
    const counts = component ? component.statedCounts : judgement.statedCounts;
    for (const mismatch of countMismatches(counts, evidence, source)) {
      const where = component ? `The ${COMPONENT_LABELS[component.component].toLowerCase()} explanation` : 'The explanation';
      issues.push({ kind: 'cerqual-count', severity: 'warning', range: mismatch.count.range, message: `${where} says “${mismatch.count.text}”, but the data have ${mismatch.actual}: correct the count, or re-judge the finding.`, note: `States “${mismatch.count.text}”; the data have ${mismatch.actual}.` });
    }
  }
  issues.push(...completeness(theme, at));
  return issues;
}

function basisIssues(theme: Theme, evidence: FindingEvidence, at: TextSpan): JudgementIssue[] {
  const judgement = theme.cerqual!;
  const basis = judgement.basis;
  if (!basis) {
    if (judgement.confidence === undefined) return [];
    return [{ kind: 'cerqual-stale', severity: 'info', range: at, message: `This judgement records no basis: record it with ${RECORD_COMMAND_TITLE} (a \`Judged on:\` line) so that \`check\` can tell when the coding under the finding changes.`, note: 'No basis recorded.' }];
  }
  const now = evidence.basis;
  const added = now.studies.filter((id) => !basis.studies.includes(id));
  const gone = basis.studies.filter((id) => !now.studies.includes(id));
  const changes: string[] = [];
  if (added.length > 0) changes.push(`${plural(added.length, 'study', 'studies')} added (${added.join(', ')})`);
  if (gone.length > 0) changes.push(`${plural(gone.length, 'study', 'studies')} gone (${gone.join(', ')})`);
  if (now.segments !== basis.segments) changes.push(`${plural(now.segments, 'segment')} now, ${basis.segments} then`);
  if (changes.length === 0 && now.fingerprint !== basis.fingerprint) changes.push('segments recoded or reworded');
  if (changes.length === 0) return [];
  const what = changes.join('; ');
  return [{ kind: 'cerqual-stale', severity: 'warning', range: basis.range, message: `The coding under “${theme.title}” has changed since this judgement was recorded: ${what}. Re-judge the finding and record it again (${RECORD_COMMAND_TITLE}).`, note: `The coding has changed since this judgement was recorded: ${what}.` }];
}

function completeness(theme: Theme, at: TextSpan): JudgementIssue[] {
  const judgement = theme.cerqual!;
  const issue = (severity: Severity, range: TextSpan, message: string, note: string): JudgementIssue => ({ kind: 'cerqual-incomplete', severity, range, message, note });
  const issues: JudgementIssue[] = [];
  if (judgement.confidence === undefined && judgement.components.length > 0 && !judgement.range) {
    issues.push(issue('warning', at, 'The components are judged but the overall confidence is not: add `CERQual: high, moderate, low or very low — and the explanation`.', 'No overall confidence.'));
  }
  const missing = COMPONENTS.filter((key) => !judgement.components.some((component) => component.component === key));
  if (judgement.confidence !== undefined && missing.length > 0) {
    const names = missing.length === COMPONENTS.length ? 'all four components' : missing.map((key) => COMPONENT_LABELS[key].toLowerCase()).join(', ');
    issues.push(issue('info', at, `The judgement leaves out ${names}: GRADE-CERQual judges methodological limitations, coherence, adequacy and relevance (a line each, e.g. \`- Coherence: minor concerns — …\`).`, `Not judged: ${names}.`));
  }
  if (judgement.confidence !== undefined && !judgement.explanation) issues.push(issue('warning', at, 'Explain the overall confidence after the level (GRADE-CERQual asks for an explanation of every judgement).', 'The confidence is not explained.'));
  for (const component of judgement.components) {
    if (component.concern && !component.explanation) issues.push(issue('warning', component.range, `Explain the ${COMPONENT_LABELS[component.component].toLowerCase()} concern after the level.`, `${COMPONENT_LABELS[component.component]} is not explained.`));
  }
  return issues;
}

/** What one finding's problems were computed from, and the problems. */
interface CachedFinding {
  readonly codebook: unknown;
  readonly settings: unknown;
  /**
   * The review's studies when the problems were last known to hold. A changed study is
   * a new object: the problems still hold while every study set, changed or removed
   * since used none of the finding's codes (before or after), and no study's id or
   * attributes changed (review-wide counts and citations follow them).
   */
  readonly reviewStudies: readonly Study[];
  readonly problems: readonly Problem[];
}

const cache = new WeakMap<ReviewIndex, Map<string, CachedFinding>>();

/**
 * The judgement problems of the whole review. Each finding's are kept until the
 * codebook, the settings, a study that uses its codes, or any study's id or attributes
 * change, so typing in one study re-checks only the findings whose evidence it holds.
 * Nothing is read for the cache on a first call (a fresh `check`): what changed is
 * worked out on the next call, from the studies that changed.
 */
export function cerqualProblems(index: ReviewIndex, settings: CerqualSettings): Problem[] {
  const findings = findingThemes(index.themes()).filter((theme) => theme.cerqual);
  const previous = cache.get(index);
  const next = new Map<string, CachedFinding>();
  let source: EvidenceSource | undefined;
  const reviewStudies = index.studies();
  const changesSince = studyChanges(reviewStudies);
  for (const theme of findings) {
    const key = JSON.stringify(theme.path);
    const cached = previous?.get(key);
    if (cached && cached.codebook === index.codebook && cached.settings === settings && stillHolds(theme, changesSince(cached.reviewStudies))) {
      next.set(key, { ...cached, reviewStudies });
      continue;
    }
    source ??= reviewEvidenceSource(index);
    const problems = judgementIssues(theme, reviewFindingEvidence(index, theme, settings, source), source).map(({ kind, severity, range, message }): Problem => ({ path: index.codebook.path, range, severity, kind, message }));
    next.set(key, { codebook: index.codebook, settings, reviewStudies, problems });
  }
  cache.set(index, next);
  return [...next.values()].flatMap((entry) => entry.problems);
}

/** The studies set, changed or removed between an earlier study list and now (both versions of a changed one), or `undefined` when an id or attributes changed. */
type StudyChanges = readonly Study[] | undefined;

/** Works out, once per earlier study list, what changed between it and `studies`. */
function studyChanges(studies: readonly Study[]): (earlier: readonly Study[]) => StudyChanges {
  const answers = new Map<readonly Study[], StudyChanges>();
  return (earlier) => {
    if (!answers.has(earlier)) answers.set(earlier, changesBetween(earlier, studies));
    return answers.get(earlier);
  };
}

function changesBetween(earlier: readonly Study[], now: readonly Study[]): StudyChanges {
  // Both lists are in path order: the same length and the same ids and attributes at each place, or a recheck.
  if (earlier.length !== now.length || !earlier.every((study, at) => sameIdAndAttributes(study, now[at]))) return undefined;
  return earlier.flatMap((study, at) => (study === now[at] ? [] : [study, now[at]]));
}

function sameIdAndAttributes(a: Study, b: Study): boolean {
  return a === b || (a.path === b.path && a.id === b.id && JSON.stringify(a.attributes) === JSON.stringify(b.attributes));
}

/** True when none of the changed studies has a segment coded with the finding's codes, supporting or contrary. */
function stillHolds(theme: Theme, changed: StudyChanges): boolean {
  if (!changed) return false;
  if (changed.length === 0) return true;
  const codes = new Set([...codesUnder(theme), ...theme.contrary.map((tag) => tag.code)]);
  return !changed.some((study) => study.segments.some((segment) => segment.codes.some((code) => codes.has(code))));
}
