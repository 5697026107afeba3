/**
 * A coded passage as the index keeps it. A review holds ~100,000 of them, so each is
 * one object: it is its own range, computes its outer range and positions when read,
 * and cuts its plain text from the study's text when read.
 */
import type { Segment, TagOccurrence, TextSpan } from './model';
import type { BlockExcerpts } from './syntax/excerpt';
import type { ScannedSegment } from './syntax/scanTags';
import { LineSpan, type LinePositions, type LineTag } from './text/lineIndex';

/** A segment of a study, built from what the scanner found. */
export class StudySegment extends LineSpan implements Segment {
  readonly kind: Segment['kind'];
  readonly order: Segment['order'];
  readonly codes: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
  readonly tags: readonly TagOccurrence[];
  private readonly outerStart: number;
  private readonly outerEnd: number;
  private readonly excerpts: BlockExcerpts;

  constructor(
    readonly path: string,
    scanned: ScannedSegment<LineTag>,
    positions: LinePositions,
  ) {
    super(scanned.start, scanned.end, positions);
    this.kind = scanned.kind;
    this.order = scanned.order;
    this.codes = scanned.codes;
    this.attributes = scanned.attributes;
    this.outerStart = scanned.outerStart;
    this.outerEnd = scanned.outerEnd;
    this.excerpts = scanned.excerpts;
    this.tags = scanned.tags;
  }

  get range(): TextSpan {
    return this;
  }

  get outerRange(): TextSpan {
    if (this.outerStart === this.start && this.outerEnd === this.end) return this;
    return new LineSpan(this.outerStart, this.outerEnd, this.positions);
  }

  get text(): string {
    return this.excerpts.between(this.start, this.end);
  }
}
