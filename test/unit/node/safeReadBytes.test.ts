import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { asyncFileOps, syncFileOps } from '../../../src/node/files/fileOps';
import { readReviewFile } from '../../../src/node/files/safeRead';

describe('safe reads: every byte of a file, whatever its size', () => {
  let root: string;
  before(() => (root = mkdtempSync(path.join(os.tmpdir(), 'qualsynth-read-'))));
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const [kind, ops] of [['through the thread pool', asyncFileOps], ['synchronously (the CLI)', syncFileOps]] as const) {
    // Sizes around the read's one spare byte and Node's 64 KiB read chunks.
    for (const size of [0, 1, 2, 4095, 4096, 65535, 65536, 65537, 1_000_001]) {
      it(`${kind}: a file of ${size} bytes reads back whole`, async () => {
        writeFileSync(path.join(root, `f${size}.md`), Buffer.alloc(size, 'é a\n'));
        const read = await readReviewFile(root, async () => root, `f${size}.md`, ops);
        assert.ok(read);
        assert.equal(Buffer.compare(Buffer.from(read), readFileSync(path.join(root, `f${size}.md`))), 0);
        assert.equal(read.length, size);
      });
    }
    it(`${kind}: a missing file reads as undefined, a folder is refused`, async () => {
      assert.equal(await readReviewFile(root, async () => root, 'absent.md', ops), undefined);
      assert.equal(await readReviewFile(root, async () => root, 'absent/deeper.md', ops), undefined);
      mkdirSync(path.join(root, 'folder.md'), { recursive: true });
      await assert.rejects(readReviewFile(root, async () => root, 'folder.md', ops), /is a folder, not a regular file/);
    });
  }
});
