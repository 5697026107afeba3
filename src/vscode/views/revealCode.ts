import * as vscode from 'vscode';
import { REVEAL_CODE_COMMAND } from '../commandIds';
import { codeArgument } from '../codeArgument';
import type { ReviewSession } from '../reviewSession';
import type { ThemesTreeProvider } from './themesTree';
import { registerReviewCommand } from '../reviewCommand';
import type { ViewFilter } from './viewFilter';

/**
 * Registers `qualsynth.revealCode` (the hover's "Reveal in Themes view" link): shows
 * the Themes view with the code selected, under its first theme (or its group). A code
 * hidden by the filter is revealed after the user agrees to clear the filter.
 */
export function registerRevealCode(session: ReviewSession, themes: ThemesTreeProvider, filter: ViewFilter): vscode.Disposable {
  return registerReviewCommand(session, REVEAL_CODE_COMMAND, async (review, _root, argument) => {
    const code = await codeArgument(review, session, argument, vscode.l10n.t('Code to reveal in the Themes view'));
    if (!code || !themes.view) return false;
    if (!review.index.getCode(code)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: #{0} is neither defined nor used in this review.', code));
      return false;
    }
    let item = await themes.findCode(code);
    if (!item && filter.description) {
      const clear = vscode.l10n.t('Clear Filter');
      const answer = await vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: #{0} is hidden by the filter {1}.', code, filter.description), clear);
      if (answer !== clear) return false;
      await filter.clear();
      item = await themes.findCode(code);
    }
    if (!item) return false;
    await themes.view.reveal(item, { select: true, focus: true, expand: false });
    return true;
  });
}
