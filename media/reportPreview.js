// QualSynth report preview: sends clicked links to the extension, which opens the study
// at the quoted line (the webview itself never navigates). In-page links (`#anchor`: the
// Contents, the ENTREQ and eMERGe "In this report" columns) need nothing here: VS Code's
// webview host scrolls to the element with that id on any click, prevented or not
// (test/e2e/previewLinkChecks.mjs); the extension ignores their message.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link) return;
    event.preventDefault();
    vscode.postMessage({ type: 'open', href: link.getAttribute('href') });
  });
})();
