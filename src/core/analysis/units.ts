/**
 * The units co-occurrence is counted in, and matrix coding's code columns. Two codes
 * co-occur in a unit when both are applied somewhere within it:
 *
 * - `segment` — a coded passage: an outermost coded segment with every segment that
 *   overlaps it (spans nested in a span, the spans of a block coded by bare tags).
 *   Spans nest properly, so a passage is one segment and what lies inside it; the same
 *   segment carrying both codes is the simplest case.
 * - `block` — a paragraph, list item, quote paragraph or table row holding coded text.
 * - `study` — a study with coded text.
 */
import type { Segment, Study } from '../model';

/** What co-occurrence is counted in. */
export type CooccurrenceUnit = 'segment' | 'block' | 'study';

/** Every unit, in the order the CLI lists them. */
export const COOCCURRENCE_UNITS: readonly CooccurrenceUnit[] = ['segment', 'block', 'study'];

/** One unit of a study: its segments, in source order. */
export type AnalysisUnit = readonly Segment[];

/** The units of one study (only units with coded text). */
export function unitsOfStudy(study: Study, unit: CooccurrenceUnit): AnalysisUnit[] {
  const segments = study.segments;
  if (segments.length === 0) return [];
  if (unit === 'study') return [segments];
  return unit === 'block' ? blocks(segments) : passages(segments);
}

/** Segments sharing a block start, in source order (a study's segments are sorted by start). */
function blocks(segments: readonly Segment[]): AnalysisUnit[] {
  const byBlock = new Map<number, Segment[]>();
  for (const segment of segments) {
    const list = byBlock.get(segment.blockStart);
    if (list) list.push(segment);
    else byBlock.set(segment.blockStart, [segment]);
  }
  return [...byBlock.values()];
}

/**
 * Runs of overlapping segments: sorted by start (outer before inner at the same start),
 * a segment that starts before the run's end belongs to it.
 */
function passages(segments: readonly Segment[]): AnalysisUnit[] {
  const sorted = isSorted(segments) ? segments : [...segments].sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const out: Segment[][] = [];
  let end = -1;
  for (const segment of sorted) {
    const { start, end: segmentEnd } = segment.range;
    if (start < end) out[out.length - 1].push(segment);
    else out.push([segment]);
    end = Math.max(end, segmentEnd);
  }
  return out;
}

function isSorted(segments: readonly Segment[]): boolean {
  for (let index = 1; index < segments.length; index++) if (segments[index - 1].range.start > segments[index].range.start) return false;
  return true;
}
