// Swaps in a fresh report when the config changes, so the page keeps its scroll position; the
// search section's buttons ask the extension to apply a candidate or to search again.
(function () {
  const vscode = acquireVsCodeApi();
  const report = document.getElementById('report');
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'update' && typeof message.html === 'string' && report) report.innerHTML = message.html;
    if (message && message.type === 'reveal') document.getElementById(message.id)?.scrollIntoView();
  });
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    if (button.dataset.apply !== undefined) vscode.postMessage({ type: 'apply', index: Number(button.dataset.apply) });
    if (button.dataset.search !== undefined) vscode.postMessage({ type: 'search' });
  });
})();
