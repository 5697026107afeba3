/**
 * Reads many git objects through one `git cat-file --batch` process: requests are
 * written one per line and answered in order, so a review of hundreds of studies costs
 * one process, not one per file. The process starts on the first request and ends
 * once no request has been waiting for a moment; a later request starts a new one.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError, spawnGit } from './runGit';

interface Waiting {
  readonly resolve: (bytes: Buffer | undefined) => void;
  readonly reject: (error: Error) => void;
}

/** How long an idle process is kept for the next request, in milliseconds. */
const IDLE_MS = 200;

/** A reader of git objects by id over a long-running `git cat-file --batch`. */
export class CatFileBatch {
  private session: BatchSession | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(private readonly cwd: string) {}

  /** The content of an object (by full id), or `undefined` when the object is missing. */
  read(objectId: string): Promise<Buffer | undefined> {
    if (!/^[0-9a-f]{40,64}$/.test(objectId)) return Promise.reject(new Error(`not an object id: ${objectId}`));
    this.cancelIdle();
    this.closing = false;
    if (this.session?.failed) this.session = undefined;
    this.session ??= new BatchSession(this.cwd, () => this.drained());
    return this.session.read(objectId);
  }

  /** Ends the process once every pending request has its answer. */
  close(): void {
    this.closing = true;
    if (!this.session?.busy) this.endSession();
  }

  private drained(): void {
    if (this.closing) return this.endSession();
    this.cancelIdle();
    this.idleTimer = setTimeout(() => this.endSession(), IDLE_MS);
    this.idleTimer.unref();
  }

  private endSession(): void {
    this.cancelIdle();
    this.session?.end();
    this.session = undefined;
  }

  private cancelIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

/** One `git cat-file --batch` process with its own queue and buffer. */
class BatchSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private waiting: Waiting[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private stderr = '';
  private failure: Error | undefined;

  constructor(cwd: string, private readonly onDrained: () => void) {
    const child = spawnGit(['cat-file', '--batch'], cwd);
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    child.stdin.on('error', () => undefined); // reported through 'exit' or 'error' below
    child.on('error', (error) => this.fail(new GitError(`could not run git: ${error.message}`, ['cat-file', '--batch'], '', null)));
    child.on('exit', (code) => this.fail(new GitError(`git cat-file stopped (exit ${code}): ${this.stderr.trim()}`, ['cat-file', '--batch'], this.stderr, code)));
  }

  /** True once the process has stopped or could not start. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** True while a request waits for its answer. */
  get busy(): boolean {
    return this.waiting.length > 0;
  }

  read(objectId: string): Promise<Buffer | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(`${objectId}\n`);
    });
  }

  end(): void {
    this.child.stdin.end();
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.waiting.length > 0) {
      const answer = this.nextAnswer();
      if (answer === 'incomplete') return;
      this.waiting.shift()!.resolve(answer);
      if (this.waiting.length === 0) this.onDrained();
    }
  }

  /** Parses one `<id> <type> <size>\n<bytes>\n` or `<name> missing\n` answer from the buffer. */
  private nextAnswer(): Buffer | undefined | 'incomplete' {
    const newline = this.buffer.indexOf(10);
    if (newline === -1) return 'incomplete';
    const fields = this.buffer.subarray(0, newline).toString('utf8').split(' ');
    if (fields.length !== 3 || !/^\d+$/.test(fields[2])) {
      this.buffer = this.buffer.subarray(newline + 1);
      return undefined; // `missing` or `ambiguous`
    }
    const end = newline + 1 + Number(fields[2]);
    if (this.buffer.length < end + 1) return 'incomplete';
    const content = Buffer.from(this.buffer.subarray(newline + 1, end));
    this.buffer = this.buffer.subarray(end + 1);
    return content;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = [];
    for (const entry of waiting) entry.reject(error);
  }
}
