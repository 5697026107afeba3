import type * as vscode from 'vscode';
import type { LoadEngines, ReviewHost } from '../core';
import type { CodingResultPanel } from './git/codingResultPanel';
import type { ReviewSession } from './reviewSession';

/**
 * What differs between the desktop extension (Node extension host) and the web one
 * (web worker extension host: vscode.dev, github.dev). `src/extension.ts` and
 * `src/extension.browser.ts` each pass theirs to the one activation,
 * `src/extension.shared.ts`; no feature asks which platform it runs on.
 */
export interface Platform {
  /** How a review root's files are read. */
  hostFor(root: vscode.Uri): ReviewHost;
  /** The manuscript engines (citation engine, Word writer, rasteriser), loaded on first use. */
  readonly loadEngines: LoadEngines;
  /** The git commands: working ones where a local git runs (showing their results in `codingResults`), else ones that say why they cannot. */
  registerGitCommands(session: ReviewSession, extensionUri: vscode.Uri, codingResults: CodingResultPanel): vscode.Disposable[];
}
