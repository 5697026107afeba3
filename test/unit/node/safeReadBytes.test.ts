import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readReviewFile } from '../../../src/node/files/safeRead';

describe('safe reads: every byte of a file, whatever its size', () => {
  let root: string;
  before(() => (root = mkdtempSync(path.join(os.tmpdir(), 'qualsynth-read-'))));
  after(() => rmSync(root, { recursive: true, force: true }));

  // Sizes around the read's one spare byte and Node's 64 KiB read chunks.
  for (const size of [0, 1, 2, 4095, 4096, 65535, 65536, 65537, 1_000_001]) {
    it(`a file of ${size} bytes reads back whole`, async () => {
      const bytes = Buffer.alloc(size, 'é a\n');
      writeFileSync(path.join(root, `f${size}.md`), bytes);
      const read = await readReviewFile(root, async () => root, `f${size}.md`);
      assert.ok(read);
      assert.equal(Buffer.compare(Buffer.from(read), readFileSync(path.join(root, `f${size}.md`))), 0);
      assert.equal(read.length, size);
    });
  }
  it('a missing file reads as undefined', async () => {
    assert.equal(await readReviewFile(root, async () => root, 'absent.md'), undefined);
  });
});
