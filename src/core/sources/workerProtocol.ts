/** What the main thread and the source worker tell each other. */
import type { StudySource } from './studySource';

/** The worker's input: the files to read and the counter both threads claim them with. */
export interface SourceWorkerData {
  /** Absolute file names, in the order of `paths`. */
  readonly files: readonly string[];
  /** Review-relative paths. */
  readonly paths: readonly string[];
  /** One Int32: the index of the next unclaimed file. */
  readonly cursor: SharedArrayBuffer;
}

/** A batch of sources; `done` on the last one. */
export interface SourceWorkerMessage {
  readonly sources: readonly StudySource[];
  readonly done?: boolean;
}
