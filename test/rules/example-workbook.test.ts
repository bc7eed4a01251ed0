/** The whole rule set on the real 2025 disclosure (examples/): known defects found, no crash, bounded noise. */
import path from 'path';
import type { Finding } from '../../src/core/findings';
import type { Grid } from '../../src/core/grid';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { validateGrids } from '../../src/core/validate';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');

let grids: Grid[];
let findings: Finding[];

const at = (ruleId: string, address: string) => findings.filter((f) => f.ruleId === ruleId && f.ref.address === address);

beforeAll(async () => {
  grids = await readGridsFromFile(EXAMPLE);
  findings = validateGrids(grids).findings;
});

describe('rules on the example workbook', () => {
  it('parses 24 tables and no rule crashes', () => {
    expect(validateGrids(grids).parsed.tables).toHaveLength(24);
    expect(findings.filter((f) => f.message.includes('检查本表时出错'))).toEqual([]);
  });

  it('finds the issue-3 defects', () => {
    expect(at('satisfaction-direction', 'E233')[0]).toMatchObject({
      severity: 'error',
      message: '满意度指标“广大老干部满意”的指标值“≤98%”方向相反。满意度指标应设下限，应为“≥98%”。',
      fix: { to: '≥98%' },
    });
    expect(findings.filter((f) => f.ruleId === 'satisfaction-direction')).toHaveLength(4);
    expect(at('count-unit', 'E10')[0].message).toContain('数量指标“培训活动次数”的指标值“≥90%”为百分比');
    expect(at('placeholder', 'C110')[0].message).toContain('“建设**数量”含占位符“**”');
    expect(at('placeholder', 'C208')[0].message).toContain('春节慰问劳模人数 **人');
    expect(at('filler-indicator', 'C16')[0].fix).toMatchObject({
      kind: 'delete-row',
      description: '删除第16行（A至F列），下方内容上移一行',
      deleteRow: { row: 15, left: 0, right: 5 },
    });
    expect(at('filler-indicator', 'C52')[0].message).toContain('“时效指标”只是类别名称');
    const forced = validateGrids(grids, { schedule: 'cumulative' }).findings;
    expect(forced.find((f) => f.ruleId === 'schedule-cumulative' && f.ref.address === 'E7')?.message).toBe(
      '按累计口径，12月底应为100%，当前为25%；如果各期为当期数（合计100%），请在设置中将口径改为“当期”。',
    );
  });

  it('detects the 资金支出计划 convention per table instead of asking', () => {
    // 25/25/25/25 sums to 100: read as 当期, not an error; only the even split is noted.
    expect(findings.filter((f) => /^schedule-(cumulative|per-period|convention)$/.test(f.ruleId))).toEqual([]);
    // 19 tables 当期, 4 tables 累计 (25/50/75/100, or blanks then 100): one finding for the workbook.
    const mixed = findings.filter((f) => f.ruleId === 'schedule-consistency');
    expect(mixed).toHaveLength(1);
    expect(mixed[0].message).toContain('19张表按当期口径填写，4张表（');
    expect(findings.filter((f) => f.ruleId === 'schedule-even')).toHaveLength(19);
    expect(findings.filter((f) => f.ruleId === 'schedule-even').every((f) => f.severity === 'info')).toBe(true);
  });

  it('finds budget-sum when a 预算数 is changed', () => {
    const copy: Grid[] = grids.map((g) => ({ ...g, cells: g.cells.map((row) => [...row]) }));
    const ref = validateGrids(grids).parsed.tables[0].budget!.ref;
    const g = copy.find((x) => x.sheetName === ref.sheet)!;
    const row = ref.row - (g.origin?.row ?? 0);
    const col = ref.col - (g.origin?.col ?? 0);
    g.cells[row] = [...g.cells[row]];
    g.cells[row][col] = { value: 40, text: '40.00' };
    const budget = validateGrids(copy).findings.filter((f) => f.ruleId === 'budget-sum');
    expect(budget).toHaveLength(1);
    expect(budget[0].message).toContain('预算数“40.00”不等于财政资金“39.00”与其他资金');
  });

  it('finds the issue-4 defects', () => {
    expect(at('value-outlier', 'E76')[0].fix?.to).toBe('≥90%');
    expect(at('satisfaction-range', 'E344')).toHaveLength(1);
    expect(at('quality-money', 'E300')).toHaveLength(1);
    expect(at('unrelated-indicator', 'D113')[0].message).toContain('流通综合协调');
    expect(at('unrelated-indicator', 'C337')[0].message).toContain('社区矫正');
    expect(at('unrelated-indicator', 'D279')[0].message).toContain('城乡高效配送');
    expect(at('goal-copied', 'B108')).toHaveLength(1);
    expect(at('input-as-result', 'C231')).toHaveLength(1);
    expect(at('value-direction', 'E262')[0].fix?.to).toBe('≥6个');
  });

  it('every fix starts from the text actually in its cell', () => {
    const fixes = findings.filter((f) => f.fix);
    expect(fixes.length).toBeGreaterThan(60);
    for (const f of fixes) {
      const g = grids.find((x) => x.sheetName === f.fix!.ref.sheet)!;
      const cell = g.cells[f.fix!.ref.row - (g.origin?.row ?? 0)]?.[f.fix!.ref.col - (g.origin?.col ?? 0)];
      expect([f.ruleId, (cell?.text ?? '').trim()]).toEqual([f.ruleId, f.fix!.from]);
    }
  });

  // Applying every fix and re-checking: test/rules/fix-roundtrip.test.ts.

  it('keeps noise bounded: under 12 errors+warnings per table on average, excluding description copies', () => {
    const loud = findings.filter((f) => f.severity !== 'info' && f.ruleId !== 'description-copy');
    expect(loud.length / 24).toBeLessThan(12);
  });
});
