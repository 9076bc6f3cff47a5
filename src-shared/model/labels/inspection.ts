/**
 * 实地考察报告 (src-shared/model/lifecycle.ts `InspectionReportSchema`): its fields as the inspection
 * team's form labels them (src-renderer/src/i18n/inspection.ts), so that a field holding a character
 * no print font has is named alike by the report's preview and by every other door. No imports but
 * the labels' type.
 */
import type { FieldLabels } from './field';

export const INSPECTION_REPORT_LABELS = {
  formatVersion: { label: '格式版本' },
  reportId: { label: '考察报告编号' },
  assignmentId: { label: '考察任务编号' },
  subject: {
    label: '考察对象',
    fields: { type: { label: '类型' }, id: { label: '编号' }, packageId: { label: '评审包编号' } },
  },
  date: { label: '考察日期' },
  site: { label: '考察现场' },
  inspectors: {
    label: '考察组成员',
    item: '考察组第 {n} 位成员',
    fields: { id: { label: '编号' }, name: { label: '姓名' } },
  },
  checklist: {
    label: '检查清单',
    item: '第 {n} 项',
    // As the form labels an item's note (「第 4 项的说明」, i18n/inspection.ts `inspection.noteOf`).
    fields: {
      item: { label: '检查项' },
      result: { label: '检查结果' },
      note: { label: '说明', join: '的' },
    },
  },
  notes: { label: '其他情况' },
  photos: {
    label: '现场照片',
    item: '第 {n} 张照片',
    fields: {
      name: { label: '文件名' },
      caption: { label: '照片说明' },
      item: { label: '对应检查项' },
    },
  },
  conclusion: { label: '考察结论' },
} as const satisfies FieldLabels;
