import { MONEY_UNITS } from '../values';
import type { Rule } from './types';
import { analyse, isMoneyCostRow, isRateName, isUnitCost, moneyUnit, q, type RowInfo } from './util';
import type { ProjectTable } from '../model';

/** Names of unit costs and standards (人均, 单价, 标准): their example is a per-unit amount, never the budget. */
const PER_UNIT_NAME = /人均|户均|单价|单位成本|标准|每[人户次个件亩公里平方米]|平均/u;

function example(table: ProjectTable, r: RowInfo): string {
  if (PER_UNIT_NAME.test(r.name)) return '“≤200元/人”';
  const b = table.budget?.amount;
  return b !== undefined && b > 0 ? `“≤${b}${table.moneyUnit}”` : `“≤85.5${table.moneyUnit}”`;
}

export const rule: Rule = {
  id: 'cost-money',
  severity: 'error',
  meta: {
    title: '成本指标应为金额',
    criterion: '适当性',
    fixable: true,
    docs:
      '成本指标（88号口径产出指标下的成本指标、101号口径的经济成本指标）反映项目花费，指标值应填写金额上限，如总成本“≤85.5万元”或单位成本“≤200元/人”，并与预算数相衔接。填写“≥90%”等百分比无法反映成本金额，评审会认为成本指标缺失；填写“≥85.5万元”则方向相反（成本应设上限）。修改方法：按预算测算填写金额和单位（元或万元），使用“≤”。只写数字、未写单位的给出警告；社会成本、生态环境成本可以不是金额，不在本规则检查范围。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (!isMoneyCostRow(r)) continue;
      const v = r.value;
      const name = q(r.row.level3.text);
      if (v.kind === 'empty' || v.kind === 'placeholder') continue;
      if (isUnitCost(v)) continue;
      if (v.kind === 'numeric' && !v.unit) {
        report({
          ref: r.row.value.ref,
          severity: 'warning',
          message: `成本指标${name}的指标值${q(r.row.value.text)}未写金额单位。请写明单位（元或万元），如${example(table, r)}。`,
        });
        continue;
      }
      if (v.kind === 'numeric' && (MONEY_UNITS.has(v.unit ?? '') || moneyUnit(v))) {
        if (v.operator === '≥' || v.operator === '>') {
          const to = `≤${v.number}${v.unit}`;
          report({
            ref: r.row.value.ref,
            severity: 'warning',
            message: `成本指标${name}的指标值${q(r.row.value.text)}为下限，方向相反。成本指标应设金额上限，应为“${to}”。`,
            fix: { from: r.row.value.text, to, description: `将${q(r.row.value.text)}改为“${to}”` },
          });
        }
        continue;
      }
      const pct = v.kind === 'numeric' && v.unit === '%';
      // A rate such as 成本节约率, or words the grammar cannot read, may be a judgement call: a warning.
      const soft = (pct && isRateName(r.name)) || v.kind === 'unparsed' || v.kind === 'qualitative';
      report({
        ref: r.row.value.ref,
        severity: soft ? 'warning' : undefined,
        message: `成本指标${name}的指标值${q(r.row.value.text)}不是金额。成本指标应填写金额上限，如${example(table, r)}，并与预算数衔接。`,
      });
    }
  },
};
