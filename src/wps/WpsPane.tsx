/** The WPS task pane's root: the shared pane, switched to another tool when a ribbon button asks. */
import { useEffect, useState } from 'react';
import type { Host } from '../core/host';
import { AssistantPane } from '../taskpane/AssistantPane';
import { TEMPLATE_TOOLS } from '../taskpane/extraTools';
import { toolFromSearch } from '../taskpane/tools';
import { PANE_TOOL_KEY, type PluginStorage } from './entry';

/** How often the open pane looks for a 插入模板 / 部门整体目标 click on the ribbon. */
export const WATCH_MS = 600;

/** The tool of a ribbon request "templates@<n>", or undefined. */
export function requestedTool(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return toolFromSearch(`?tool=${encodeURIComponent(value.split('@')[0])}`);
}

/** Switches tools when the ribbon asks while the pane is open (the pane cannot be navigated once created). */
export function WpsPane({ host, storage }: { host: Host; storage?: PluginStorage }) {
  const [request, setRequest] = useState<{ tool: string; seq: number }>();
  useEffect(() => {
    if (!storage) return undefined;
    const read = (): unknown => {
      try {
        return storage.getItem(PANE_TOOL_KEY);
      } catch {
        return undefined;
      }
    };
    // Requests made before this pane existed are already in its URL.
    let seen = read();
    let seq = 0;
    const timer = window.setInterval(() => {
      const now = read();
      if (now === seen) return;
      seen = now;
      const tool = requestedTool(now);
      if (tool) setRequest({ tool, seq: ++seq });
    }, WATCH_MS);
    return () => window.clearInterval(timer);
  }, [storage]);
  return <AssistantPane host={host} tools={TEMPLATE_TOOLS} initialTool={toolFromSearch(window.location.search)} toolRequest={request} />;
}
