/** WPS task pane (created by the ribbon's 打开助手 with Application.CreateTaskPane): the shared pane over the WPS host. */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { AssistantPane } from '../taskpane/AssistantPane';
import { createWpsHost } from '../hosts/wps';
import type { EtApplication } from '../hosts/wps/et';

const root = (() => {
  const container = document.getElementById('root');
  return container ? createRoot(container) : undefined;
})();

const app = (window as unknown as { Application?: EtApplication; wps?: { Application?: EtApplication } });
const application = app.Application ?? app.wps?.Application;

if (application) {
  root?.render(<AssistantPane host={createWpsHost(application)} />);
} else {
  root?.render(
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>绩效目标表助手</MessageBarTitle>
          未检测到 WPS 表格运行环境。请在 WPS 表格中点击“绩效目标”选项卡的“打开助手”按钮打开本窗格。
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
}
