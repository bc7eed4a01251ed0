import { FluentProvider } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { pickTheme } from '../taskpane/theme';
import { WebApp } from './WebApp';

const container = document.getElementById('root');
if (container) {
  const dark = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  createRoot(container).render(
    <FluentProvider theme={pickTheme(undefined, dark)} lang="zh-CN">
      <WebApp />
    </FluentProvider>,
  );
}
