/**
 * What every QualSynth webview page needs to be safe, pure (no `vscode`, so pages can be
 * unit-tested): text made inert in HTML, and a fresh nonce for the Content-Security-Policy.
 */

/** Text made inert in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** 24 random bytes in hex (no Node `Buffer`: the web extension runs this too). */
export function newNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What `htmlDocument` wraps: the policy, one stylesheet (`styleHref` is HTML already), the title, the body's HTML. */
export interface PageParts {
  readonly csp: string;
  readonly styleHref: string;
  readonly title: string;
  readonly body: string;
}

/** The document every QualSynth webview page shares: its CSP meta, one stylesheet and the escaped title around the body. */
export function htmlDocument(page: PageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${page.csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${page.styleHref}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
${page.body}
</body>
</html>`;
}
