import { FluentProvider, Tab, TabList, type Theme, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Host } from '../core/host';
import { S } from './strings';
import { DEFAULT_TOOLS, type PaneTool } from './tools';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    minHeight: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export interface AssistantPaneProps {
  host: Host;
  theme?: Theme;
  tools?: readonly PaneTool[];
  autoRun?: boolean;
  className?: string;
  /** Tool to open on (a ribbon button's ?tool=templates); an unknown or unavailable id opens the first tool. */
  initialTool?: string;
  /** A later request to switch tools (WPS ribbon buttons while the pane is open): applied whenever `seq` changes. */
  toolRequest?: { tool: string; seq: number };
}

/** The host-agnostic pane: the same component runs in Excel, WPS and the standalone page. */
export function AssistantPane({ host, theme = webLightTheme, tools = DEFAULT_TOOLS, autoRun, className, initialTool, toolRequest }: AssistantPaneProps) {
  const styles = useStyles();
  const available = tools.filter((t) => t.isAvailable?.(host) ?? true);
  const [current, setCurrent] = useState(available.some((t) => t.id === initialTool) ? initialTool : available[0]?.id);
  const requestSeq = toolRequest?.seq;
  const requestTool = toolRequest?.tool;
  useEffect(() => {
    if (requestTool !== undefined) setCurrent(requestTool);
  }, [requestSeq, requestTool]);
  const tool = available.find((t) => t.id === current) ?? available[0];
  const Tool = tool?.component;
  return (
    <FluentProvider theme={theme} className={className} lang="zh-CN">
      <section className={styles.root} aria-label={S.productName} data-testid="pane">
        {available.length > 1 && (
          <TabList selectedValue={tool?.id} onTabSelect={(_, d) => setCurrent(String(d.value))} aria-label={S.toolsLabel}>
            {available.map((t) => (
              <Tab key={t.id} value={t.id}>
                {t.label}
              </Tab>
            ))}
          </TabList>
        )}
        {Tool && <Tool host={host} autoRun={autoRun} />}
      </section>
    </FluentProvider>
  );
}
