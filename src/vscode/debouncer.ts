/**
 * Runs an action once after a burst of triggers: the index fires once per file, and a
 * `git checkout` or a replace-all touches hundreds of files; the views redraw once.
 */
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest trigger not yet acted on arrived, or `undefined` when none waits. */
  private pendingSince: number | undefined;

  /**
   * @param action What to run.
   * @param delayMs Quiet time after the last trigger before running.
   * @param maxWaitMs Longest a trigger waits during a steady stream (e.g. fast typing).
   */
  constructor(
    private readonly action: () => void,
    private readonly delayMs = 200,
    private readonly maxWaitMs = 1000,
  ) {}

  /** True while a run is scheduled. */
  get pending(): boolean {
    return this.pendingSince !== undefined;
  }

  /** Asks for a run after the quiet time (or at the latest `maxWaitMs` after the first ask). */
  trigger(): void {
    const now = Date.now();
    this.pendingSince ??= now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.pendingSince + this.maxWaitMs - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Runs now if a run is scheduled. */
  flush(): void {
    if (this.pendingSince === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingSince = undefined;
    this.action();
  }

  /** Forgets a scheduled run (the caller has just done the work). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingSince = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}
