import * as vscode from 'vscode';
import { markdownToSafeHtml, type PassageLink } from '../../core';
import { openReviewLink } from '../reviewLinks';
import type { ReviewSession } from '../reviewSession';
import { isOpenLink, webviewOptions, webviewPage } from '../webviewPage';

/** The webview type of the panel. */
export const CODING_RESULT_VIEW = 'qualsynth.codingResult';
/** The command that opens the shown result as Markdown in an editor. */
export const OPEN_RESULT_AS_MARKDOWN = 'qualsynth.openCodingResultAsMarkdown';
/** The page's own link to that command (handled here, never navigated). */
const MARKDOWN_LINK = '#open-as-markdown';

/** Passages link to `studies/a.md#L12`, relative to the review root. */
export const passageLink: PassageLink = (path, line) => `${path}#L${line}`;

/** A result: its title and its Markdown, rendered with `collapsible: false` and `passageLink`. */
export interface CodingResult {
  readonly title: string;
  readonly markdown: string;
}

/**
 * The coding diff and the agreement results, rendered read-only in one webview panel
 * beside the editor, reused for every result (the same strict CSP and link handling as
 * the report preview). Each passage links to its study and line; "Open as Markdown"
 * (a link at the top, and a command) opens the same result as Markdown to copy into a
 * pull request or minutes.
 */
export class CodingResultPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private result: CodingResult | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly session: ReviewSession, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(vscode.commands.registerCommand(OPEN_RESULT_AS_MARKDOWN, () => this.openAsMarkdown()));
  }

  /** The open panel (tests read its HTML). */
  get currentPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Shows a result in the panel, creating it beside the editor or reusing the open one. */
  show(result: CodingResult): vscode.WebviewPanel {
    this.result = result;
    const panel = (this.panel ??= this.create());
    panel.title = result.title;
    const link = `<p><a href="${MARKDOWN_LINK}">${vscode.l10n.t('Open as Markdown')}</a></p>`;
    panel.webview.html = webviewPage(panel.webview, this.extensionUri, result.title, link + markdownToSafeHtml(result.markdown));
    panel.reveal(undefined, true);
    return panel;
  }

  /** Follows a link of the page, as a click does (tests call it; the webview's script posts it). */
  async followLink(href: string): Promise<boolean> {
    if (href === MARKDOWN_LINK) return (await this.openAsMarkdown()) !== undefined;
    return openReviewLink(this.session, href, '');
  }

  /** Opens the last result as Markdown in an untitled editor; `undefined` when none was shown. */
  async openAsMarkdown(): Promise<vscode.TextEditor | undefined> {
    if (!this.result) {
      void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: no coding comparison or agreement result to open; run Compare Coding with Revision… or Inter-coder Agreement… first.'));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ content: this.result.markdown, language: 'markdown' });
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Active, preview: false });
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private create(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(CODING_RESULT_VIEW, '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.extensionUri));
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => void (isOpenLink(message) && this.followLink(message.href)), undefined, this.disposables);
    return panel;
  }
}
