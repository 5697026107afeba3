/** Small helpers shared by the core unit tests. */
import { parseStudy } from '../../../src/core/study';
import type { Segment, Study } from '../../../src/core/model';

/** Parses a study body (no front matter unless given). */
export function study(text: string, path = 'studies/s.md'): Study {
  return parseStudy(path, text);
}

/** The codes of every tag in a text, in source order. */
export function tagCodes(text: string): string[] {
  return study(text).tags.map((tag) => tag.code);
}

/** The source text each tag range covers. */
export function tagTexts(text: string): string[] {
  return study(text).tags.map((tag) => text.slice(tag.range.start, tag.range.end));
}

/** A compact view of segments: kind, order, codes and the source text of the range. */
export function segmentView(text: string): Array<{ kind: string; order: string; codes: string; source: string; text: string }> {
  return study(text).segments.map((segment: Segment) => ({
    kind: segment.kind,
    order: segment.order,
    codes: segment.codes.join(' '),
    source: text.slice(segment.range.start, segment.range.end),
    text: segment.text,
  }));
}
