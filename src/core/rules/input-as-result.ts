import type { Rule } from './types';
import { analyse, isMoneyName, moneyIn, q } from './util';

const INPUT_PATTERN =
  /资金到位|预算执行|结余|经费支出完成|支出完成|资金支付|支出进度|资金使用率|资金拨付|预算完成|资金执行|经费执行|经费支出|资金支出|(?:资金|预算|指标)(?:当年|年度|按时|及时)?下达/u;

export const rule: Rule = {
  id: 'input-as-result',
  severity: 'warning',
  meta: {
    title: '把投入当成产出或效益',
    criterion: '相关性',
    docs:
      '资金到位率、资金下达率、预算执行率、资金支出率、结余率、经费支出完成率等反映的是资金是否按计划支出，属于投入和过程管理，不是项目的产出或效益。把它们填在产出指标或效益指标下，会让表格看起来有指标、实际没有说明做成了什么。数量指标填写资金金额（如“补助经费 72890元”）也是把投入当成了产出。修改方法：产出写做了什么（次数、人数、面积、合格率），效益写带来了什么变化；支出进度通过资金支出计划体现。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      // A 数量 row that is the funds themselves ("卫片执法补助经费 = 72890元"): money named and valued as money.
      if (r.l2Key === '数量' && isMoneyName(r.name) && moneyIn(r.value, table.moneyUnit) !== undefined) {
        report({
          ref: r.row.level3.ref,
          message: `数量指标${q(r.row.level3.text)}填写的是资金金额${q(r.row.value.text)}，反映的是投入，不是产出数量。请改为用这笔资金完成的工作量（如次数、人数、面积），金额在预算和成本指标中体现。`,
        });
        continue;
      }
      if ((r.l1Key !== '产出' && r.l1Key !== '效益') || !INPUT_PATTERN.test(r.name)) continue;
      // A budget-control category (东莞 “预算（或投资规模）控制指标”) is where budget execution belongs.
      if (/预算|投资/u.test(r.l2Key)) continue;
      report({
        ref: r.row.level3.ref,
        message: `${q(r.row.level3.text)}反映的是资金投入和支出进度，不是${r.l1}。请改为反映实际${r.l1Key === '产出' ? '产出（完成数量、质量）' : '效果（带来的变化）'}的指标，支出进度在资金支出计划中体现。`,
      });
    }
  },
};
