import { categoryKey, hasCostLevel1 } from '../frameworks';
import type { CellRef } from '../grid';
import type { Fix } from '../findings';
import type { IndicatorRow, ProjectTable } from '../model';
import { deleteRowFix } from '../rowDelete';
import type { Settings } from '../settings';
import type { Rule } from './types';
import { type RowInfo, analyse, projectContext } from './util';

/**
 * Whether the table still has every category this rule asks for once `row` is gone: another row of the same
 * 一级/二级 remains, or the category is never required (时效, 可持续影响, names outside the framework).
 */
export function keepsCategories(rows: readonly RowInfo[], row: IndicatorRow): boolean {
  const me = rows.find((r) => r.row === row);
  if (!me || (!me.l1Key && !me.l2Key)) return false;
  const others = rows.filter((r) => r !== me);
  if (others.some((r) => r.l1Key === me.l1Key && r.l2Key === me.l2Key)) return true;
  if (me.l1Key && !others.some((r) => r.l1Key === me.l1Key)) return false;
  const satisfaction = (r: RowInfo) => r.l1Key === '满意度' || r.l2Key.includes('满意度');
  if (satisfaction(me)) return others.some(satisfaction);
  if (me.l1Key === '产出') return !['数量', '质量', '成本'].includes(me.l2Key);
  if (me.l1Key === '成本') return false;
  if (me.l1Key === '效益' && me.l2Key !== '可持续影响') return others.some((r) => r.l1Key === '效益' && r.l2Key !== '可持续影响');
  return true;
}

/** "删除此行" for a row, offered only when the table keeps its required categories without it. */
export function deletionFix(table: ProjectTable, settings: Settings, row: IndicatorRow): Omit<Fix, 'ref'> | undefined {
  return keepsCategories(analyse(table, settings).rows, row) ? deleteRowFix(table, row) : undefined;
}

/** Projects that serve people: a 满意度 indicator is expected. */
const RECIPIENT_PATTERN =
  /服务对象|公共服务|便民|惠民|补贴|补助|救助|慰问|帮扶|资助|培训|群众|居民|村民|农户|市民|游客|读者|观众|学员|学生|患者|老年人|儿童|残疾人|困难|职工|退休|企业|经营主体|参保|受助|受益/u;

export function hasServiceRecipients(table: ProjectTable): boolean {
  return RECIPIENT_PATTERN.test(projectContext(table));
}

function anchor(table: ProjectTable): CellRef {
  return (table.indicators[0]?.level1 ?? table.projectName ?? table.title)?.ref ?? {
    sheet: table.sheet,
    row: table.top,
    col: 0,
    address: `A${table.top + 1}`,
  };
}

export const rule: Rule = {
  id: 'required-categories',
  severity: 'error',
  meta: {
    title: '缺少必备的指标类别',
    criterion: '完整性',
    needs: ['indicators'],
    docs:
      '一张绩效目标表至少要有：产出指标下的数量指标和质量指标；至少一项经济、社会或生态效益指标；项目有服务对象（群众、学员、补贴或救助对象、患者等）时应有服务对象满意度指标，缺少时给出警告（是否有服务对象由项目名称、目标和资金用途判断）。成本指标（88号口径在产出下，101号口径为一级指标）缺少时给出警告；可持续影响指标按需设置，从不要求。缺少必备类别的表格不完整，评审会退回补充。',
  },
  check({ table, settings, report }) {
    const { framework, rows } = analyse(table, settings);
    // Evaluation frameworks (投入/过程/产出/效果…) grade stages, not the 目标表 categories required here.
    if (rows.length === 0 || framework.kind === 'evaluation') return;
    const has = (l1: string, l2?: string): boolean => rows.some((r) => r.l1Key === l1 && (!l2 || r.l2Key === l2));
    const firstOf = (l1: string): CellRef => rows.find((r) => r.l1Key === l1)?.row.level1.ref ?? anchor(table);
    const missing = (ref: CellRef, what: string, example: string, severity?: 'warning') =>
      report({ ref, severity, message: `本表缺少${what}。请补充，如${example}。` });

    if (!has('产出')) missing(anchor(table), '产出指标', '数量指标“……次数（次）”、质量指标“……合格率（%）”');
    else {
      if (!has('产出', '数量')) missing(firstOf('产出'), '产出指标下的“数量指标”', '“培训次数 ≥4次”');
      if (!has('产出', '质量')) missing(firstOf('产出'), '产出指标下的“质量指标”', '“验收合格率 ≥95%”');
    }
    const costLevel1 = hasCostLevel1(framework);
    const costPresent = costLevel1 ? has('成本') : has('产出', '成本') || rows.some((r) => r.l2Key === '成本');
    // A framework without a 成本 category (东莞's 预算控制指标) covers cost its own way: not asked for here.
    const costCategory = costLevel1 || framework.level1.some((l) => l.level2.some((x) => categoryKey(x.name) === '成本'));
    if (!costPresent && costCategory) {
      const where = costLevel1 ? '一级指标“成本指标”（经济成本指标）' : '产出指标下的“成本指标”';
      missing(firstOf('产出'), where, '“项目总成本 ≤预算数（万元）”', 'warning');
    }
    const benefits = rows.filter((r) => r.l1Key === '效益');
    if (benefits.length === 0) missing(anchor(table), '效益指标', '社会效益指标“……覆盖率 ≥90%”');
    else if (benefits.every((r) => r.l2Key === '可持续影响')) {
      missing(benefits[0].row.level1.ref, '经济、社会或生态效益指标（目前只有可持续影响指标）', '社会效益指标“……保障率 ≥95%”', 'warning');
    }
    // 财预〔2015〕163号 and some local forms put 满意度 under 效益 as a 二级.
    const satisfaction = has('满意度') || rows.some((r) => r.l2Key.includes('满意度'));
    if (!satisfaction && hasServiceRecipients(table)) {
      // Whether a project has service recipients is read from its words: a judgement call, a warning.
      missing(anchor(table), '满意度指标（本项目有服务对象）', '服务对象满意度指标“参训学员满意度 ≥90%”', 'warning');
    }
  },
};
