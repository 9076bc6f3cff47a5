/**
 * 评分表 (`ScoreSheetSchema`, model/sheet.ts): its fields as the expert's form labels them
 * (src-renderer/src/i18n/review.ts: 回避情形, 回避理由, 总体意见, 建议经费（万元）…).
 */
import type { FieldLabels } from './field';

export const SHEET_LABELS = {
  formatVersion: { label: '格式版本' },
  packageId: { label: '评审包编号' },
  expertId: { label: '专家编号' },
  scores: {
    label: '评分',
    item: '第 {n} 位揭榜方的评分',
    fields: {
      applicantId: { label: '揭榜方编号' },
      recusal: {
        label: '回避',
        fields: { kind: { label: '回避情形' }, reason: { label: '回避理由' } },
      },
      criteria: {
        label: '评分项',
        item: '第 {n} 个评分项',
        fields: {
          criterionId: { label: '评分项编号' },
          points: { label: '得分' },
          comment: { label: '评语' },
        },
      },
      overallOpinion: { label: '总体意见' },
      suggestedFunding: { label: '建议经费（万元）' },
      deviationReason: { label: '评分理由' },
    },
  },
  status: { label: '状态' },
  submittedAt: { label: '提交时间' },
  pledgeConfirmedAt: { label: '承诺确认时间' },
} as const satisfies FieldLabels;
