/**
 * What the templates come filled with: the rubric of 第十二条（五） — 揭榜方资质条件, 揭榜方案可行性,
 * 经费合理性 — plus the bureau's own 成果转化与产业化前景 (第九条（二）), and the aggregation settings
 * of Chinese review practice. The bureau edits them in `rubric.xlsx`.
 */
import { AggregationSchema, RubricSchema, type Aggregation, type Rubric } from '../model';

export const DEFAULT_RUBRIC: Rubric = RubricSchema.parse({
  commentBelowFraction: 0.6,
  criteria: [
    {
      id: 'C1',
      name: '揭榜方资质条件',
      description: '研发实力、科研条件、团队稳定性、诚信',
      maxPoints: 20,
      step: 0.5,
      guidanceBands: [
        { min: 16, max: 20, label: '研发实力强，团队稳定，业绩突出' },
        { min: 12, max: 15.5, label: '基本满足要求' },
        { min: 0, max: 11.5, label: '资质条件明显不足' },
      ],
      article: '第十二条（五）、第九条',
    },
    {
      id: 'C2',
      name: '揭榜方案可行性',
      description: '技术路线、关键技术指标可考核性、里程碑安排',
      maxPoints: 40,
      step: 0.5,
      guidanceBands: [
        { min: 32, max: 40, label: '方案先进可行，指标可考核' },
        { min: 24, max: 31.5, label: '方案基本可行' },
        { min: 0, max: 23.5, label: '方案可行性不足' },
      ],
      article: '第十二条（五）',
    },
    {
      id: 'C3',
      name: '经费合理性',
      description: '预算编制依据、经费结构与阶段拨付安排',
      maxPoints: 20,
      step: 0.5,
      guidanceBands: [
        { min: 16, max: 20, label: '预算合理，依据充分' },
        { min: 12, max: 15.5, label: '预算基本合理' },
        { min: 0, max: 11.5, label: '预算明显不合理' },
      ],
      article: '第十二条（五）、第十三条',
    },
    {
      id: 'C4',
      name: '成果转化与产业化前景',
      description: '自主知识产权、成果转化队伍与经验、协助发榜方应用落地',
      maxPoints: 20,
      step: 0.5,
      guidanceBands: [
        { min: 16, max: 20, label: '可直接应用实现产业化' },
        { min: 12, max: 15.5, label: '有一定转化前景' },
        { min: 0, max: 11.5, label: '转化前景不明' },
      ],
      article: '第九条（二）',
    },
  ],
});

/** Ties are broken by the plan first, as 第十二条（五） weighs it, then the others. */
export const DEFAULT_AGGREGATION: Aggregation = AggregationSchema.parse({
  tieBreakOrder: ['C2', 'C1', 'C3', 'C4'],
});

/** The panel's quorum when the bureau states none (panel.minSize). */
export const DEFAULT_PANEL_MIN_SIZE = 5;
