import * as vscode from 'vscode';
import type { ReviewSession } from '../reviewSession';
import { registerCodeSelection } from './codeSelection';
import { RecentCodes } from './recentCodes';
import { CodeCompletionProvider } from './completion';
import { CodeDecorations } from './decorations';
import { ReviewDiagnostics } from './diagnostics';
import { CodeHoverProvider } from './hover';
import { ThemeMemoHoverProvider } from './memoHover';
import { MemoTargetQuickFix } from './memoQuickFix';
import { MemoStudyLinkProvider } from './memoStudyLinks';
import { registerNewMemo } from './newMemo';
import { CodeNavigationProvider } from './navigation';
import { UndefinedCodeQuickFix, registerAddToCodebook } from './quickFix';
import { CodeRenameProvider, registerCodeCommands } from './renameCode';
import { registerThemeRename } from './renameTheme';
import { CodeWorkspaceSymbolProvider, StudySymbolProvider } from './symbols';

/** Markdown files on disk: studies and the codebook (other Markdown is filtered out by path). */
const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'vscode-remote' }, { language: 'markdown', scheme: 'vscode-vfs' }];

/** What the editor features expose to other features and tests. */
export interface EditorFeatures {
  readonly decorations: CodeDecorations;
  readonly diagnostics: ReviewDiagnostics;
  readonly disposables: vscode.Disposable[];
}

/**
 * Registers the coding experience in the editor: sync, diagnostics, highlighting and providers.
 * @param state Where the recently used codes are kept.
 */
export function registerEditorFeatures(session: ReviewSession, state: vscode.Memento): EditorFeatures {
  const decorations = new CodeDecorations(session);
  const navigation = new CodeNavigationProvider(session);
  const diagnostics = new ReviewDiagnostics(session);
  const disposables: vscode.Disposable[] = [
    decorations,
    diagnostics,
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new CodeCompletionProvider(session), '#'),
    vscode.languages.registerHoverProvider(MARKDOWN, new CodeHoverProvider(session)),
    vscode.languages.registerHoverProvider(MARKDOWN, new ThemeMemoHoverProvider(session)),
    vscode.languages.registerDefinitionProvider(MARKDOWN, navigation),
    vscode.languages.registerReferenceProvider(MARKDOWN, navigation),
    vscode.languages.registerDocumentLinkProvider(MARKDOWN, new MemoStudyLinkProvider(session)),
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new StudySymbolProvider(session), { label: vscode.l10n.t('QualSynth codes') }),
    vscode.languages.registerWorkspaceSymbolProvider(new CodeWorkspaceSymbolProvider(session)),
    vscode.languages.registerRenameProvider(MARKDOWN, new CodeRenameProvider(session)),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new UndefinedCodeQuickFix(), { providedCodeActionKinds: UndefinedCodeQuickFix.kinds }),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new MemoTargetQuickFix(session), { providedCodeActionKinds: MemoTargetQuickFix.kinds }),
    registerAddToCodebook(session),
    ...registerCodeSelection(session, new RecentCodes(state)),
    ...registerCodeCommands(session),
    registerThemeRename(session),
    registerNewMemo(session),
  ];
  return { decorations, diagnostics, disposables };
}
