import type { ComponentType } from 'react';
import type { Host } from '../core/host';
import { CheckTool } from './CheckTool';
import { S } from './strings';

export interface ToolProps {
  host: Host;
  /** Run the tool's main action once when it first appears (the standalone page checks on open). */
  autoRun?: boolean;
}

/** One feature of the pane. Later features (模板, 部门整体目标) register here; a tab shows once there are two. */
export interface PaneTool {
  id: string;
  label: string;
  component: ComponentType<ToolProps>;
  /** Hidden when the host lacks what the tool needs (e.g. insertRows). */
  isAvailable?(host: Host): boolean;
}

export const DEFAULT_TOOLS: readonly PaneTool[] = [{ id: 'check', label: S.toolCheck, component: CheckTool }];

/**
 * The tool a page was opened on: `?tool=templates` (Excel ribbon buttons point the task pane at such URLs,
 * the WPS ribbon creates its pane with one). Office adds its own parameters (_host_Info…); they are ignored.
 */
export function toolFromSearch(search: string): string | undefined {
  const tool = new URLSearchParams(search).get('tool');
  return tool && /^[a-z][a-z-]{0,31}$/.test(tool) ? tool : undefined;
}
