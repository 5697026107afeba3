/**
 * Reads many study files on two threads. A worker reads, decodes and reads the front
 * matter of files while the calling thread builds the index from what it has posted;
 * whenever nothing has arrived, the calling thread claims the next file itself, so the
 * worker's start-up is not idle time. Both claim files from one shared counter.
 */
import { Worker } from 'node:worker_threads';
import type { StudySource } from './studySource';
import type { SourceWorkerData, SourceWorkerMessage } from './workerProtocol';

/**
 * Yields the sources of `paths` in batches, in no particular order. `readHere` reads
 * one file on the calling thread: for files claimed there, and for any the worker
 * claimed but never posted (it failed). Without a worker every file is read here.
 */
export async function* readStudySources(
  paths: readonly string[],
  files: readonly string[],
  workerScript: string,
  readHere: (index: number) => Promise<StudySource>,
): AsyncGenerator<readonly StudySource[]> {
  const cursor = new SharedArrayBuffer(4);
  const claimed = new Int32Array(cursor);
  const inbox = new WorkerInbox(workerScript, { files, paths, cursor });
  const delivered = new Set<string>();
  try {
    for (;;) {
      const batch = inbox.take();
      if (batch) {
        for (const source of batch) delivered.add(source.path);
        yield batch;
        continue;
      }
      const index = Atomics.add(claimed, 0, 1);
      if (index < paths.length) {
        delivered.add(paths[index]);
        yield [await readHere(index)];
      } else if (inbox.done) {
        break;
      } else {
        await inbox.next();
      }
    }
    for (let index = 0; index < paths.length; index++) {
      if (!delivered.has(paths[index])) yield [await readHere(index)];
    }
  } finally {
    inbox.close();
  }
}

/** The worker and the batches it has posted; `done` once it has finished or failed. */
class WorkerInbox {
  done = false;
  private readonly batches: Array<readonly StudySource[]> = [];
  private readonly worker: Worker | undefined;
  private wake: (() => void) | undefined;

  constructor(script: string, data: SourceWorkerData) {
    try {
      this.worker = new Worker(script, { workerData: data });
    } catch {
      this.done = true; // no worker here: the calling thread reads every file
      return;
    }
    this.worker.on('message', (message: SourceWorkerMessage) => {
      if (message.sources.length > 0) this.batches.push(message.sources);
      if (message.done) this.finish();
      else this.notify();
    });
    this.worker.on('error', () => this.finish());
    this.worker.on('exit', () => this.finish());
  }

  take(): readonly StudySource[] | undefined {
    return this.batches.shift();
  }

  /** Resolves when a batch arrives or the worker is done. */
  next(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  close(): void {
    this.done = true;
    void this.worker?.terminate();
  }

  private finish(): void {
    this.done = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
