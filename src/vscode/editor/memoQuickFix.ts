import * as vscode from 'vscode';
import { memoNameSuggestions } from '../../core';
import type { ReviewSession } from '../reviewSession';

/**
 * Quick fixes on "memo about a code, theme or study the review does not have": change the
 * name to one of the closest the review has (edit distance), which also finds the new name
 * after a rename or merge done outside QualSynth that missed the memo. One edit of the name.
 */
export class MemoTargetQuickFix implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly session: ReviewSession) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const diagnostics = context.diagnostics.filter((diagnostic) => diagnostic.source === 'QualSynth' && diagnostic.code === 'memo-unknown-target');
    const current = diagnostics.length > 0 ? await this.session.memoOf(document) : undefined;
    if (!current) return [];
    return diagnostics.flatMap((diagnostic) => {
      const written = document.getText(diagnostic.range);
      const hash = written.startsWith('#') ? '#' : '';
      const suggestions = memoNameSuggestions(current.review.index, current.memo, written.slice(hash.length), document.offsetAt(diagnostic.range.start) + hash.length);
      return suggestions.map((name, order) => {
        const action = new vscode.CodeAction(vscode.l10n.t('Change to {0}', `${hash}${name}`), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, `${hash}${name}`);
        action.diagnostics = [diagnostic];
        action.isPreferred = order === 0;
        return action;
      });
    });
  }
}
