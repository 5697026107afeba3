/**
 * A coded passage as the index keeps it. A review holds ~100,000 of them, and every
 * object the index keeps is copied by the garbage collector while a review loads, so a
 * segment is one object: it is its own range, takes its tags and excerpt cuts from
 * flat lists its study's segments share, and computes its outer range, positions,
 * tags and plain text when they are read.
 */
import type { Segment, TagOccurrence, TextSpan } from './model';
import { excerptBetween } from './syntax/excerpt';
import type { ScannedSegment, ScannedStudy } from './syntax/scanTags';
import { LineSpan, type LinePositions, type LineTag } from './text/lineIndex';

/**
 * What a study's segments share: its text, the excerpt cuts and their tags, flat. The
 * cuts are a typed array: outside V8's heap, they are not copied by every
 * young-generation collection while a review loads (~5 MB of the 1,000-study benchmark).
 */
interface StudyBody {
  readonly text: string;
  readonly cuts: Int32Array;
  readonly tags: readonly TagOccurrence[];
}

/** The segments of a scanned study. */
export function studySegments(path: string, text: string, scanned: ScannedStudy<LineTag>, positions: LinePositions): Segment[] {
  const tags: TagOccurrence[] = [];
  for (const segment of scanned.segments) for (const tag of segment.tags) tags.push(tag);
  const body: StudyBody = { text, cuts: Int32Array.from(scanned.cuts), tags };
  let tagsFrom = 0;
  return scanned.segments.map((segment) => {
    const made = new StudySegment(path, segment, positions, body, tagsFrom);
    tagsFrom += segment.tags.length;
    return made;
  });
}

class StudySegment extends LineSpan implements Segment {
  readonly kind: Segment['kind'];
  readonly order: Segment['order'];
  readonly codes: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
  readonly blockStart: number;
  readonly blockEnd: number;
  private readonly outerStart: number;
  private readonly outerEnd: number;
  private readonly cutsFrom: number;
  private readonly cutsTo: number;
  private readonly tagsTo: number;

  constructor(
    readonly path: string,
    scanned: ScannedSegment<LineTag>,
    positions: LinePositions,
    private readonly body: StudyBody,
    private readonly tagsFrom: number,
  ) {
    super(scanned.start, scanned.end, positions);
    this.kind = scanned.kind;
    this.order = scanned.order;
    this.codes = scanned.codes;
    this.attributes = scanned.attributes;
    this.blockStart = scanned.blockStart;
    this.blockEnd = scanned.blockEnd;
    this.outerStart = scanned.outerStart;
    this.outerEnd = scanned.outerEnd;
    this.cutsFrom = scanned.cutsFrom;
    this.cutsTo = scanned.cutsTo;
    this.tagsTo = tagsFrom + scanned.tags.length;
  }

  get range(): TextSpan {
    return this;
  }

  get outerRange(): TextSpan {
    if (this.outerStart === this.start && this.outerEnd === this.end) return this;
    return new LineSpan(this.outerStart, this.outerEnd, this.positions);
  }

  get tags(): readonly TagOccurrence[] {
    return this.body.tags.slice(this.tagsFrom, this.tagsTo);
  }

  get surroundings(): { before: string; after: string } {
    if (this.kind === 'block') return { before: '', after: '' };
    const { text, cuts } = this.body;
    const before = excerptBetween(text, cuts, this.cutsFrom, this.cutsTo, this.blockStart, this.outerStart);
    const after = excerptBetween(text, cuts, this.cutsFrom, this.cutsTo, this.outerEnd, this.blockEnd);
    const spaceBefore = before !== '' && /\s/.test(text[this.outerStart - 1] ?? '');
    const spaceAfter = after !== '' && /\s/.test(text[this.outerEnd] ?? '');
    return { before: spaceBefore ? `${before} ` : before, after: spaceAfter ? ` ${after}` : after };
  }

  get text(): string {
    return excerptBetween(this.body.text, this.body.cuts, this.cutsFrom, this.cutsTo, this.start, this.end);
  }
}
