/**
 * Test page: the task pane alone, as Excel shows it (320–350 px wide), over an .xlsx chosen with the file
 * input, with the same tools as the add-in (校验, 插入模板, 部门整体目标). Used by the browser tests to check the
 * pane at task-pane width and to take its screenshots.
 */
import { Button, FluentProvider } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { readGridsFromBuffer } from '../hosts/file/read';
import { AssistantPane } from '../taskpane/AssistantPane';
import { TEMPLATE_TOOLS } from '../taskpane/extraTools';
import { pickTheme } from '../taskpane/theme';
import { toolFromSearch } from '../taskpane/tools';
import { type MemoryHost, createMemoryHost } from './memoryHost';

function PaneOnly() {
  const [host, setHost] = useState<MemoryHost | null>(null);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div style={{ padding: 8, boxSizing: 'border-box' }} data-testid="pane-only">
      {/* The browser's own file button is labelled in the browser's language; ours is always zh-CN. */}
      <Button size="small" onClick={() => input.current?.click()}>
        打开 .xlsx 文件
      </Button>
      <input
        ref={input}
        type="file"
        accept=".xlsx"
        aria-label="选择要校验的 .xlsx 文件"
        data-testid="file-input"
        hidden
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (!f) return;
          setHost(createMemoryHost(await readGridsFromBuffer(new Uint8Array(await f.arrayBuffer()))));
        }}
      />
      {host && <AssistantPane host={host} tools={TEMPLATE_TOOLS} autoRun initialTool={toolFromSearch(window.location.search)} />}
    </div>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <FluentProvider theme={pickTheme(undefined, false)} lang="zh-CN">
      <PaneOnly />
    </FluentProvider>,
  );
}
