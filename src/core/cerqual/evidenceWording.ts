/**
 * The data behind each GRADE-CERQual component of a finding, as short sentences: the
 * same words in the report's Evidence Profile, the editor's hover and the judgement
 * command's pickers.
 */
import { CASP_CHECKLIST } from '../report/casp';
import { plural } from '../report/wording';
import type { CerqualComponent } from '../model';
import type { FindingEvidence } from './findingEvidence';

/** The data lines of each component, in GRADE-CERQual's order. */
export type ComponentData = Readonly<Record<CerqualComponent, readonly string[]>>;

/** Words the data lines need beyond the evidence: the sensitivity criteria as written. */
export interface WordingContext {
  readonly sensitivityCriteria: string;
}

/** The data lines of every component of a finding. */
export function componentData(evidence: FindingEvidence, context: WordingContext): ComponentData {
  return {
    'methodological-limitations': methodologicalLines(evidence, context),
    coherence: coherenceLines(evidence),
    adequacy: adequacyLines(evidence),
    relevance: relevanceLines(evidence),
  };
}

/** "2 of 4 segments (50%)". */
function share(part: number, whole: number, noun = 'segment'): string {
  return `${part} of ${plural(whole, noun)} (${whole > 0 ? Math.round((100 * part) / whole) : 0}%)`;
}

/** The CASP label of a key ("data-collection" → "Data collection"). */
export function caspLabel(key: string): string {
  return CASP_CHECKLIST.find((question) => question.key === key)?.label ?? key;
}

function methodologicalLines(evidence: FindingEvidence, context: WordingContext): string[] {
  const { methodological: data, studies, segments } = evidence;
  if (studies.length === 0) return ['No contributing study.'];
  if (data.appraised === 0) return [studies.length === 1 ? 'The contributing study has no CASP answers.' : `None of the ${studies.length} contributing studies has CASP answers.`];
  const lines = [`${data.appraised} of ${plural(studies.length, 'study', 'studies')} appraised with CASP; ${data.withConcerns.studies} answered other than yes on at least one item, contributing ${share(data.withConcerns.segments, segments)}.`];
  if (data.items.length > 0) {
    lines.push(`Not yes, by item (studies, share of segments): ${data.items.map((item) => `${caspLabel(item.key)} ${item.studies} (${Math.round((100 * item.segments) / segments)}%)`).join(', ')}.`);
    lines.push(`Weighted by segments: ${data.concernsPerSegment.toFixed(1)} answers other than yes per segment.`);
  }
  const failing = studies.filter((entry) => !entry.passesSensitivity);
  const failingSegments = failing.reduce((sum, entry) => sum + entry.segments, 0);
  lines.push(
    failing.length === 0
      ? `No study fails the sensitivity criteria (${context.sensitivityCriteria}).`
      : `Failing the sensitivity criteria (${context.sensitivityCriteria}): ${failing.map((entry) => entry.citation).join(', ')}, contributing ${share(failingSegments, segments)}.`,
  );
  return lines;
}

function coherenceLines(evidence: FindingEvidence): string[] {
  const lines = [`By code: ${evidence.byCode.map((code) => `#${code.code} ${plural(code.studies, 'study', 'studies')}, ${plural(code.segments, 'segment')}`).join('; ')}.`];
  const { contrary, contraryCodes } = evidence;
  const marked = contraryCodes.map((code) => `#${code}`).join(', ');
  if (contraryCodes.length === 0) lines.push('No code is marked contrary or disconfirming for this finding.');
  else if (contrary.segments.length === 0) lines.push(`Marked contrary (${marked}): no segment.`);
  else lines.push(`Marked contrary (${marked}): ${plural(contrary.segments.length, 'segment')} from ${plural(contrary.studies, 'study', 'studies')} (${[...new Set(contrary.segments.map((entry) => entry.citation))].join(', ')}).`);
  return lines;
}

function adequacyLines(evidence: FindingEvidence): string[] {
  const { studies, segments, firstOrder, participants } = evidence;
  if (studies.length === 0) return ['No contributing study.'];
  const people = participants.reported > 0 ? `${plural(participants.total, 'participant')} (${participants.reported} of ${plural(studies.length, 'study', 'studies')} report a number)` : 'no study reports its participants';
  const perStudy = studies.map((entry) => entry.segments);
  const range = Math.min(...perStudy) === Math.max(...perStudy) ? `${perStudy[0]}` : `${Math.min(...perStudy)}–${Math.max(...perStudy)}`;
  return [`${plural(studies.length, 'study', 'studies')}, ${plural(segments, 'segment')} (${firstOrder} first-order, ${Math.round((100 * firstOrder) / segments)}%); ${people}.`, `Segments per study: ${range}.`];
}

function relevanceLines(evidence: FindingEvidence): string[] {
  if (evidence.relevance.length === 0) return ['No study attribute of `cerqual.relevance` is recorded.'];
  return evidence.relevance.map((spread) => {
    const values = spread.values.length > 0 ? spread.values.map((entry) => `${entry.value} (${entry.studies})`).join(', ') : 'not recorded';
    const missing = spread.missing.length > 0 ? `; not represented: ${spread.missing.join(', ')}` : '';
    return `${spread.attribute}: ${values}${missing}.`;
  });
}
