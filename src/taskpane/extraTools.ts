/** The 插入模板 and 部门整体目标 tools, added to the pane as tabs next to 校验 (see tools.tsx). */
import { CheckTool } from './CheckTool';
import { OverviewTool } from './OverviewTool';
import { TemplateTool } from './TemplateTool';
import { S } from './strings';
import { T } from './toolStrings';
import type { PaneTool } from './tools';

export const TEMPLATE_TOOLS: readonly PaneTool[] = [
  { id: 'check', label: S.toolCheck, component: CheckTool },
  { id: 'templates', label: T.toolTemplates, component: TemplateTool, isAvailable: (host) => typeof host.insertPlan === 'function' },
  { id: 'overview', label: T.toolOverview, component: OverviewTool },
];
