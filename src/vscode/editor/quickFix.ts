import * as vscode from 'vscode';
import { addDefinitionEdits, parseCodebook, type Review } from '../../core';
import { toWorkspaceEdit } from '../convert';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';
import { applyIfUnchanged, currentTexts } from '../reviewTexts';

/** Command behind the quick fix: asks for a theme and adds the definition. */
export const ADD_TO_CODEBOOK_COMMAND = 'qualsynth.addCodeToCodebook';

/** Offers "Add #code to the codebook under…" on undefined-code warnings. */
export class UndefinedCodeQuickFix implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics
      .filter((diagnostic) => diagnostic.source === 'QualSynth' && diagnostic.code === 'undefined-code')
      .map((diagnostic) => {
        const code = document.getText(diagnostic.range).replace(/^#/, '');
        const action = new vscode.CodeAction(vscode.l10n.t('Add #{0} to the codebook under…', code), vscode.CodeActionKind.QuickFix);
        action.command = { command: ADD_TO_CODEBOOK_COMMAND, title: action.title, arguments: [code] };
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        return action;
      });
  }
}

/**
 * Registers the command: pick a theme, type the definition, and `- #code: definition`
 * goes under the theme. Escape at either step changes nothing; scripts may pass both.
 */
export function registerAddToCodebook(session: ReviewSession): vscode.Disposable {
  return vscode.commands.registerCommand(ADD_TO_CODEBOOK_COMMAND, async (code: string, themePath?: string[], givenDefinition?: string) => {
    if (!requireTrust(vscode.l10n.t('Adding a code to the codebook'))) return false;
    const review = await session.current();
    if (!review || !session.root) return false;
    const path = themePath ?? (await pickTheme(review));
    if (!path) return false;
    const definition = givenDefinition ?? (await askDefinition(code));
    if (definition === undefined) return false;
    const codebookPath = review.config.codebook;
    const texts = await currentTexts(session.root, [codebookPath]).catch(() => new Map([[codebookPath, '']]));
    const text = texts.get(codebookPath) ?? '';
    const edits = addDefinitionEdits(parseCodebook(codebookPath, text), text, path, code, definition.replace(/\s+/g, ' ').trim());
    const edit = toWorkspaceEdit(session.root, edits, texts);
    if (text === '') edit.createFile(vscode.Uri.joinPath(session.root, codebookPath), { ignoreIfExists: true });
    return applyIfUnchanged(session.root, edit, texts);
  });
}

/** The definition the researcher types (may be left empty); `undefined` on Escape. */
function askDefinition(code: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Add #{0} to the codebook', code),
    prompt: vscode.l10n.t('Definition of #{0}: which passages it codes (Enter on an empty line adds it without one)', code),
    placeHolder: vscode.l10n.t('e.g. Pay below that of colleagues doing similar work.'),
  });
}

async function pickTheme(review: Review): Promise<string[] | undefined> {
  const items = review.index.allThemes().map((theme) => ({ label: `${'  '.repeat(theme.depth - 1)}${theme.title}`, description: theme.path.slice(0, -1).join(' › '), path: [...theme.path] }));
  const picked = await vscode.window.showQuickPick([...items, { label: vscode.l10n.t('(no theme: add under "Uncategorised")'), description: '', path: [] as string[] }], { placeHolder: vscode.l10n.t('Theme to file the code under') });
  return picked?.path;
}
