/** 专家组意见 (`PanelDecisionSchema`, model/decision.ts): its fields as the chair's desk names them. */
import type { FieldLabels } from './field';

export const DECISION_LABELS = {
  formatVersion: { label: '格式版本' },
  packageId: { label: '评审包编号' },
  chairExpertId: { label: '组长专家编号' },
  ranking: {
    label: '排名',
    item: '排名第 {n} 行',
    fields: {
      applicantId: { label: '揭榜方编号' },
      rank: { label: '名次' },
      score: { label: '得分' },
      validSheets: { label: '有效评分表（份）' },
      method: { label: '汇总方法' },
    },
  },
  tieBreaks: {
    label: '同分排序',
    item: '同分排序第 {n} 项',
    fields: {
      applicantIds: { label: '同分揭榜方' },
      order: { label: '排序' },
      reason: { label: '理由' },
    },
  },
  recommendedIds: { label: '揭榜方建议名单', item: '揭榜方建议名单第 {n} 位' },
  horseRace: {
    label: '赛马制',
    fields: {
      solverIds: { label: '赛马揭榜方', item: '赛马揭榜方第 {n} 位' },
      reason: { label: '理由' },
      overrideReason: { label: '不按评分接近采用的理由' },
      raceStageShare: { label: '赛马阶段经费比例' },
    },
  },
  approvedFunding: {
    label: '核定经费',
    item: '核定经费第 {n} 项',
    fields: { applicantId: { label: '揭榜方编号' }, amount: { label: '金额（万元）' } },
  },
  approvedTotal: { label: '核定经费合计（万元）' },
  opinion: { label: '专家组意见' },
  dissent: {
    label: '不同意见',
    item: '不同意见第 {n} 项',
    fields: { expertId: { label: '专家编号' }, reason: { label: '理由' } },
  },
  deviationReasons: {
    label: '偏离理由',
    item: '偏离理由第 {n} 项',
    fields: {
      applicantId: { label: '揭榜方编号' },
      expertId: { label: '专家编号' },
      reason: { label: '理由' },
    },
  },
  absences: {
    label: '缺席记录',
    item: '缺席记录第 {n} 项',
    fields: { expertId: { label: '专家编号' }, reason: { label: '理由' } },
  },
  belowMinValidSheetsReason: { label: '有效评分表不足时的说明' },
  decidedAt: { label: '形成意见时间' },
} as const satisfies FieldLabels;
