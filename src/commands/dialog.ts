/** The tiny message dialog opened by the ribbon commands: shows ?t= title and ?m= message, 确定 closes it. */
function show(): void {
  const params = new URLSearchParams(window.location.search);
  const title = params.get('t') || '绩效目标表助手';
  const message = params.get('m') || '';
  document.title = title;
  const h = document.getElementById('title');
  const p = document.getElementById('message');
  const ok = document.getElementById('ok');
  if (h) h.textContent = title;
  if (p) p.textContent = message;
  ok?.addEventListener('click', () => {
    try {
      Office.context.ui.messageParent('close');
    } catch {
      window.close();
    }
  });
  ok?.focus();
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') Office.onReady(show);
else document.addEventListener('DOMContentLoaded', show);
