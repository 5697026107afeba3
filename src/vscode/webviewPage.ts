import * as vscode from 'vscode';
import { htmlDocument, newNonce } from './webviewSecurity';

export { escapeHtml } from './webviewSecurity';

/**
 * The page of QualSynth's read-only webviews (report preview, coding results): a strict
 * Content-Security-Policy with a per-load nonce, styles and the link script from
 * `media/` only, the sanitised body in `<main>`.
 */
export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, body: string): string {
  const nonce = newNonce();
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`, `script-src 'nonce-${nonce}'`, `font-src ${webview.cspSource}`].join('; ');
  const main = `<main id="report">${body}</main>\n<script nonce="${nonce}" src="${media('reportPreview.js')}"></script>`;
  return htmlDocument({ csp, styleHref: String(media('report.css')), title, body: main });
}

/** The webview options of those pages: scripts on, resources from `media/` only. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** What the pages' script may send: a link that was clicked (the webview never navigates). */
export interface OpenLinkMessage {
  readonly type: 'open';
  readonly href: string;
}

/** Whether a webview message is a well-formed link click (anything else is ignored). */
export function isOpenLink(message: unknown): message is OpenLinkMessage {
  return typeof message === 'object' && message !== null && (message as OpenLinkMessage).type === 'open' && typeof (message as OpenLinkMessage).href === 'string' && (message as OpenLinkMessage).href.length < 2048;
}
