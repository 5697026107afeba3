/**
 * The worker thread of `readStudySources` (bundled as `dist/sourceWorker.js`): claims
 * study files one at a time from a counter it shares with the main thread, reads,
 * decodes and reads their front matter, and posts them in small batches.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { studySource, type StudySource } from './studySource';
import type { SourceWorkerData, SourceWorkerMessage } from './workerProtocol';

const BATCH_SIZE = 8;

function readBytes(file: string): Uint8Array | undefined | Error {
  try {
    // Synchronous: this thread does nothing else, and a sync read is several times cheaper.
    return readFileSync(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : (error as Error);
  }
}

function run({ files, paths, cursor }: SourceWorkerData): void {
  const claimed = new Int32Array(cursor);
  let batch: StudySource[] = [];
  const post = (message: SourceWorkerMessage): void => parentPort!.postMessage(message);
  for (let index = Atomics.add(claimed, 0, 1); index < paths.length; index = Atomics.add(claimed, 0, 1)) {
    batch.push(studySource(paths[index], readBytes(files[index])));
    if (batch.length === BATCH_SIZE) {
      post({ sources: batch });
      batch = [];
    }
  }
  post({ sources: batch, done: true });
}

run(workerData as SourceWorkerData);
