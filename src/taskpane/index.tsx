import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { Host } from '../core/host';
import { AssistantPane } from './AssistantPane';
import { TEMPLATE_TOOLS } from './extraTools';
import { S } from './strings';
import { pickTheme } from './theme';
import { toolFromSearch } from './tools';
import { describeError } from './validation';

const container = document.getElementById('root');
const root = container ? createRoot(container) : undefined;

function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

function renderPane(host: Host): void {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  root?.render(
    <AssistantPane
      host={host}
      tools={TEMPLATE_TOOLS}
      theme={pickTheme(background, prefersDark())}
      // 插入模板 / 部门整体目标 ribbon buttons open taskpane.html?tool=templates|overview.
      initialTool={toolFromSearch(window.location.search)}
    />,
  );
}

function renderProblem(text: string): void {
  root?.render(
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{S.productName}</MessageBarTitle>
          {text}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
}

if (typeof Office === 'undefined') {
  renderProblem(S.noOffice);
} else {
  Office.onReady(async () => {
    try {
      // Loaded on demand so the pane bundle does not depend on the adapter at module-evaluation time.
      const { createExcelHost } = await import('../hosts/excel');
      renderPane(createExcelHost());
    } catch (err) {
      renderProblem(`${S.startFailed}${describeError(err)}`);
    }
  });
}
