/**
 * What an explanation's stated count may truthfully be. "Six studies" is true when six
 * is a count the finding's data show — its contributing studies, those with contrary
 * data, those with an appraisal concern, those of one country … A qualifier that
 * names an attribute value ("ten recipient studies") narrows it to the studies with
 * that value. Anything else is a count the data contradict.
 */
import type { StatedCount, Study } from '../model';
import type { EvidenceSource, FindingEvidence } from './findingEvidence';
import { attributeValues } from './studySpreads';
import { plural } from '../report/wording';

/** The attributes whose number of distinct values a count of these nouns states. */
const ATTRIBUTE_NOUNS: Readonly<Record<string, string>> = { countries: 'country', settings: 'setting', designs: 'design', perspectives: 'perspective' };

/** A stated count that no count of the data matches, with the count it most likely meant. */
export interface CountMismatch {
  readonly count: StatedCount;
  /** "12 contributing studies of recipients". */
  readonly actual: string;
}

/** Checks each stated count against the finding's data. */
export function countMismatches(counts: readonly StatedCount[], evidence: FindingEvidence, source: EvidenceSource): CountMismatch[] {
  const mismatches: CountMismatch[] = [];
  for (const count of counts) {
    const expected = expectedCounts(count, evidence, source);
    if (!expected.values.has(count.value)) mismatches.push({ count, actual: expected.actual });
  }
  return mismatches;
}

function expectedCounts(count: StatedCount, evidence: FindingEvidence, source: EvidenceSource): { values: Set<number>; actual: string } {
  const value = count.qualifier ? qualifierValue(count.qualifier, source.reviewStudies) : undefined;
  if (value && (count.noun === 'studies' || count.noun === 'segments')) {
    const contributing = evidence.studies.filter((entry) => value.has(entry.study));
    if (count.noun === 'segments') {
      const segments = contributing.reduce((sum, entry) => sum + entry.segments, 0);
      return { values: new Set([segments]), actual: `${plural(segments, 'segment')} from studies of ${value.label}` };
    }
    const inReview = source.reviewStudies.filter((study) => value.has(study)).length;
    return { values: new Set([contributing.length, inReview]), actual: `${plural(contributing.length, 'contributing study', 'contributing studies')} of ${value.label} (${inReview} in the review)` };
  }
  const attribute = ATTRIBUTE_NOUNS[count.noun];
  if (attribute) {
    const spread = evidence.relevance.find((entry) => entry.attribute === attribute);
    const distinct = new Set(evidence.studies.flatMap((entry) => attributeValues(entry.study.attributes[attribute]))).size;
    const inReview = new Set(source.reviewStudies.flatMap((study) => attributeValues(study.attributes[attribute]))).size;
    return { values: new Set([distinct, inReview, spread?.missing.length ?? 0]), actual: `${distinct} ${count.noun} among the contributing studies (${inReview} in the review)` };
  }
  if (count.noun === 'segments') return { values: segmentCounts(evidence), actual: `${plural(evidence.segments, 'supporting segment')}` };
  if (count.noun === 'quotes') return { values: new Set([evidence.firstOrder]), actual: `${evidence.firstOrder} first-order segments (participants' words)` };
  if (count.noun === 'participants') return { values: new Set([evidence.participants.total, ...evidence.studies.map((entry) => Number(entry.study.attributes.participants))]), actual: `${plural(evidence.participants.total, 'participant')} in the contributing studies` };
  return { values: studyCounts(evidence, source), actual: `${plural(evidence.studies.length, 'contributing study', 'contributing studies')}` };
}

/** Every count of studies the finding's data show. */
function studyCounts(evidence: FindingEvidence, source: EvidenceSource): Set<number> {
  const { studies, methodological, contrary, byCode, relevance, participants } = evidence;
  const failing = studies.filter((entry) => !entry.passesSensitivity).length;
  return new Set([
    studies.length,
    source.reviewStudies.length,
    contrary.studies,
    methodological.appraised,
    methodological.withConcerns.studies,
    studies.length - methodological.withConcerns.studies,
    failing,
    studies.length - failing,
    participants.reported,
    ...methodological.items.map((item) => item.studies),
    ...byCode.map((code) => code.studies),
    ...relevance.flatMap((spread) => spread.values.map((entry) => entry.studies)),
  ]);
}

/** Every count of segments the finding's data show. */
function segmentCounts(evidence: FindingEvidence): Set<number> {
  const { segments, firstOrder, studies, methodological, contrary, byCode, relevance } = evidence;
  const failing = studies.filter((entry) => !entry.passesSensitivity).reduce((sum, entry) => sum + entry.segments, 0);
  return new Set([
    segments,
    firstOrder,
    segments - firstOrder,
    contrary.segments.length,
    methodological.withConcerns.segments,
    failing,
    segments - failing,
    ...studies.map((entry) => entry.segments),
    ...methodological.items.map((item) => item.segments),
    ...byCode.map((code) => code.segments),
    ...relevance.flatMap((spread) => spread.values.map((entry) => entry.segments)),
  ]);
}

/** Attributes that name a study rather than describe it: never a qualifier. */
const NAMING_KEYS = new Set(['id', 'citation', 'title', 'authors']);

/** The attribute value a qualifier names ("recipient" → perspective: recipients), if any. */
function qualifierValue(qualifier: string, studies: readonly Study[]): { label: string; has(study: Study): boolean } | undefined {
  const wanted = stem(qualifier);
  for (const study of studies) {
    for (const [key, raw] of Object.entries(study.attributes)) {
      if (NAMING_KEYS.has(key)) continue;
      const value = attributeValues(raw).find((candidate) => stem(candidate) === wanted);
      if (value !== undefined) return { label: value, has: (other) => attributeValues(other.attributes[key]).some((candidate) => stem(candidate) === wanted) };
    }
  }
  return undefined;
}

/** Lower case, hyphens as spaces, a plural `s` dropped: "Peer-workers" and "peer worker" match. */
function stem(text: string): string {
  return text.toLowerCase().replace(/[-\s]+/g, ' ').trim().replace(/s$/, '');
}
