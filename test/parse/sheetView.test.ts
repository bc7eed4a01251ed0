import type { Cell, Grid } from '../../src/core/grid';
import { SheetView } from '../../src/core/parse/sheet';

const cell = (text: string): Cell => ({ value: text, text });

function grid(): Grid {
  const row0: (Cell | undefined)[] = [cell('项目名称'), cell(''), cell('干部培训')];
  // A sparse row: columns 1 and 3 were never written.
  const row1: (Cell | undefined)[] = [];
  row1[0] = cell(' ');
  row1[2] = cell('预算数');
  row1[4] = cell('39');
  const row2: (Cell | undefined)[] = [cell('绩效目标'), cell('隐藏在合并区域里的文字'), cell('完成培训')];
  return {
    sheetName: '表1',
    cells: [row0, row1, row2],
    // B3 lies inside A3:B3: its text is not what the clerk sees.
    merges: [{ top: 2, left: 0, bottom: 2, right: 1 }],
  };
}

describe('SheetView filled and visible columns', () => {
  test('filledCols lists the non-empty cells, skipping blanks and never-written cells', () => {
    const view = new SheetView(grid());
    expect(view.filledCols(0)).toEqual([0, 2]);
    expect(view.filledCols(1)).toEqual([2, 4]);
    expect(view.filledCols(2)).toEqual([0, 1, 2]);
  });

  test('visibleCols also drops cells hidden inside a merged area', () => {
    const view = new SheetView(grid());
    expect(view.visibleCols(2)).toEqual([0, 2]);
    expect(view.visibleCols(0)).toEqual([0, 2]);
  });

  test('agrees with key() and isMergeSlave() cell by cell', () => {
    const view = new SheetView(grid());
    for (let r = 0; r < view.rows; r++) {
      const expected: number[] = [];
      for (let c = 0; c < view.cols; c++) if (view.key(r, c) !== '' && !view.isMergeSlave(r, c)) expected.push(c);
      expect(view.visibleCols(r)).toEqual(expected);
    }
  });

  test('rows outside the grid have no columns; a row is worked out once', () => {
    const view = new SheetView(grid());
    expect(view.filledCols(-1)).toEqual([]);
    expect(view.visibleCols(7)).toEqual([]);
    expect(view.visibleCols(2)).toBe(view.visibleCols(2));
  });
});
