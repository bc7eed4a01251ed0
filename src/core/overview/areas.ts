/** Work areas of the 分项绩效目标 and their standard aims; a project's area comes from its best template. */
import type { ProjectTable } from '../model';
import { suggestForTable } from '../templates/suggest';

/** Standard aim of each work area, in 公文 register; areas keep this order in the document. */
export const AREA_AIMS: readonly { name: string; aim: string }[] = [
  { name: '党的建设', aim: '加强党员教育管理和基层党组织建设，不断提升党建工作质量' },
  { name: '干部队伍建设', aim: '加强干部教育培训和日常管理，建设忠诚干净担当的高素质干部队伍' },
  { name: '基层治理与乡村振兴', aim: '保障村（社区）组织正常运转，扎实做好驻村帮扶，夯实基层治理基础' },
  { name: '人才工作', aim: '加大人才引进培养力度，持续优化人才发展环境' },
  { name: '老干部服务', aim: '做好离退休干部服务管理，落实老干部政治待遇和生活待遇' },
  { name: '民生保障与服务', aim: '按政策标准足额发放各类补贴，切实保障服务对象基本生活' },
  { name: '宣传与公共服务', aim: '做好政策宣传和公共服务，提高政策知晓度和服务质量' },
  { name: '决策支撑与业务管理', aim: '加强调查研究和监督检查，提升业务管理水平' },
  { name: '基础设施建设', aim: '按期保质完成基础设施建设任务，改善生产生活条件' },
  { name: '机关运行保障', aim: '保障机关正常运转和办公条件，提高资金使用效益' },
];

/** Area for projects no template fits. */
export const OTHER_AREA = '其他重点工作';

export function aimOf(area: string): string {
  return AREA_AIMS.find((a) => a.name === area)?.aim ?? '确保各项工作任务按期保质完成';
}

/** Suggested work area of a project: its first-choice template's area. */
export function suggestArea(table: ProjectTable): string {
  return suggestForTable(table)[0]?.template.area ?? OTHER_AREA;
}

/** Every area name the pane offers for re-assignment. */
export function areaNames(): string[] {
  return [...AREA_AIMS.map((a) => a.name), OTHER_AREA];
}
