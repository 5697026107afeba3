/**
 * The proof that a coding edit does only what it means to: the edit (insertions only)
 * is applied, the study read back by the same parser as the index, and compared with
 * the study before. Every other code's passages, every tag and the attributes must be
 * as they were (their offsets mapped back through the insertions), the intended spans
 * must be there with exactly their codes, and no file problem may appear.
 */
import type { Segment, Study } from '../model';
import { parseStudy } from '../study';
import { applyEdits, type TextEdit } from './textEdit';

/**
 * What the edit is meant to make: a new span over a passage, more codes on a span, or
 * more codes on the block whose content is [start, end) (block tags added to it).
 */
export type ExpectedCoding =
  | { readonly kind: 'wrap'; readonly start: number; readonly end: number; readonly codes: readonly string[] }
  | { readonly kind: 'add'; readonly span: Segment; readonly codes: readonly string[] }
  | { readonly kind: 'block'; readonly start: number; readonly end: number; readonly codes: readonly string[] };

/**
 * Checks the insertions `edits` into `text` (whose study is `before`); returns why they
 * are wrong, or `undefined` when they do exactly what `expected` says and nothing else.
 */
export function checkCoding(before: Study, text: string, edits: readonly TextEdit[], expected: readonly ExpectedCoding[]): string | undefined {
  if (edits.some((edit) => edit.start !== edit.end)) return 'a coding edit may only insert text';
  const insertions = [...edits].sort((a, b) => a.start - b.start);
  const after = parseStudy(before.path, applyEdits(text, edits));
  const back = (offset: number): number => mapBack(insertions, offset);

  const remainingBefore = new Multiset(before.segments.map((segment) => segmentKey(segment, identity)));
  const remainingAfter = [...after.segments];
  for (const coding of expected) {
    const block = coding.kind === 'block' ? blockSegment(before, coding.start, coding.end) : undefined;
    const found = remainingAfter.findIndex((segment) => (coding.kind === 'block' ? matchesBlock(segment, coding, block, back) : matchesExpected(segment, coding, back)));
    if (found === -1) return { wrap: 'the new span would not be read as a span there', add: 'the span would not take the new codes', block: 'the block would not take the new tags' }[coding.kind];
    remainingAfter.splice(found, 1);
    if (coding.kind === 'add') remainingBefore.remove(segmentKey(coding.span, identity));
    if (block) remainingBefore.remove(segmentKey(block, identity));
  }
  const afterKeys = new Multiset(remainingAfter.map((segment) => segmentKey(segment, back)));
  if (!remainingBefore.equals(afterKeys)) return 'it would change the passages of codes already in the text';

  const newTag = (start: number): boolean => insertions.some((insertion) => start >= insertion.start + shiftBefore(insertions, insertion) && start < insertion.start + shiftBefore(insertions, insertion) + insertion.newText.length);
  const tagsBefore = new Multiset(before.tags.map((tag) => `${tag.code}\u0000${tag.range.start}\u0000${tag.range.end}`));
  const tagsAfter = new Multiset(after.tags.filter((tag) => !newTag(tag.range.start)).map((tag) => `${tag.code}\u0000${back(tag.range.start)}\u0000${back(tag.range.end)}`));
  if (!tagsBefore.equals(tagsAfter)) return 'it would change the tags already in the text';

  const problemsBefore = new Multiset(before.problems.map((problem) => `${problem.kind}\u0000${problem.range.start}\u0000${problem.message}`));
  for (const problem of after.problems) {
    if (!problemsBefore.remove(`${problem.kind}\u0000${back(problem.range.start)}\u0000${problem.message}`)) return `it would make a new problem: ${problem.message}`;
  }
  return undefined;
}

/** The block segment (bare tags) over exactly [start, end), if the block has one. */
function blockSegment(study: Study, start: number, end: number): Segment | undefined {
  return study.segments.find((segment) => segment.kind === 'block' && segment.range.start === start && segment.range.end === end);
}

/** True when `segment` is the block [start, end) with its codes before (if any) and the new ones. */
function matchesBlock(segment: Segment, coding: ExpectedCoding & { kind: 'block' }, before: Segment | undefined, back: (offset: number) => number): boolean {
  if (segment.kind !== 'block' || back(segment.range.start) !== coding.start || back(segment.range.end) !== coding.end) return false;
  const codes = [...new Set([...(before?.codes ?? []), ...coding.codes])].sort();
  return sameList([...segment.codes].sort(), codes) && (before === undefined || segment.text === before.text);
}

function matchesExpected(segment: Segment, coding: ExpectedCoding & { kind: 'wrap' | 'add' }, back: (offset: number) => number): boolean {
  if (segment.kind !== 'span') return false;
  if (coding.kind === 'wrap') {
    return sameList(segment.codes, coding.codes) && back(segment.range.start) === coding.start && back(segment.range.end) === coding.end && back(segment.outerRange.start) === coding.start && back(segment.outerRange.end) === coding.end;
  }
  // Brace codes come before bare tags in the passage, so the new codes may sit between: compare as sets.
  const span = coding.span;
  const codes = [...new Set([...span.codes, ...coding.codes])].sort();
  return segmentKey({ ...spanFields(segment), codes: [...segment.codes].sort() }, back) === segmentKey({ ...spanFields(span), codes }, identity);
}

/** The fields of a segment that a key compares (getters copied into a plain object). */
function spanFields(segment: Segment): Segment {
  const { path, kind, order, codes, range, outerRange, blockStart, blockEnd, surroundings, text, tags, attributes } = segment;
  return { path, kind, order, codes, range, outerRange, blockStart, blockEnd, surroundings, text, tags, attributes };
}

/** Everything about a segment that coding elsewhere must leave alone, offsets through `map`. */
function segmentKey(segment: Segment, map: (offset: number) => number): string {
  const { range, outerRange } = segment;
  const offsets = [range.start, range.end, outerRange.start, outerRange.end].map(map);
  return [segment.kind, segment.order, segment.codes.join(' '), ...offsets, segment.text, JSON.stringify(segment.attributes)].join('\u0000');
}

/**
 * An offset of the edited text as an offset of the original: text an insertion added
 * maps to the insertion point, everything else moves back by what was inserted before it.
 */
export function mapBack(insertions: readonly TextEdit[], offset: number): number {
  let shift = 0;
  for (const insertion of insertions) {
    const at = insertion.start + shift;
    if (offset <= at) return offset - shift;
    if (offset <= at + insertion.newText.length) return insertion.start;
    shift += insertion.newText.length;
  }
  return offset - shift;
}

function shiftBefore(insertions: readonly TextEdit[], target: TextEdit): number {
  let shift = 0;
  for (const insertion of insertions) {
    if (insertion === target) return shift;
    shift += insertion.newText.length;
  }
  return shift;
}

function identity(offset: number): number {
  return offset;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Counts of strings, compared as a whole. */
class Multiset {
  private readonly counts = new Map<string, number>();
  private size = 0;

  constructor(items: Iterable<string>) {
    for (const item of items) {
      this.counts.set(item, (this.counts.get(item) ?? 0) + 1);
      this.size++;
    }
  }

  /** Removes one `item`; false when there was none. */
  remove(item: string): boolean {
    const count = this.counts.get(item) ?? 0;
    if (count === 0) return false;
    this.counts.set(item, count - 1);
    this.size--;
    return true;
  }

  equals(other: Multiset): boolean {
    if (this.size !== other.size) return false;
    for (const [item, count] of this.counts) if ((other.counts.get(item) ?? 0) !== count) return false;
    return true;
  }
}
