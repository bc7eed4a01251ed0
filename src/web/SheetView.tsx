import { Button, Caption1, Tab, TabList, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { SEVERITY_LABEL, type Finding } from '../core/findings';
import { type CellRef, type Grid, columnLetters } from '../core/grid';
import { MARK_COLORS } from '../core/marks';
import { layoutSheet } from './sheetLayout';
import { W } from './strings';

/** Rows rendered at once; select() slides the window to the target cell. */
export const ROW_WINDOW = 800;
export const MAX_COLS = 100;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, flexGrow: 1 },
  scroller: {
    flexGrow: 1,
    overflow: 'auto',
    minHeight: 0,
    backgroundColor: '#ffffff',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: '12px',
    lineHeight: '16px',
    color: '#000000',
    fontFamily: '"SimSun", "宋体", "Noto Serif CJK SC", "Noto Sans CJK SC", serif',
  },
  head: {
    position: 'sticky',
    backgroundColor: '#f3f3f3',
    color: '#333333',
    fontWeight: 'normal',
    fontFamily: tokens.fontFamilyBase,
    border: '0 solid #d0d0d0',
    borderRightWidth: '1px',
    borderBottomWidth: '1px',
    padding: '1px 4px',
    zIndex: 1,
  },
  colHead: { top: 0, minWidth: '48px' },
  rowHead: { left: 0, textAlign: 'right', minWidth: '32px' },
  corner: { top: 0, left: 0, zIndex: 2 },
  cell: {
    border: '0 solid #e0e0e0',
    borderRightWidth: '1px',
    borderBottomWidth: '1px',
    padding: '2px 4px',
    maxWidth: '14em',
    minWidth: '3em',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    verticalAlign: 'middle',
    position: 'relative',
  },
  marked: {
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      width: '7px',
      height: '7px',
      backgroundImage: 'linear-gradient(225deg, #c00000 50%, transparent 50%)',
    },
  },
  selected: { outline: '3px solid #107c10', outlineOffset: '-3px', boxShadow: '0 0 0 3px rgba(16, 124, 16, 0.35)', zIndex: 1 },
  /** Row and column headers of the located cell. */
  lit: { backgroundColor: '#107c10', color: '#ffffff', fontWeight: 700 },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', padding: `${tokens.spacingVerticalXS} 0`, flexWrap: 'wrap' },
});

export interface SheetViewProps {
  grids: readonly Grid[];
  activeSheet: number;
  marks: readonly Finding[];
  selection?: { ref: CellRef; seq: number };
  onSheetChange(index: number): void;
}

