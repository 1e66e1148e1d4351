// Swaps in a fresh report when the config changes, so the page keeps its scroll position.
(function () {
  const report = document.getElementById('report');
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'update' && typeof message.html === 'string' && report) report.innerHTML = message.html;
  });
})();
