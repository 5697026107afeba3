/**
 * Reads many study files on two threads. A worker reads, decodes, reads the front
 * matter of and scans files while the calling thread builds the index from what it
 * has posted; whenever nothing has arrived, the calling thread claims the next file
 * itself, so neither thread waits for the other. Both claim files from one shared
 * counter. The worker stays for the next load (its compiled code warm) until idle.
 */
import { Worker } from 'node:worker_threads';
import type { StudySource } from './studySource';
import type { SourceBatch, SourceJob } from './workerProtocol';

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
  const inbox = SourceWorker.start(workerScript, { job: nextJob++, files, paths, cursor });
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
    inbox.finish();
  }
}

let nextJob = 1;
/** A worker waits this long for its next job before it ends. */
const IDLE_MS = 30_000;

/** One worker per script, idle between jobs; it runs one job at a time. */
class SourceWorker {
  private static idle = new Map<string, SourceWorker>();

  done = false;
  /** Set once the worker has died: it is never given another job. */
  private failed = false;
  private readonly batches: Array<readonly StudySource[]> = [];
  private wake: (() => void) | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private job = 0;

  private constructor(
    private readonly script: string,
    private readonly worker: Worker | undefined,
  ) {
    if (!worker) return;
    worker.on('message', (batch: SourceBatch) => this.receive(batch));
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
  }

  /** The idle worker for `script` (or a new one) with `job` started. */
  static start(script: string, job: SourceJob): SourceWorker {
    let worker = SourceWorker.idle.get(script);
    SourceWorker.idle.delete(script);
    if (!worker || worker.failed) worker = new SourceWorker(script, spawn(script));
    clearTimeout(worker.idleTimer);
    worker.job = job.job;
    worker.worker?.ref(); // a job keeps the process alive until it is read
    worker.worker?.postMessage(job);
    if (!worker.worker) worker.done = true; // no worker here: the calling thread reads every file
    return worker;
  }

  take(): readonly StudySource[] | undefined {
    return this.batches.shift();
  }

  /** Resolves when a batch arrives or the job is over. */
  next(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  /** Ends the job: the worker waits for the next one, or ends after a while. */
  finish(): void {
    if (!this.worker || this.failed || !this.done || this.batches.length > 0) {
      void this.worker?.terminate(); // failed, or the reader stopped early: not reusable
      return;
    }
    this.done = false;
    this.worker.unref(); // an idle worker never keeps the process alive
    SourceWorker.idle.set(this.script, this);
    this.idleTimer = setTimeout(() => {
      if (SourceWorker.idle.get(this.script) === this) SourceWorker.idle.delete(this.script);
      void this.worker?.terminate();
    }, IDLE_MS).unref();
  }

  private receive(batch: SourceBatch): void {
    if (batch.job !== this.job) return;
    if (batch.sources.length > 0) this.batches.push(batch.sources);
    if (batch.done) this.done = true;
    this.notify();
  }

  private fail(): void {
    this.failed = true;
    this.done = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

function spawn(script: string): Worker | undefined {
  try {
    return new Worker(script);
  } catch {
    return undefined;
  }
}
