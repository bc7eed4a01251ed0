import { createRoot } from 'react-dom/client';
import type { Host } from '../core/host';
import { AssistantPane } from './AssistantPane';
import { pickTheme } from './theme';

function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

function render(host: Host): void {
  const container = document.getElementById('root');
  if (!container) return;
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  createRoot(container).render(<AssistantPane host={host} theme={pickTheme(background, prefersDark())} />);
}

Office.onReady(async () => {
  // Loaded on demand so the pane bundle does not depend on the adapter at module-evaluation time.
  const { createExcelHost } = await import('../hosts/excel');
  render(createExcelHost());
});
