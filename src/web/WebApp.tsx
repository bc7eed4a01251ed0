import {
  Button,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { parseWorkbook } from '../core/parse';
import { annotateBuffer } from '../hosts/file/annotate';
import { FileReadError, readGridsFromBuffer } from '../hosts/file/read';
import { AssistantPane } from '../taskpane/AssistantPane';
import { TEMPLATE_TOOLS } from '../taskpane/extraTools';
import { ErrorBar } from '../taskpane/ErrorBar';
import { describeError } from '../taskpane/validation';
import { downloadBytes } from './download';
import { applyEdits } from './edits';
import { type MemoryHost, createMemoryHost } from './memoryHost';
import { SheetView } from './SheetView';
import { W } from './strings';

const useStyles = makeStyles({
  app: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  brand: { display: 'flex', flexDirection: 'column' },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', marginLeft: 'auto', flexWrap: 'wrap' },
  fileName: { color: tokens.colorNeutralForeground2, maxWidth: '24em', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden', pointerEvents: 'none' },
  main: {
    display: 'flex',
    flexGrow: 1,
    minHeight: 0,
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    '@media (max-width: 900px)': { flexDirection: 'column', overflowY: 'auto' },
  },
  sheet: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    '@media (max-width: 900px)': { minHeight: '60vh' },
  },
  pane: {
    width: '400px',
    '@media (max-width: 900px)': { width: 'auto', overflowY: 'visible' },
    flexShrink: 0,
    overflowY: 'auto',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  drop: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    padding: tokens.spacingHorizontalXXL,
    textAlign: 'center',
  },
  dragging: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  overlay: {
    position: 'fixed',
    inset: 0,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: 'rgba(0, 90, 158, 0.12)',
    border: `3px dashed ${tokens.colorBrandStroke1}`,
    fontSize: tokens.fontSizeBase500,
    pointerEvents: 'none',
    zIndex: 10,
  },
  message: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
});

interface LoadedFile {
  id: number;
  name: string;
  bytes: Uint8Array;
  host: MemoryHost;
}

const noHost: MemoryHost = createMemoryHost([]);

export function WebApp() {
  const styles = useStyles();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [loading, setLoading] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<{ title: string; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);
  const host = file?.host ?? noHost;
  const state = useSyncExternalStore(host.subscribe, host.getState);
  const shownFirstMarks = useRef<number | null>(null);

  // After the first check of a file, show a sheet that has marks if the opening sheet has none.
  useEffect(() => {
    if (!file || shownFirstMarks.current === file.id || state.marks.length === 0) return;
    shownFirstMarks.current = file.id;
    const active = state.grids[state.activeSheet]?.sheetName;
    if (state.marks.some((f) => f.ref.sheet === active)) return;
    const target = state.grids.findIndex((g) => state.marks.some((f) => f.ref.sheet === g.sheetName));
    if (target >= 0) file.host.setActiveSheet(target);
  }, [file, state]);

  const open = useCallback(async (picked: File | undefined) => {
    if (!picked) return;
    setError(null);
    if (!/\.xlsx$/i.test(picked.name)) {
      setError({ title: W.errorTitle, text: W.notXlsx(picked.name) });
      return;
    }
    setLoading(true);
    try {
      const bytes = new Uint8Array(await picked.arrayBuffer());
      const grids = await readGridsFromBuffer(bytes.slice());
      setFile({ id: nextId.current++, name: picked.name, bytes, host: createMemoryHost(grids) });
    } catch (err) {
      setError({ title: W.errorTitle, text: err instanceof FileReadError ? err.message : W.readFailed(describeError(err)) });
    } finally {
      setLoading(false);
    }
  }, []);

  const download = async () => {
    if (!file) return;
    setDownloading(true);
    setError(null);
    try {
      const { marks, edits, inserts, addedSheets, deletions } = file.host.getState();
      const source = await applyEdits(file.bytes, edits, { inserts, addedSheets, deletions });
      const summary = parseWorkbook(await readGridsFromBuffer(source.slice()));
      const { buffer } = await annotateBuffer(source.slice(), marks, { summary });
      downloadBytes(buffer, W.annotatedName(file.name));
    } catch (err) {
      setError({ title: W.download, text: W.downloadFailed(describeError(err)) });
    } finally {
      setDownloading(false);
    }
  };

  const dragHandlers = {
    onDragOver: (e: React.DragEvent) => {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (e: React.DragEvent) => {
      if (e.relatedTarget === null || !(e.currentTarget as Node).contains(e.relatedTarget as Node)) setDragging(false);
    },
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void open(e.dataTransfer.files[0]);
    },
  };

  const pick = () => input.current?.click();

  return (
    <div className={styles.app} {...dragHandlers} data-testid="app">
      <header className={styles.header}>
        <div className={styles.brand}>
          <h1 className={styles.h1}>{W.title}</h1>
          <Text size={200} className={styles.hint}>
            {W.hint}
          </Text>
        </div>
        <div className={styles.actions}>
          {file && (
            <Text size={200} className={styles.fileName} title={file.name} data-testid="file-name">
              {W.fileLabel(file.name)}
            </Text>
          )}
          <input
            ref={input}
            className={styles.hiddenInput}
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
            aria-label={W.inputAria}
            tabIndex={-1}
            data-testid="file-input"
            onChange={(e) => {
              void open(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <Button onClick={pick} aria-label={W.openAria} disabled={loading}>
            {W.open}
          </Button>
          <Button appearance="primary" onClick={() => void download()} disabled={!file || downloading} aria-label={W.downloadAria}>
            {downloading ? W.downloading : W.download}
          </Button>
        </div>
      </header>
      {error && (
        <ErrorBar
          title={error.title}
          dismissLabel={W.dismiss}
          onDismiss={() => setError(null)}
          className={styles.message}
          testId="file-error"
        >
          {error.text}
        </ErrorBar>
      )}
      <main className={styles.main}>
        {loading ? (
          <div className={styles.drop}>
            <Spinner label={W.loading} />
          </div>
        ) : file ? (
          <>
            <div className={styles.sheet}>
              <SheetView
                grids={state.grids}
                activeSheet={state.activeSheet}
                marks={state.marks}
                selection={state.selection}
                onSheetChange={(i) => file.host.setActiveSheet(i)}
              />
            </div>
            <aside className={styles.pane} data-testid="pane-container" aria-label="校验面板">
              <AssistantPane key={file.id} host={file.host} tools={TEMPLATE_TOOLS} autoRun />
            </aside>
          </>
        ) : (
          <div
            className={mergeClasses(styles.drop, dragging && styles.dragging)}
            role="button"
            tabIndex={0}
            aria-label={W.dropTitle}
            onClick={pick}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                pick();
              }
            }}
            data-testid="drop-zone"
          >
            <Text size={500} weight="semibold">
              {W.dropTitle}
            </Text>
            <Text className={styles.hint}>{W.dropHint}</Text>
          </div>
        )}
      </main>
      {dragging && file && <div className={styles.overlay}>{W.dropOverlay}</div>}
    </div>
  );
}
