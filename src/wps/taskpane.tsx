/** WPS task pane (created by the ribbon's 打开助手 with wps.CreateTaskPane, or Application.CreateTaskPane on builds without it): the shared pane over the WPS host. */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createWpsHost } from '../hosts/wps';
import { type WpsWindow, entryPoints } from './entry';
import { WpsPane } from './WpsPane';

const root = (() => {
  const container = document.getElementById('root');
  return container ? createRoot(container) : undefined;
})();

// wps.EtApplication() first, window.Application second.
const entry = entryPoints(window as unknown as WpsWindow);
const application = entry.app;

if (application) {
  root?.render(<WpsPane host={createWpsHost(application)} storage={entry.storage} />);
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
