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
