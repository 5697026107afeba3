/**
 * Invariants of a parsed study: every tag's range is `#` + its code in the text
 * (modulo NFC), every segment lies inside the text, spans nest without partial
 * overlap, and a span's outer range (the `[…]{…}` syntax) contains its content.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Segment, TextSpan } from '../../../src/core/model';
import { parseStudy } from '../../../src/core/study';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { arbitraryText, markdownDocument } from './arbitraries';
import { CHEAP_RUNS, propertyParameters } from './settings';

function assertInside(range: TextSpan, text: string, lines: LineIndex, what: string): void {
  assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length, `${what} ${range.start}-${range.end} outside 0-${text.length}`);
  assert.deepEqual(range.startPosition, lines.positionAt(range.start), `${what} start position`);
  assert.deepEqual(range.endPosition, lines.positionAt(range.end), `${what} end position`);
}

function contains(outer: TextSpan, inner: TextSpan): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function assertWellNested(spans: readonly Segment[]): void {
  for (const a of spans) {
    for (const b of spans) {
      if (a === b) continue;
      const disjoint = a.outerRange.end <= b.outerRange.start || b.outerRange.end <= a.outerRange.start;
      assert.ok(disjoint || contains(a.outerRange, b.outerRange) || contains(b.outerRange, a.outerRange), `spans ${a.outerRange.start}-${a.outerRange.end} and ${b.outerRange.start}-${b.outerRange.end} overlap`);
    }
  }
}

describe('property: tag and segment ranges', function () {
  this.timeout(120_000);
  const inputs = fc.oneof(markdownDocument, arbitraryText);

  it('every tag range is `#` + its code, inside the text', () => {
    fc.assert(
      fc.property(inputs, (text) => {
        const study = parseStudy('s.md', text);
        const lines = new LineIndex(text);
        for (const tag of [...study.tags, ...study.segments.flatMap((segment) => segment.tags)]) {
          assertInside(tag.range, text, lines, 'tag');
          const source = text.slice(tag.range.start, tag.range.end);
          assert.equal(source[0], '#');
          assert.equal(source.slice(1).normalize('NFC'), tag.code);
        }
      }),
      propertyParameters('tag ranges are #code', CHEAP_RUNS),
    );
  });

  it('segments lie in the text; spans nest and their outer range holds the content', () => {
    fc.assert(
      fc.property(inputs, (text) => {
        const study = parseStudy('s.md', text);
        const lines = new LineIndex(text);
        for (const segment of study.segments) {
          assertInside(segment.range, text, lines, 'segment');
          assertInside(segment.outerRange, text, lines, 'outer range');
          assert.ok(contains(segment.outerRange, segment.range), 'outer range holds the range');
          assert.ok(segment.codes.length > 0, 'a segment has a code');
          assert.deepEqual(new Set(segment.codes), new Set(segment.tags.map((tag) => tag.code)), 'codes are the tags\' codes');
        }
        const spans = study.segments.filter((segment) => segment.kind === 'span');
        for (const span of spans) assert.equal(text[span.outerRange.start], '[');
        assertWellNested(spans);
      }),
      propertyParameters('spans nest, outer ranges hold ranges', CHEAP_RUNS),
    );
  });
});
