import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { exportProjectQdpx } from '../../../src/core/refi/exportProject';
import { importQdpx } from '../../../src/core/refi/importProject';
import { studyPlainText } from '../../../src/core/refi/plainText';
import { writeImportedReview } from '../../../src/node/refi/reviewFolder';
import { readZipSafely, type SafeZip } from '../../../src/core/refi/zipRead';
import type { Review } from '../../../src/core/review';
import { demoOrFixture, FIXTURE, openReview, tempDir } from './helpers';

/** What must survive a round trip: studies, codes, themes (with their codes) and coded passages. */
function shape(review: Review, root: string): { studies: string[]; codes: string[]; themes: string[]; passages: string[] } {
  const passages = review.index.studies().flatMap((study) => {
    const plain = studyPlainText(readFileSync(path.join(root, study.path), 'utf8'));
    return plain.segments.map((segment) => `${study.id} | ${[...segment.codes].sort().join(' ')} | ${plain.text.slice(...plain.plainRange(segment))}`);
  });
  return {
    studies: review.index.studies().map((study) => study.id).sort(),
    codes: review.index.codes().map((code) => code.name).sort(),
    themes: review.index.allThemes().map((theme) => `${theme.path.join(' > ')}: ${[...theme.codes].sort().join(' ')}`).sort(),
    passages: passages.sort(),
  };
}

async function roundTrip(dir: string): Promise<{ before: ReturnType<typeof shape>; after: ReturnType<typeof shape>; problems: readonly string[]; again: Uint8Array; first: Uint8Array }> {
  const original = await openReview(dir);
  const first = (await exportProjectQdpx(original)).data;
  const imported = importQdpx(first);
  const target = path.join(tempDir(), 'imported');
  await writeImportedReview(target, imported.files);
  const copy = await openReview(target);
  const again = (await exportProjectQdpx(copy)).data;
  return { before: shape(original, dir), after: shape(copy, target), problems: imported.problems, again, first };
}

describe('REFI-QDA round trip (export, then import into a new folder)', function () {
  this.timeout(20_000); // whole-review exports and xmllint runs: seconds on a busy 2-core machine
  for (const [label, dir] of [['the demo review (or the fixture when the demo is absent)', demoOrFixture()], ['the emoji / memo / nesting fixture', FIXTURE]] as const) {
    it(`keeps the studies, codes, themes and coded passages of ${label}`, async () => {
      const { before, after, problems } = await roundTrip(dir);
      assert.deepEqual(problems, []);
      assert.ok(before.passages.length > 0);
      assert.deepEqual(after.studies, before.studies);
      assert.deepEqual(after.codes, before.codes);
      assert.deepEqual(after.themes, before.themes);
      assert.deepEqual(after.passages, before.passages);
    });
  }

  it('keeps kinds, orders, coders and memos, and re-exports the same plain texts and offsets', async () => {
    const { first, again } = await roundTrip(FIXTURE);
    const emoji = importQdpx(first).files.find((file) => file.path === 'studies/emoji-2020.md')!.content;
    assert.match(emoji, /> "I waited 😀 for 𝒳 weeks\." \(participant\) #waiting\n/);
    // coder="jb" is Jo Bellweather, the first reviewer: the review's default coder, whom a span without coder= names.
    assert.match(emoji, /\[first 😀 span\]\{#hope memo="Note with \\"quotes\\" and 𝒳"\}/);
    assert.match(emoji, /\[outer \[inner 𝒳\]\{#coping\/humour\} tail\]\{#waiting coder="PR"\}/);
    const [before, after] = [readZipSafely(first), readZipSafely(again)];
    const texts = (zip: SafeZip): string[] => zip.names.filter((name) => name.startsWith('sources/')).map((name) => `${name}\n${decode(zip.read(name))}`);
    assert.deepEqual(texts(after), texts(before));
    const positions = (zip: SafeZip): string[] => [...decode(zip.read('project.qde')).matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)].map((match) => `${match[1]}-${match[2]}`);
    assert.deepEqual(positions(after), positions(before));
  });
});

function decode(bytes: Uint8Array | undefined): string {
  return new TextDecoder().decode(bytes);
}
