import * as vscode from 'vscode';
import { headingTitleProblem, moveCodeEdits, newThemeEdits, type Review, samePath } from '../../core';
import { toRange, toUri } from '../convert';
import { codeArgument } from '../codeArgument';
import type { ReviewSession } from '../reviewSession';
import { editCodebook } from '../codebookEdit';
import { firstThemeOf } from './themesDragAndDrop';
import { isViewItem, pickTheme, stringList, themeArgument } from '../viewArguments';
import { registerReviewCommand } from '../reviewCommand';

/**
 * Registers the commands that edit or open the codebook from the views: Move Code to
 * Theme…, New Theme…, New Sub-theme…, Reveal in Codebook. Each takes a tree item, or
 * plain values (a code name, a theme path, a title), or asks.
 */
export function registerCodebookCommands(session: ReviewSession): vscode.Disposable[] {
  return [
    registerReviewCommand(session, 'qualsynth.moveCodeToTheme', async (review, root, argument, target) => {
      const code = await codeArgument(review, session, argument, vscode.l10n.t('Code to move'));
      if (!code) return false;
      const from = (isViewItem(argument) && argument.kind === 'code' && argument.themePath) || firstThemeOf(review.index.codebook.definitions, code);
      const to = stringList(target) ?? (await pickTheme(review, vscode.l10n.t('Move #{0} to theme…', code), from));
      if (!to) return false;
      return editCodebook(review, root, (codebook, text) => moveCodeEdits(codebook, text, code, from, to));
    }),
    registerReviewCommand(session, 'qualsynth.newTheme', async (review, root, title) => {
      const name = typeof title === 'string' ? title : await askTitle(vscode.l10n.t('Title of the new theme'));
      if (!name) return false;
      return editCodebook(review, root, (codebook, text) => newThemeEdits(codebook, text, name));
    }),
    registerReviewCommand(session, 'qualsynth.newSubtheme', async (review, root, argument, title) => {
      const parent = await themeArgument(review, argument, vscode.l10n.t('Theme to add a sub-theme to'));
      if (!parent) return false;
      const name = typeof title === 'string' ? title : await askTitle(vscode.l10n.t('Title of the new sub-theme of {0}', parent[parent.length - 1]));
      if (!name) return false;
      return editCodebook(review, root, (codebook, text) => newThemeEdits(codebook, text, name, parent));
    }),
    registerReviewCommand(session, 'qualsynth.revealInCodebook', async (review, root, argument) => {
      const range = isViewItem(argument) && argument.kind === 'theme' ? argument.theme.range : await definitionRange(review, session, argument);
      if (!range) return false;
      await vscode.window.showTextDocument(toUri(root, review.config.codebook), { selection: toRange(range), preview: false });
      return true;
    }),
  ];
}

/** Asks for a theme title, checked as the core checks it (one line, no closing #, no memo path separator). */
function askTitle(prompt: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ prompt, validateInput: headingTitleProblem });
}

/** The definition line of a code: the one under the item's theme, else the first; `undefined` (and a message) when undefined. */
async function definitionRange(review: Review, session: ReviewSession, argument: unknown) {
  const code = await codeArgument(review, session, argument, vscode.l10n.t('Code to reveal in the codebook'));
  if (!code) return undefined;
  const definitions = review.index.codebook.definitions.filter((definition) => definition.code === code);
  const themePath = isViewItem(argument) && argument.kind === 'code' ? argument.themePath : undefined;
  const definition = definitions.find((candidate) => themePath && samePath(candidate.themePath, themePath)) ?? definitions[0];
  if (!definition) {
    void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: #{0} is not defined in the codebook. Use "Move Code to Theme…" to define it under a theme.', code));
    return undefined;
  }
  return definition.lineRange;
}
