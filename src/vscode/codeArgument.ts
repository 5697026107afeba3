import * as vscode from 'vscode';
import { countOf, type Review, tagAt, type TagOccurrence } from '../core';
import type { ReviewSession } from './reviewSession';

/**
 * The code a command was given: a name, a tree item with `code`, the tag under the
 * cursor, or else asked for. Shared by the editor's and the views' commands.
 */
export async function codeArgument(review: Review, session: ReviewSession, argument: unknown, prompt: string): Promise<string | undefined> {
  if (typeof argument === 'string') return argument;
  if (argument && typeof argument === 'object' && typeof (argument as { code?: unknown }).code === 'string') return (argument as { code: string }).code;
  const tag = await tagAtCursor(session);
  if (tag) return tag.code;
  const picked = await vscode.window.showQuickPick(
    review.index.codes().map((code) => ({ label: `#${code.name}`, description: countOf(code.segmentCount, 'segment'), code: code.name })),
    { placeHolder: prompt, matchOnDescription: true },
  );
  return picked?.code;
}

/** The tag under the cursor of the active editor, if it is in a study. */
async function tagAtCursor(session: ReviewSession): Promise<TagOccurrence | undefined> {
  const editor = vscode.window.activeTextEditor;
  const current = editor && (await session.studyOf(editor.document));
  return current && tagAt(current.study, editor.document.offsetAt(editor.selection.active));
}