export function SheetView({ grids, activeSheet, marks, selection, onSheetChange }: SheetViewProps) {
  const styles = useStyles();
  const grid = grids[activeSheet];
  const [start, setStart] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const selectedHere = selection && grid && selection.ref.sheet === grid.sheetName ? selection.ref : undefined;

  // A new sheet opens at its top, unless a cell of it is being located (定位 may switch sheet and select at once:
  // one effect decides, so the reset cannot undo the slide to the located row).
  const shownSheet = useRef(activeSheet);
  useEffect(() => {
    const sheetChanged = shownSheet.current !== activeSheet;
    shownSheet.current = activeSheet;
    const local = selectedHere && grid ? selectedHere.row - (grid.origin?.row ?? 0) : undefined;
    if (local !== undefined && (sheetChanged || local < start || local >= start + ROW_WINDOW)) setStart(Math.max(0, local - 100));
    else if (sheetChanged) setStart(0);
  }, [activeSheet, selection?.seq]); // deliberately not keyed on `start`: scrolling the window is the user's

  const layout = useMemo(() => (grid ? layoutSheet(grid, marks, start, ROW_WINDOW, MAX_COLS) : undefined), [grid, marks, start]);

  useEffect(() => {
    if (!selectedHere || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(`[data-covers~="${selectedHere.address}"]`);
    if (!el) return;
    // Scroll only the sheet, never the page: on a narrow screen the list the user clicked stays where it was.
    const box = scroller.current.getBoundingClientRect();
    const cell = el.getBoundingClientRect();
    scroller.current.scrollTop += cell.top - box.top - (box.height - cell.height) / 2;
    scroller.current.scrollLeft += cell.left - box.left - (box.width - cell.width) / 2;
    el.animate?.(
      [{ boxShadow: 'inset 0 0 0 4px #107c10' }, { boxShadow: 'inset 0 0 0 0 rgba(16, 124, 16, 0)' }],
      { duration: 1200, easing: 'ease-out' },
    );
  }, [selection?.seq, layout]); // deliberately keyed on the selection and layout only

  const markCount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of marks) counts.set(f.ref.sheet, (counts.get(f.ref.sheet) ?? 0) + 1);
    return counts;
  }, [marks]);

  if (!grid || !layout) return null;
  const lastShown = layout.firstRow + layout.rows.length;
  return (
    <div className={styles.root}>
      <TabList
        size="small"
        selectedValue={String(activeSheet)}
        onTabSelect={(_, d) => onSheetChange(Number(d.value))}
        aria-label={W.sheetTabs}
      >
        {grids.map((g, i) => (
          <Tab key={`${i}-${g.sheetName}`} value={String(i)} data-testid="sheet-tab">
            {g.sheetName}
            {markCount.get(g.sheetName) ? `（${markCount.get(g.sheetName)}）` : ''}
          </Tab>
        ))}
      </TabList>
      <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={W.sheetRegion(grid.sheetName)} data-testid="sheet-scroller">
        <table className={styles.table} data-testid="sheet" data-sheet={grid.sheetName}>
          <thead>
            <tr>
              <th className={mergeClasses(styles.head, styles.corner)} aria-hidden="true" />
              {layout.cols.map((c) => (
                <th
                  key={c}
                  scope="col"
                  className={mergeClasses(styles.head, styles.colHead, selectedHere?.col === c && styles.lit)}
                  data-lit={selectedHere?.col === c ? 'true' : undefined}
                >
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {layout.rows.map((r) => (
              <tr key={r.row}>
                <th
                  scope="row"
                  className={mergeClasses(styles.head, styles.rowHead, selectedHere?.row === r.row && styles.lit)}
                  data-lit={selectedHere?.row === r.row ? 'true' : undefined}
                >
                  {r.row + 1}
                </th>
                {r.cells.map((c) => {
                  const isSelected = !!selectedHere && c.covers.includes(selectedHere.address);
                  return (
                    <td
                      key={c.address}
                      rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                      colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                      className={mergeClasses(styles.cell, c.severity && styles.marked, isSelected && styles.selected)}
                      style={{
                        // A merged area may grow as wide as the columns it spans.
                        maxWidth: c.colSpan > 1 ? `${Math.min(c.colSpan, 6) * 14}em` : undefined,
                        backgroundColor: c.severity ? MARK_COLORS[c.severity].hex : undefined,
                      }}
                      title={c.note}
                      data-address={c.address}
                      data-covers={c.covers.join(' ')}
                      data-severity={c.severity}
                      data-selected={isSelected ? 'true' : undefined}
                      aria-label={c.severity ? `${c.address} ${SEVERITY_LABEL[c.severity]}：${c.text}` : undefined}
                    >
                      {c.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(layout.firstRow > 0 || lastShown < layout.totalRows || layout.truncatedCols) && (
        <div className={styles.footer}>
          <Caption1>{W.rowsShown(layout.firstRow + 1, lastShown, layout.totalRows, layout.truncatedCols ? MAX_COLS : undefined)}</Caption1>
          {layout.firstRow > 0 && (
            <Button size="small" onClick={() => setStart(Math.max(0, layout.firstRow - ROW_WINDOW))}>
              {W.prevRows}
            </Button>
          )}
          {lastShown < layout.totalRows && (
            <Button size="small" onClick={() => setStart(lastShown)}>
              {W.nextRows}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
