/**
 * The evidence a report is built from, gathered in one pass over the studies the
 * filter keeps: studies in citation order, and for each reported code its segments
 * grouped by study. Everything later is a lookup in these maps, so the build stays
 * linear in the size of the review.
 */
import type { StudyFilter } from '../filter';
import { filterStudies } from '../filterMatch';
import type { CodeDefinition, Codebook, Segment, Study } from '../model';
import { compareText } from '../text/compareText';
import type { CslItem } from '../references/cslItem';
import { citationLabels } from './citation';

/** Segments of the reported codes, gathered from the filtered studies. */
export interface Evidence {
  /** Studies the filter keeps, in citation order (then path). */
  readonly studies: readonly Study[];
  /** Number of studies before filtering. */
  readonly studiesInReview: number;
  /** "Author Year" label by study path (unique within the review). */
  readonly citations: ReadonlyMap<string, string>;
  /** Definitions by code, in codebook order. */
  readonly definitions: ReadonlyMap<string, readonly CodeDefinition[]>;
  /** Codes used in the filtered studies but defined nowhere, by name (empty when omitted). */
  readonly uncategorised: readonly string[];
  /** Reported code → study path → segments, studies in citation order. */
  readonly segmentsByCode: ReadonlyMap<string, ReadonlyMap<string, readonly Segment[]>>;
  /** Segments carrying at least one reported code, in study order. */
  readonly segments: readonly Segment[];
  /** The reported codes of a segment (its codes minus omitted uncategorised ones). */
  reportedCodes(segment: Segment): readonly string[];
}

/** Gathers the evidence of the studies that pass `filter`; `items`: the studies' CSL items, for their labels. */
export function gatherEvidence(studies: readonly Study[], codebook: Codebook, filter: StudyFilter, includeUncategorised: boolean, items?: ReadonlyMap<string, CslItem>): Evidence {
  const citations = citationLabels(studies, items);
  const kept = filterStudies(studies, filter).sort((a, b) => compareText(citations.get(a.path)!, citations.get(b.path)!) || compareText(a.path, b.path));
  const definitions = definitionsByCode(codebook);
  const isReported = (code: string): boolean => includeUncategorised || definitions.has(code);
  const segmentsByCode = new Map<string, Map<string, Segment[]>>();
  const segments: Segment[] = [];
  const undefinedCodes = new Set<string>();
  for (const study of kept) {
    for (const segment of study.segments) {
      let reported = false;
      for (const code of segment.codes) {
        if (!definitions.has(code)) undefinedCodes.add(code);
        if (!isReported(code)) continue;
        reported = true;
        addSegment(segmentsByCode, code, study.path, segment);
      }
      if (reported) segments.push(segment);
    }
  }
  return {
    studies: kept,
    studiesInReview: studies.length,
    citations,
    definitions,
    uncategorised: includeUncategorised ? [...undefinedCodes].sort(compareText) : [],
    segmentsByCode,
    segments,
    reportedCodes: (segment) => (includeUncategorised ? segment.codes : segment.codes.filter(isReported)),
  };
}

function definitionsByCode(codebook: Codebook): Map<string, CodeDefinition[]> {
  const byCode = new Map<string, CodeDefinition[]>();
  for (const definition of codebook.definitions) {
    const list = byCode.get(definition.code);
    if (list) list.push(definition);
    else byCode.set(definition.code, [definition]);
  }
  return byCode;
}

function addSegment(byCode: Map<string, Map<string, Segment[]>>, code: string, path: string, segment: Segment): void {
  let byStudy = byCode.get(code);
  if (!byStudy) byCode.set(code, (byStudy = new Map()));
  const list = byStudy.get(path);
  if (list) list.push(segment);
  else byStudy.set(path, [segment]);
}

/** Number of segments of a code in the evidence. */
export function segmentCount(evidence: Evidence, code: string): number {
  let count = 0;
  for (const list of evidence.segmentsByCode.get(code)?.values() ?? []) count += list.length;
  return count;
}
