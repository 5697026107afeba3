/** What the main thread and the source worker tell each other. */
import type { StudySource } from './studySource';

/** A job for the worker: the files to read and the counter both threads claim them with. */
export interface SourceJob {
  readonly job: number;
  /** Absolute file names, in the order of `paths`. */
  readonly files: readonly string[];
  /** Review-relative paths. */
  readonly paths: readonly string[];
  /** One Int32: the index of the next unclaimed file. */
  readonly cursor: SharedArrayBuffer;
}

/** A batch of sources of a job; `done` on its last one. */
export interface SourceBatch {
  readonly job: number;
  readonly sources: readonly StudySource[];
  readonly done?: boolean;
}
