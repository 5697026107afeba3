// The Analysis panel's script: turns choices, sort headers, cell buttons and copy
// buttons into messages to the extension, which renders the next page. Focus comes
// back to the control that sent the message after the page is replaced.
(function () {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || {};
  const focusKey = (element) => element.id || (element.dataset.sort !== undefined ? `sort:${element.dataset.sort}` : element.dataset.row !== undefined ? `cell:${element.dataset.row}:${element.dataset.column}` : element.dataset.copy ? `copy:${element.dataset.copy}` : '');
  const remember = (element) => vscode.setState({ ...state, focus: focusKey(element) });
  if (state.focus) {
    const [kind, a, b] = state.focus.split(':');
    const target =
      kind === 'sort' ? document.querySelector(`[data-sort="${a}"]`) : kind === 'cell' ? document.querySelector(`[data-row="${a}"][data-column="${b}"]`) : kind === 'copy' ? document.querySelector(`[data-copy="${a}"]`) : document.getElementById(state.focus);
    if (target) target.focus();
  }
  document.addEventListener('change', (event) => {
    const select = event.target.closest('select[data-choice]');
    if (!select) return;
    remember(select);
    vscode.postMessage({ type: 'choose', choice: select.dataset.choice, value: select.value });
  });
  document.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    remember(button);
    if (button.dataset.sort !== undefined) vscode.postMessage({ type: 'sort', column: Number(button.dataset.sort) });
    else if (button.dataset.row !== undefined) vscode.postMessage({ type: 'open', row: Number(button.dataset.row), column: Number(button.dataset.column) });
    else if (button.dataset.copy) vscode.postMessage({ type: 'copy', format: button.dataset.copy });
  });
})();
