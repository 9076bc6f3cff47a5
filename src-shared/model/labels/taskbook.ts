/**
 * 任务书 (`TaskBookSchema`, model/taskbook.ts): the one table of its fields' names, in the measures'
 * words and the printed task book's (“赛马”阶段考核目标, 拨付（万元）, 技术开发（委托）合同金额): the
 * editor's labels (src-renderer/src/i18n/taskbook.ts), its checks (`checkDraft`) and every reader
 * of a task-book file (`jiebang check`, `render-taskbook`, `verify-print`, the bureau's desk) name
 * a field from here alone.
 */
import type { FieldLabels } from './field';

const CHIEF_EXPERT = {
  name: { label: '姓名' },
  title: { label: '职称' },
  organisation: { label: '单位' },
} as const satisfies FieldLabels;

export const TASKBOOK_LABELS = {
  formatVersion: { label: '格式版本' },
  taskBookId: { label: '任务书编号' },
  packageId: { label: '评审包编号' },
  contractNumber: { label: '合同编号' },
  title: { label: '项目名称' },
  projectType: { label: '项目类型（第三条）' },
  parties: {
    label: '签约各方',
    item: '签约方第 {n} 方',
    fields: {
      role: { label: '身份' },
      name: { label: '名称' },
      applicantId: { label: '揭榜方编号' },
      representative: { label: '法定代表人或授权代表' },
      address: { label: '地址' },
      chiefExpert: { label: '首席专家', fields: CHIEF_EXPERT },
    },
  },
  chiefExpert: { label: '首席专家', fields: CHIEF_EXPERT },
  period: {
    label: '实施周期',
    fields: { start: { label: '开始' }, end: { label: '结束' } },
  },
  objectives: { label: '项目目标与任务' },
  milestones: {
    label: '里程碑',
    item: '里程碑第 {n} 项',
    fields: {
      id: { label: '编号' },
      title: { label: '名称' },
      due: { label: '完成时间' },
      deliverables: { label: '交付成果', item: '交付成果第 {n} 项' },
      indicators: { label: '考核指标', item: '考核指标第 {n} 项' },
      tranche: { label: '拨付（万元）' },
      applicantId: { label: '适用揭榜方' },
    },
  },
  raceStageTargets: {
    label: '“赛马”阶段考核目标',
    item: '“赛马”阶段考核目标第 {n} 项',
    fields: {
      applicantId: { label: '揭榜方编号' },
      targets: { label: '目标', item: '目标第 {n} 项' },
    },
  },
  intellectualProperty: {
    label: '知识产权',
    fields: { ownership: { label: '知识产权归属' }, benefitSharing: { label: '利益分配' } },
  },
  funding: {
    label: '经费',
    fields: {
      city: { label: '市财政科研项目资金（万元）' },
      issuer: { label: '发榜方投入（万元）' },
      selfRaised: { label: '揭榜方自筹（万元）' },
      contractAmount: { label: '技术开发（委托）合同金额（万元）' },
    },
  },
  isHorseRace: { label: '赛马制' },
  status: { label: '状态' },
} as const satisfies FieldLabels;
