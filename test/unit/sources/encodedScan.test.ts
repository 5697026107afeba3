/**
 * A worker posts each study's scan as typed arrays (`encodedScan.ts`): decoding must
 * give back exactly the scan it was made from, so the index is the same on one thread
 * or two.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { readFrontMatter } from '../../../src/core/frontMatter';
import { decodeScan, encodeScan } from '../../../src/core/sources/encodedScan';
import { scanTags, type ScannedTag } from '../../../src/core/syntax/scanTags';
import { isTag, notTag } from '../core/tagCases';

const plainTag = (code: string, start: number, end: number): ScannedTag => ({ code, start, end });

function assertRoundTrip(text: string, what: string): void {
  const bodyStart = readFrontMatter(text).bodyStart;
  const scanned = scanTags(text, bodyStart);
  const decoded = decodeScan(encodeScan(scanned), text, plainTag);
  assert.deepEqual(decoded, scanned, what);
  // Shared objects stay shared: a segment's tags are the study's tag objects.
  for (const segment of decoded.segments) for (const tag of segment.tags) assert.ok(decoded.tags.includes(tag), `${what}: a segment's tag is in the study's list`);
}

describe('encoded scans (what the source worker posts)', () => {
  it('decode to the scan they were made from: every tag rule case', () => {
    for (const [name, text] of isTag) assertRoundTrip(text, name);
    for (const [name, text] of notTag) assertRoundTrip(text, name);
  });

  it('decode to the scan they were made from: the demo review, attributes, errors and nesting', () => {
    const studies = nodePath.resolve(__dirname, '../../../examples/peer-support/studies');
    const files = readdirSync(studies).filter((name) => name.endsWith('.md'));
    assert.ok(files.length > 20, 'the demo review is there');
    for (const file of files) assertRoundTrip(readFileSync(nodePath.join(studies, file), 'utf8'), file);
    assertRoundTrip('[outer [inner]{#a coder="jb"} text]{#b #c memo=\'why\'} #d\n\n> [quoted]{#e}\n> more #f\n\n#g #h\n\n[broken]{#', 'hand-made');
    assertRoundTrip('', 'empty');
  });
});
