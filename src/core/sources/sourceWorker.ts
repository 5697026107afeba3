/**
 * The worker thread of `readStudySources` (bundled as `dist/sourceWorker.js`). For each
 * job it claims study files one at a time from a counter it shares with the main
 * thread, reads and decodes them, reads their front matter, scans their bodies, and
 * posts them in small batches (the scans' arrays transferred, not copied).
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { transferables } from './encodedScan';
import { studySource, withScan, type StudySource } from './studySource';
import type { SourceBatch, SourceJob } from './workerProtocol';

const BATCH_SIZE = 8;

function readBytes(file: string): Uint8Array | undefined | Error {
  try {
    // Synchronous: this thread does nothing else, and a sync read is several times cheaper.
    return readFileSync(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : (error as Error);
  }
}

function post(batch: SourceBatch): void {
  const buffers = batch.sources.flatMap((source) => (source.kind === 'text' && source.scan ? transferables(source.scan) : []));
  parentPort!.postMessage(batch, buffers);
}

function run({ job, files, paths, cursor }: SourceJob): void {
  const claimed = new Int32Array(cursor);
  let sources: StudySource[] = [];
  for (let index = Atomics.add(claimed, 0, 1); index < paths.length; index = Atomics.add(claimed, 0, 1)) {
    sources.push(withScan(studySource(paths[index], readBytes(files[index]))));
    if (sources.length === BATCH_SIZE) {
      post({ job, sources });
      sources = [];
    }
  }
  post({ job, sources, done: true });
}

parentPort!.on('message', run);
