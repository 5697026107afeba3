/**
 * Judgements that stay true: for every review finding, what `check` says when its
 * GRADE-CERQual judgement no longer fits the coding — the contributing studies or
 * segments changed since the judgement was recorded, an explanation states counts
 * the data contradict, a finding with no contributing study keeps a confidence, a
 * judgement lacks components or explanations. Each is located at the judgement.
 */
import type { CerqualSettings, Problem, ProblemKind, Segment, Severity, Study, TextSpan, Theme } from '../model';
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
   * The index's segment lists of the finding's codes (supporting, then contrary): a
   * list is replaced when a study that uses its code, or comes to, changes or goes.
   */
  readonly lists: ReadonlyArray<readonly Segment[]>;
  /** Every study's id and attributes: review-wide counts (values no contributing study has) follow them. */
  readonly attributes: string;
  readonly problems: readonly Problem[];
}

const cache = new WeakMap<ReviewIndex, Map<string, CachedFinding>>();

/**
 * The judgement problems of the whole review. Each finding's are kept until the
 * codebook, the settings or a study that uses its codes changes (the codes' segment
 * lists, which the evidence reads anyway, say so), so typing in one
 * study re-checks only the findings whose evidence it holds.
 */
export function cerqualProblems(index: ReviewIndex, settings: CerqualSettings): Problem[] {
  const findings = findingThemes(index.themes()).filter((theme) => theme.cerqual);
  const previous = cache.get(index);
  const next = new Map<string, CachedFinding>();
  let source: EvidenceSource | undefined;
  const attributes = findings.length > 0 ? attributeSignature(index.studies()) : '';
  for (const theme of findings) {
    const key = JSON.stringify(theme.path);
    const lists = [...codesUnder(theme), ...theme.contrary.map((tag) => tag.code)].map((code) => index.segmentListOf(code));
    const cached = previous?.get(key);
    if (cached && cached.codebook === index.codebook && cached.settings === settings && cached.attributes === attributes && sameLists(cached.lists, lists)) {
      next.set(key, cached);
      continue;
    }
    source ??= reviewEvidenceSource(index);
    const problems = judgementIssues(theme, reviewFindingEvidence(index, theme, settings, source), source).map(({ kind, severity, range, message }): Problem => ({ path: index.codebook.path, range, severity, kind, message }));
    next.set(key, { codebook: index.codebook, settings, lists, attributes, problems });
  }
  cache.set(index, next);
  return [...next.values()].flatMap((entry) => entry.problems);
}

/** The ids and attributes of all studies, as one string to compare. */
function attributeSignature(studies: readonly Study[]): string {
  return studies.map((study) => `${study.id}\t${JSON.stringify(study.attributes)}`).join('\n');
}

function sameLists(a: ReadonlyArray<readonly Segment[]>, b: ReadonlyArray<readonly Segment[]>): boolean {
  return a.length === b.length && a.every((list, index) => list === b[index]);
}
