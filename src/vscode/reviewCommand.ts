import * as vscode from 'vscode';
import type { Review } from '../core';
import type { ReviewSession } from './reviewSession';

/** A command's body, given the open review, its root and the command's arguments. */
export type ReviewCommandBody = (review: Review, root: vscode.Uri, ...args: unknown[]) => Promise<unknown>;

/**
 * Registers a command that needs the review: it waits for the index to take in every
 * file event so far, says so when no review is open, and shows failures as error
 * messages (resolving to `undefined`) instead of leaving them in the log.
 */
export function registerReviewCommand(session: ReviewSession, id: string, body: ReviewCommandBody): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    const review = await session.current().catch(() => undefined);
    const root = session.root;
    if (!review || !root) {
      void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: no review is open.'));
      return undefined;
    }
    return showingErrors(() => body(review, root, ...args));
  });
}

/** Runs a command's work; a failure becomes an error message and resolves to `undefined`. */
export async function showingErrors<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('QualSynth: {0}', (error as Error).message));
    return undefined;
  }
}
