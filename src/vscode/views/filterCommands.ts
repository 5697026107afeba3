import * as vscode from 'vscode';
import { FilterSyntaxError, formatFilter, parseFilter } from '../../core';
import type { ReviewSession } from '../reviewSession';
import type { StudiesTreeProvider } from './studiesTree';
import { groupingKeys } from './studyGrouping';
import { registerReviewCommand } from '../reviewCommand';
import type { ViewFilter } from './viewFilter';

/**
 * Registers the filter commands of the views (by study attribute, by text, clear) and
 * Group Studies By…. Each takes its value as an argument, or asks for it.
 */
export function registerFilterCommands(session: ReviewSession, filter: ViewFilter, studies: StudiesTreeProvider): vscode.Disposable[] {
  return [
    registerReviewCommand(session, 'qualsynth.filterViews', async (_review, _root, given) => {
      const text = typeof given === 'string' ? given : await askAttributeFilter(formatFilter(filter.state.studies));
      if (text === undefined) return false;
      await filter.setStudies(parseFilter(text));
      return true;
    }),
    registerReviewCommand(session, 'qualsynth.filterViewsByText', async (_review, _root, given) => {
      const text =
        typeof given === 'string'
          ? given
          : await vscode.window.showInputBox({ prompt: vscode.l10n.t('Show codes whose name or definition, or segments whose text, contains…'), value: filter.state.text, placeHolder: 'pay' });
      if (text === undefined) return false;
      await filter.setText(text);
      return true;
    }),
    vscode.commands.registerCommand('qualsynth.clearViewFilter', () => filter.clear()),
    registerReviewCommand(session, 'qualsynth.groupStudiesBy', async (review, _root, given) => {
      if (typeof given === 'string' || given === null) {
        await studies.setGroupBy(given || undefined);
        return true;
      }
      const none = { label: vscode.l10n.t('$(list-flat) No grouping'), key: undefined };
      const keys = groupingKeys(review.index.studies()).map((key) => ({ label: key, key, picked: key === studies.groupBy }));
      const picked = await vscode.window.showQuickPick([none, ...keys], { placeHolder: vscode.l10n.t('Group studies by the attribute…') });
      if (!picked) return false;
      await studies.setGroupBy(picked.key);
      return true;
    }),
  ];
}

/** Asks for an attribute filter, checking its syntax as it is typed. */
function askAttributeFilter(value: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    prompt: vscode.l10n.t('Show only studies whose attributes match (empty: all studies). Conditions: = != > >= < <= ~ (contains); ";" between them.'),
    placeHolder: 'perspective=recipients; year>=2005; casp.findings=yes',
    value,
    validateInput: (text) => {
      try {
        parseFilter(text);
        return undefined;
      } catch (error) {
        if (error instanceof FilterSyntaxError) return error.message;
        throw error;
      }
    },
  });
}
