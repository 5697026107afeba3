import type { Review, SearchCorpus } from '../../core';
import type { ReviewSession } from '../reviewSession';
import type { StudyTexts } from './studyTexts';

/** Most milliseconds of reader-text building before yielding to the event loop. */
const SLICE_MS = 8;
/** After an index update (a keystroke, a saved file) the preparation waits this long for quiet. */
const QUIET_MS = 300;

/**
 * Prepares every study's reader text once the review has loaded, so the session's
 * first search runs only the regular expression: the texts are read asynchronously
 * (`StudyTexts`, the same kept texts the searches use), then the reader texts are
 * built a slice at a time — at most `SLICE_MS` of work, then a yield to the event
 * loop — so a keystroke, a re-index or a view waits at most one slice; and while the
 * index is being updated (typing) it steps aside until `QUIET_MS` have passed. A study that
 * changes later is rebuilt by the next search that reads it (only that one). A search
 * that starts before this ends builds the rest itself; this then finds them built.
 */
export class ReaderTextsInBackground {
  private cancelled = false;
  /** How the preparation went: studies prepared, slices run and the longest of them in milliseconds (benchmark, tests). */
  readonly stats = { studies: 0, slices: 0, longestSliceMs: 0 };
  private running: Promise<void> = Promise.resolve();
  private readonly subscription: { dispose(): void };
  private readonly updates: { dispose(): void };
  private lastUpdate = 0;

  constructor(
    private readonly session: ReviewSession,
    private readonly texts: StudyTexts,
    private readonly corpus: SearchCorpus,
  ) {
    this.subscription = session.whenLoaded((loaded) => {
      if (loaded) this.running = this.prepare(loaded.review).catch(() => undefined);
    });
    this.updates = session.onDidUpdate(() => (this.lastUpdate = performance.now()));
  }

  /** Resolves once the preparation started at load has ended (benchmark, tests). */
  async done(): Promise<void> {
    await this.session.loaded();
    await this.running;
  }

  dispose(): void {
    this.cancelled = true;
    this.subscription.dispose();
    this.updates.dispose();
  }

  private async prepare(review: Review): Promise<void> {
    await yieldToEventLoop();
    if (this.cancelled) return;
    const studies = [...(await this.texts.current(review))];
    let next = 0;
    while (next < studies.length && !this.cancelled) {
      const quietIn = this.lastUpdate + QUIET_MS - performance.now();
      if (quietIn > 0) {
        await yieldToEventLoop(quietIn);
        continue;
      }
      const started = performance.now();
      for (; next < studies.length && performance.now() < started + SLICE_MS; next++) this.corpus.prepare(...studies[next]);
      this.stats.studies = next;
      this.stats.slices++;
      this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, performance.now() - started);
      await yieldToEventLoop();
    }
  }
}

/** Lets timers, events and messages waiting in the event loop run, for at least `ms` (setTimeout: the web worker has no setImmediate). */
function yieldToEventLoop(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
