/**
 * Large reviews are read on two threads (`src/core/sources/`): the index must be the
 * same as the one read on one thread, unreadable files must still become problems,
 * and a worker that cannot start or dies must cost nothing but speed.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { buildSync } from 'esbuild';
import { toJsonIndex } from '../../../src/core/jsonIndex';
import { NodeReviewHost } from '../../../src/node/nodeHost';
import { loadReview } from '../../../src/core/review';
import { readStudySources } from '../../../src/core/sources/readStudySources';
import { studySource, type StudySource } from '../../../src/core/sources/studySource';
import { generateReview, writeReview } from '../../bench/reviewGenerator';

describe('reading a large review on two threads', function () {
  this.timeout(60_000);
  let scratch: string;
  let review: string;
  let worker: string;

  before(async () => {
    scratch = mkdtempSync(nodePath.join(tmpdir(), 'qualsynth-sources-'));
    worker = nodePath.join(scratch, 'sourceWorker.js');
    const entry = nodePath.resolve(__dirname, '../../../src/core/sources/sourceWorker.ts');
    buildSync({ entryPoints: [entry], outfile: worker, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    review = nodePath.join(scratch, 'review');
    await writeReview(review, generateReview({ studies: 150, sizeKB: 4, codes: 30, seed: 7 }));
    writeFileSync(nodePath.join(review, 'studies', 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]));
    writeFileSync(nodePath.join(review, 'studies', 'latin1.md'), Buffer.from('caf\xe9 #a\n', 'latin1'));
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  const indexWith = async (sourceWorker: string | false): Promise<string> => JSON.stringify(toJsonIndex(await loadReview(new NodeReviewHost(review, { sourceWorker }))));

  it('builds the same index, excerpts and problems included, as one thread does', async () => {
    const oneThread = await indexWith(false);
    const twoThreads = await indexWith(worker);
    assert.ok(oneThread.includes('is a binary file') && oneThread.includes('is not valid UTF-8'), 'the unreadable files are problems');
    assert.equal(twoThreads, oneThread);
  });

  it('uses the worker: it reads most files, each file is delivered once', async () => {
    const paths = Array.from({ length: 120 }, (_, index) => `studies/study-${String(index + 1).padStart(4, '0')}.md`);
    const host = new NodeReviewHost(review, { sourceWorker: false });
    let readHere = 0;
    const sources: StudySource[] = [];
    // A slow calling thread (as when it is busy indexing) leaves the rest to the worker.
    const slowReadHere = async (index: number): Promise<StudySource> => {
      readHere++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return studySource(paths[index], await host.readFile(paths[index]));
    };
    for await (const batch of readStudySources(paths, paths.map((path) => host.absolute(path)), worker, slowReadHere)) {
      sources.push(...batch);
    }
    assert.deepEqual(sources.map((source) => source.path).sort(), paths);
    assert.ok(readHere < paths.length / 2, `the calling thread read ${readHere} of ${paths.length} files itself`);
  });

  it('reads every file on the calling thread when the worker script is missing or dies', async () => {
    const oneThread = await indexWith(false);
    assert.equal(await indexWith(nodePath.join(scratch, 'no-such-worker.js')), oneThread);
    const dying = nodePath.join(scratch, 'dying.js');
    writeFileSync(dying, 'throw new Error("worker failed");');
    assert.equal(await indexWith(dying), oneThread);
  });
});
