import type * as vscode from 'vscode';

/** Codes kept, most recent first. */
const MAX_RECENT = 10;
/** Where the list is kept (per workspace, so it survives reloads). */
const STATE_KEY = 'qualsynth.recentCodes';

/**
 * The codes the researcher applied last, most recent first: the picker lists them
 * first, and "Code with Recent Code" applies the first one again.
 */
export class RecentCodes {
  constructor(private readonly state: vscode.Memento) {}

  /** The recent codes, most recent first. */
  get codes(): readonly string[] {
    const stored = this.state.get<unknown>(STATE_KEY);
    return Array.isArray(stored) ? stored.filter((code): code is string => typeof code === 'string') : [];
  }

  /** Puts `codes` first (the first of them first), once each. */
  async use(codes: readonly string[]): Promise<void> {
    const next = [...new Set([...codes, ...this.codes])].slice(0, MAX_RECENT);
    await this.state.update(STATE_KEY, next);
  }
}
