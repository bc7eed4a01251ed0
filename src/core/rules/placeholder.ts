import type { Field } from '../model';
import { compact } from '../text';
import { hasPlaceholder, templateInputs } from '../values';
import type { Rule } from './types';
import {
  type RowInfo,
  analyse,
  countUnitOf,
  isCountName,
  isMoneyCostRow,
  isRateName,
  isSatisfactionRow,
  isUnusedOptionalRow,
  q,
} from './util';

/** What to write into an empty 指标值, by what the indicator measures (a count is never shown a percentage). */
export function emptyValueHint(r: RowInfo): string {
  if (isSatisfactionRow(r)) return '填写满意度目标，如“≥90%”';
  if (isMoneyCostRow(r)) return '填写金额上限，如“≤85.5万元”';
  if (r.l2Key === '时效') return '填写完成时限，如“12月底前”';
  if (isCountName(r.name)) {
    const unit = countUnitOf(r.name);
    return unit ? `填写计划数量，如“≥4${unit}”` : '填写计划数量和单位，如“≥4次”“≥120人”';
  }
  if (isRateName(r.name)) return '填写目标比例，如“≥95%”';
  return '填写目标值，如“≥4次”“≥95%”“12月底前”';
}

function mark(text: string): string {
  const m = /\*{2,}|[xX]{2,}|[×✕╳]{2,}|某某|待定|待补充|待填|待核实|暂定|未定|[*×?？]+/u.exec(compact(text));
  return m ? m[0] : '';
}

/** A target typed at the end of a 三级 name ("*……达标率100%", "……覆盖率（≥95%）"), as templates print their hints. */
const TARGET_IN_NAME = /[（(]?(?:[≥≤><＞＜]=?|不低于|不少于)?(\d+(?:\.\d+)?)[%％][）)]?$/u;

/** Template placeholders ("**", "XX", "×××", "待定") and empty 指标值 left in a submitted table. */
export const rule: Rule = {
  id: 'placeholder',
  severity: 'error',
  meta: {
    title: '占位符或空指标值',
    criterion: '完整性',
    docs:
      '模板中的“**”“XX”“×××”“待定”等占位符和空白的指标值，说明表格没有填完。带占位符的表格一旦公开，会被直接认定为填报不认真。修改方法：把占位符换成实际内容，如把“春节慰问劳模人数 **人”改为“春节慰问劳模人数”，指标值写“≥50人”；空白的指标值按年度计划补齐。三级指标名称中留有模板的目标值（如“*……达标率100%”）且与指标值不一致的，给出警告，请删去名称中的目标值。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      const row = r.row;
      if (r.value.kind === 'empty' && !isUnusedOptionalRow(r)) {
        report({
          ref: row.value.ref,
          message: `三级指标${q(row.level3.text)}的指标值为空。请按年度计划${emptyValueHint(r)}。`,
        });
      } else if (r.value.kind === 'placeholder' && !left(row.value)) {
        report({
          ref: row.value.ref,
          message: `指标值${q(row.value.text)}是占位符，尚未填写实际数值。请填写计划达到的数值和单位。`,
        });
      }
      // A template hint left in the name whose target contradicts the value: "*……达标率100%" valued ">=98%".
      const target = TARGET_IN_NAME.exec(r.name);
      if (target && r.value.kind === 'numeric' && r.value.unit === '%' && r.value.number !== Number(target[1])) {
        const star = /^[*＊★☆]/u.test(r.name);
        report({
          ref: row.level3.ref,
          severity: 'warning',
          message: `三级指标${q(row.level3.text)}的名称中保留了${star ? '模板的标记和' : ''}目标值${q(target[0])}，与指标值${q(row.value.text)}不一致。请删去名称中的${star ? '标记和' : ''}目标值，目标以指标值栏为准。`,
        });
      }
      for (const [key, label] of TEXT_CELLS) {
        const f = row[key];
        if (!hasPlaceholder(f.text) || left(f)) continue;
        report({
          ref: f.ref,
          message: `${label}${q(f.text)}含占位符“${mark(f.text)}”，尚未填写完整。请把“${mark(f.text)}”换成实际内容。`,
        });
      }
    }
  },
};

/** Inputs left by an inserted template are reported once per label by rule template-input. */
const left = (f: Field): boolean => templateInputs(f.text).length > 0;

/** The text cells of a row checked for placeholders, with their names in messages. */
const TEXT_CELLS: readonly (readonly ['level3' | 'description' | 'basis', string])[] = [
  ['level3', '三级指标'],
  ['description', '绩效指标描述'],
  ['basis', '指标值确定依据'],
];
