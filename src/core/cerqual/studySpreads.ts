/**
 * What a finding's contributing studies bring besides their segments: each study's
 * appraisal (CASP answers), sensitivity and relevance values, kept per study, and the
 * finding's appraisal data and attribute spreads built from them (the GRADE-CERQual
 * methodological-limitations and relevance components). Read by findingEvidence.ts when
 * the report, a card or a stated count asks for them.
 */
import { matchesFilter } from '../filterMatch';
import type { AttributeValue, CerqualSettings, Study } from '../model';
import { compareText } from '../text/compareText';
import type { AttributeSpread, CaspItemShare, FindingEvidence, StudyContribution } from './findingEvidence';

/** What a study brings to every finding it contributes to, whatever its segments. */
export interface StudyFacts {
  readonly settings: CerqualSettings;
  readonly concerns?: readonly string[];
  readonly answered: number;
  readonly passesSensitivity: boolean;
  /** The distinct values of each `settings.relevance` attribute, in that order. */
  readonly relevance: ReadonlyArray<readonly string[]>;
}

/**
 * Each study's facts, kept while the study object and the settings stay the same (a
 * changed study is a new object): every finding of a review asks for the same studies'.
 */
const factsOfStudies = new WeakMap<Study, StudyFacts>();

export function factsOf(study: Study, settings: CerqualSettings): StudyFacts {
  const kept = factsOfStudies.get(study);
  if (kept?.settings === settings) return kept;
  const answers = Object.entries(study.casp ?? {});
  const facts: StudyFacts = {
    settings,
    concerns: study.casp ? answers.filter(([, answer]) => String(answer).trim().toLowerCase() !== 'yes').map(([key]) => key) : undefined,
    answered: answers.length,
    passesSensitivity: matchesFilter(study, settings.sensitivity),
    relevance: settings.relevance.map((attribute) => [...new Set(attributeValues(study.attributes[attribute]))]),
  };
  factsOfStudies.set(study, facts);
  return facts;
}

export function methodologicalData(studies: readonly StudyContribution[]): FindingEvidence['methodological'] {
  const appraised = studies.filter((entry) => entry.concerns !== undefined);
  const items = new Map<string, { studies: number; segments: number }>();
  let weighted = 0;
  let appraisedSegments = 0;
  for (const entry of appraised) {
    for (const key of entry.concerns!) {
      const item = items.get(key) ?? { studies: 0, segments: 0 };
      item.studies++;
      item.segments += entry.segments;
      items.set(key, item);
    }
    weighted += entry.concerns!.length * entry.segments;
    appraisedSegments += entry.segments;
  }
  const withConcerns = appraised.filter((entry) => entry.concerns!.length > 0);
  return {
    appraised: appraised.length,
    items: caspItems(items),
    withConcerns: { studies: withConcerns.length, segments: withConcerns.reduce((sum, entry) => sum + entry.segments, 0) },
    concernsPerSegment: appraisedSegments > 0 ? weighted / appraisedSegments : 0,
  };
}

/** CASP items with concerns, most segments first, then most studies, then by key (a loop, as spreadValues, for one element kind). */
function caspItems(items: ReadonlyMap<string, { readonly studies: number; readonly segments: number }>): CaspItemShare[] {
  const list: CaspItemShare[] = [];
  for (const [key, item] of items) list.push({ key, studies: item.studies, segments: item.segments });
  return list.length > 1 ? list.sort(byCaspShare) : list;
}

function byCaspShare(a: CaspItemShare, b: CaspItemShare): number {
  return b.segments - a.segments || b.studies - a.studies || compareText(a.key, b.key);
}

/** The values of an attribute over the review's studies, kept per study list: every finding asks for them. */
const reviewValues = new WeakMap<readonly Study[], Map<string, ReadonlySet<string>>>();

export function reviewValuesOf(reviewStudies: readonly Study[], attribute: string): ReadonlySet<string> {
  let byAttribute = reviewValues.get(reviewStudies);
  if (!byAttribute) reviewValues.set(reviewStudies, (byAttribute = new Map()));
  let values = byAttribute.get(attribute);
  if (!values) byAttribute.set(attribute, (values = new Set(reviewStudies.flatMap((study) => attributeValues(study.attributes[attribute])))));
  return values;
}

/** The spread of the `position`-th relevance attribute over the contributing studies. */
export function spreadOf(attribute: string, position: number, studies: readonly StudyContribution[], settings: CerqualSettings, inReview: ReadonlySet<string>): AttributeSpread {
  const values = new Map<string, { studies: number; segments: number }>();
  for (const entry of studies) {
    for (const value of factsOf(entry.study, settings).relevance[position]) {
      const counts = values.get(value);
      if (counts) {
        counts.studies++;
        counts.segments += entry.segments;
      } else values.set(value, { studies: 1, segments: entry.segments });
    }
  }
  return { attribute, values: spreadValues(values), missing: missingValues(inReview, values) };
}

// The two lists below are built with loops and sorted only when they have two items: an
// empty array has another element kind than a full one, and `[...x].map(…).sort(…)` on
// both threw away spreadOf's optimised code (~80 ms of TurboFan) once V8 met the second.

/** An attribute's values, most contributing studies first, then most segments, then by name. */
function spreadValues(values: ReadonlyMap<string, { readonly studies: number; readonly segments: number }>): AttributeSpread['values'] {
  const list: Array<{ value: string; studies: number; segments: number }> = [];
  for (const [value, counts] of values) list.push({ value, studies: counts.studies, segments: counts.segments });
  return list.length > 1 ? list.sort(bySpread) : list;
}

function bySpread(a: { readonly value: string; readonly studies: number; readonly segments: number }, b: { readonly value: string; readonly studies: number; readonly segments: number }): number {
  return b.studies - a.studies || b.segments - a.segments || compareText(a.value, b.value);
}

/** The review's values no contributing study has, sorted. */
function missingValues(inReview: ReadonlySet<string>, values: ReadonlyMap<string, unknown>): string[] {
  const missing: string[] = [];
  for (const value of inReview) if (!values.has(value)) missing.push(value);
  return missing.length > 1 ? missing.sort(compareText) : missing;
}

/** The scalar values of a front-matter attribute (lists flattened), as text. */
export function attributeValues(value: AttributeValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(attributeValues);
  if (typeof value === 'object') return [];
  const text = String(value).trim();
  return text ? [text] : [];
}
