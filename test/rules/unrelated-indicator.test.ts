/**
 * The domain vocabularies are checked on projects of many lines of work, none taken from the example workbook:
 * each project's own indicators are quiet; an indicator carried over from another line of work is found.
 */
import { rule } from '../../src/core/rules/unrelated-indicator';
import { type TableSpec, ruleTester, spec, withIndicator } from '../helpers/ruleTester';
import { PROJECTS } from './domain-projects';

/** The project with one indicator row replaced by a row from another line of work. */
const withForeign = (p: TableSpec, name: string): TableSpec => withIndicator(1, { 2: name, 3: `${name}，按年度统计` }, p);

ruleTester.run(rule, {
  valid: [
    spec(),
    ...Object.entries(PROJECTS).map(([name, s]) => ({ name: `own indicators of a ${name} project`, spec: s })),
    { name: 'related project mentions the domain', spec: withIndicator(4, { 3: '完成流通综合协调所有工作所需总费用' }, spec({ name: '商贸流通综合协调经费', fundUse: '用于商贸流通统计和协调会议' })) },
    { name: 'the indicator touches the project’s own line of work', spec: withForeign(PROJECTS.health, '药品流通环节抽检合格率') },
    {
      name: 'a project whose line of work cannot be placed is never judged',
      spec: withForeign(spec({ title: '综合事务经费绩效目标表', unitName: '某单位', name: '综合事务经费', fundUse: '用于日常综合事务', goal: '保障日常工作运转' }), '社区矫正对象报到率'),
    },
  ],
  invalid: [
    { name: 'justice in a party project', spec: withForeign(PROJECTS.party, '社区矫正对象报到率'), errors: [{ address: 'C11', message: '“社区矫正”属于司法行政领域' }] },
    { name: 'farming in a health project', spec: withForeign(PROJECTS.health, '高标准农田建成面积'), errors: [{ message: '农业农村' }] },
    { name: 'health in a road project', spec: withForeign(PROJECTS.road, '家庭医生签约服务覆盖率'), errors: [{ message: '卫生健康' }] },
    { name: 'schools in a water project', spec: withForeign(PROJECTS.water, '义务教育巩固率'), errors: [{ message: '教育' }] },
    { name: 'tourism in a welfare project', spec: withForeign(PROJECTS.welfare, '接待游客人次'), errors: [{ message: '文化旅游' }] },
    { name: 'statistics in an environment project', spec: withForeign(PROJECTS.environment, '地区生产总值核算准确率'), errors: [{ message: '统计核算' }] },
    { name: 'trade in a school project', spec: withForeign(PROJECTS.school, '城乡高效配送网点数量'), errors: [{ message: '商贸流通' }] },
    {
      name: 'the description cell is read too',
      spec: withIndicator(2, { 3: '反映招商引资签约项目落地情况' }, PROJECTS.party),
      errors: [{ address: 'D12', message: '招商引资' }],
    },
  ],
});
