/**
 * 实地考察任务 (src-shared/bundle/documents.ts `InspectionAssignmentSchema`): its fields as the
 * bureau's desk labels them (src-renderer/src/i18n/bureau.ts reads 完成日期 and the team's and
 * checklist's words from here). No imports but the labels' type: the desk's string table, which
 * the first screen loads, reads it.
 */
import type { FieldLabels } from './field';

export const ASSIGNMENT_LABELS = {
  formatVersion: { label: '格式版本' },
  assignmentId: { label: '考察任务编号' },
  subject: {
    label: '考察对象',
    fields: { type: { label: '类型' }, id: { label: '编号' }, packageId: { label: '评审包编号' } },
  },
  round: { label: '批次' },
  purpose: { label: '考察目的' },
  sites: {
    label: '考察地点',
    item: '考察地点第 {n} 处',
    fields: { name: { label: '名称' }, address: { label: '地址' } },
  },
  team: {
    label: '考察组',
    item: '考察组第 {n} 位成员',
    fields: {
      id: { label: '编号' },
      name: { label: '姓名' },
      role: { label: '职责（组长或成员）' },
    },
  },
  checklist: { label: '检查项', item: '检查项第 {n} 项' },
  reportTo: {
    label: '报告接收方',
    fields: { name: { label: '名称' }, ageRecipient: { label: '加密接收方（age1…）' } },
  },
  issuedOn: { label: '签发日期' },
  dueBy: { label: '完成日期' },
} as const satisfies FieldLabels;
