/** @jest-environment jsdom */
import '../taskpane/jsdomShims';
import { render } from '@testing-library/react';
import { FluentProvider } from '@fluentui/react-components';
import type { CellRef, Grid } from '../../src/core/grid';
import { SheetView } from '../../src/web/SheetView';

/** A sheet of `rows` rows with its row number in column A. */
function tallSheet(name: string, rows: number): Grid {
  return { sheetName: name, cells: Array.from({ length: rows }, (_, r) => [{ value: `${name}${r + 1}`, text: `${name}${r + 1}` }]), merges: [] };
}

const ref = (sheet: string, row: number): CellRef => ({ sheet, row, col: 0, address: `A${row + 1}` });

describe('SheetView: 定位 renders the located cell', () => {
  const grids = [tallSheet('甲', 3000), tallSheet('乙', 3000)];
  const view = (activeSheet: number, selection?: { ref: CellRef; seq: number }) => (
    <FluentProvider>
      <SheetView grids={grids} activeSheet={activeSheet} marks={[]} selection={selection} onSheetChange={() => undefined} />
    </FluentProvider>
  );
  const selected = (c: HTMLElement) => c.querySelector('td[data-selected="true"]')?.getAttribute('data-address');

  it('slides the row window to a cell far down the sheet', () => {
    const { container, rerender } = render(view(0));
    rerender(view(0, { ref: ref('甲', 2500), seq: 1 }));
    expect(selected(container)).toBe('A2501');
  });

  it('switching sheet and locating at once shows the located row, not the new sheet’s top', () => {
    const { container, rerender } = render(view(0));
    rerender(view(0, { ref: ref('甲', 1500), seq: 1 }));
    expect(selected(container)).toBe('A1501');
    // Row 1600 of 乙 lies inside the window 甲 was showing (1400–2199) but not in a window at the top.
    rerender(view(1, { ref: ref('乙', 1600), seq: 2 }));
    expect(selected(container)).toBe('A1601');
  });

  it('a sheet opened by its tab starts at the top', () => {
    const { container, rerender } = render(view(0));
    rerender(view(0, { ref: ref('甲', 2500), seq: 1 }));
    rerender(view(1, { ref: ref('甲', 2500), seq: 1 }));
    expect(container.querySelector('td[data-address="A1"]')).not.toBeNull();
  });
});
