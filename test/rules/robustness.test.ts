/** Property: the whole rule set never crashes and every message is a clean 审核意见, whatever clerks type. */
import fc from 'fast-check';
import { ALL_RULES } from '../../src/core/rules';
import { runRuleSet } from '../../src/core/rules/engine';
import { withDefaults } from '../../src/core/settings';
import { messageProblems } from '../helpers/messageStyle';
import { BASE_SPEC, buildWorkbook, type TableSpec } from '../helpers/ruleTester';

const WORDS = [
  '', ' ', '≥90%', '≤98%', '≥9%', '100%', '≥100%', '**', 'XX', '待定', '按计划完成', '≤1年', '2025年12月底前', '好', '≥4次',
  '≤85.5万元', '≤0万元', '≥99999999999999999999%', '-5%', '数量指标', '质量指标', '时效指标', '成本指标', '生态效益指标',
  '满意度', '满意度指标', '产出指标', '效益指标', '成本', '经济成本指标', '培训次数', '完好率', '年初计划安排', '《办法》',
  '流通综合协调', '资金到位率', '（%）', '\u3000', '１２３', 'NaN', 'Infinity', '0', '—',
];
const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }));
const row = fc.array(word, { minLength: 6, maxLength: 6 });
const first = fc.tuple(fc.constantFrom('产出指标', '效益指标', '满意度指标', '成本指标', '其他'), fc.array(word, { minLength: 5, maxLength: 5 })).map(([a, rest]) => [a, ...rest]);
const pct = fc.oneof(fc.constant(null), fc.double({ min: -2, max: 3, noNaN: true }), word);

const specArb: fc.Arbitrary<TableSpec> = fc.record({
  budget: fc.oneof(fc.double({ min: -10, max: 1e6, noNaN: true }), word),
  fiscal: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), word),
  other: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 100, noNaN: true })),
  goal: word,
  fundUse: word,
  schedule: fc.array(pct, { minLength: 4, maxLength: 4 }),
  indicators: fc.tuple(first, fc.array(row, { maxLength: 9 })).map(([a, rest]) => [a, ...rest]),
}).map((r) => ({ ...BASE_SPEC, ...r }));

describe('rule set robustness', () => {
  it('never crashes a rule and every message is clean (property)', () => {
    fc.assert(
      fc.property(specArb, fc.constantFrom('cumulative', 'per-period') as fc.Arbitrary<'cumulative' | 'per-period'>, fc.constantFrom('auto', 'hebei88', 'caiyu101') as fc.Arbitrary<'auto' | 'hebei88' | 'caiyu101'>, (spec, schedule, framework) => {
        const wb = buildWorkbook([spec]);
        const findings = runRuleSet(ALL_RULES, wb, withDefaults({ schedule, framework, midYearMinimum: 50 }));
        for (const f of findings) {
          expect(f.message).not.toContain('检查本表时出错');
          expect(messageProblems(f)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
