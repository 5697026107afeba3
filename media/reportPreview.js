// QualSynth report preview: sends clicked links to the extension, which opens the study
// at the quoted line (the webview itself never navigates).
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link) return;
    event.preventDefault();
    vscode.postMessage({ type: 'open', href: link.getAttribute('href') });
  });
})();
