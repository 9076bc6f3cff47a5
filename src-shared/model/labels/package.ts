/**
 * 评审包 (`ReviewPackageSchema`, model/package.ts): its fields in the words of the bureau's
 * workbooks (src-shared/bureau/tables.ts headers, which the desk shows) and its sheets' names
 * (榜单, 指标, 揭榜方, 成员单位, 里程碑, 专家, 评分细则, 汇总设置).
 */
import type { FieldLabels } from './field';

const ORGANISATION = {
  id: { label: '单位编号' },
  name: { label: '单位名称' },
  creditCode: { label: '统一社会信用代码' },
  kind: { label: '单位类型（第九条）' },
  isLegalEntity: { label: '具有法人资格（第九条）' },
  isOnSanctionList: { label: '列入联合惩戒名单（第九条（三））' },
} as const satisfies FieldLabels;

export const PACKAGE_LABELS = {
  formatVersion: { label: '格式版本' },
  packageId: { label: '评审包编号' },
  title: { label: '评审包名称' },
  bureau: {
    label: '市科技局',
    fields: {
      name: { label: '名称' },
      signingKeyFingerprint: { label: '签名密钥指纹' },
      ageRecipient: { label: '加密接收方（age1…）' },
    },
  },
  demand: {
    label: '榜单',
    fields: {
      id: { label: '榜单编号' },
      title: { label: '榜单名称' },
      issuer: {
        label: '发榜方',
        fields: {
          name: { label: '名称' },
          creditCode: { label: '统一社会信用代码' },
          kind: { label: '类型（第八条）' },
          isLocal: { label: '为区域内单位（第八条）' },
          hasFundingCommitment: { label: '有资金投入和配套条件（第八条（二））' },
          isOnSanctionList: { label: '列入联合惩戒名单（第八条（三））' },
          isEndUser: { label: '为技术需求最终用户（第十二条（一））' },
        },
      },
      projectType: { label: '项目类型（第三条）' },
      technicalRequirements: { label: '技术需求' },
      indicators: {
        label: '指标',
        item: '指标第 {n} 项',
        fields: {
          id: { label: '指标编号' },
          name: { label: '指标名称' },
          target: { label: '考核目标' },
        },
      },
      budget: { label: '项目总预算（万元）' },
      cityFunding: { label: '市财政资助（万元）' },
      contractAmount: { label: '技术开发合同金额（万元）' },
      periodMonths: { label: '实施周期（月）' },
      allowsHorseRace: { label: '允许赛马制' },
    },
  },
  applicants: {
    label: '揭榜方',
    item: '揭榜方第 {n} 位',
    fields: {
      id: { label: '揭榜方编号' },
      name: { label: '揭榜方名称' },
      members: { label: '成员单位', item: '成员单位第 {n} 家', fields: ORGANISATION },
      isConsortium: { label: '揭榜形式（第十二条（四））' },
      leadMemberId: { label: '牵头单位编号' },
      cooperationAgreementId: { label: '合作协议文件' },
      relations: {
        label: '与发榜方关系（第十条）',
        item: '与发榜方关系第 {n} 项',
        fields: {
          kind: { label: '关系' },
          memberId: { label: '有关系的成员单位编号' },
          note: { label: '关系说明' },
        },
      },
      chiefExpert: {
        label: '首席专家',
        fields: {
          name: { label: '姓名' },
          title: { label: '职称' },
          organisationId: { label: '所在单位编号' },
        },
      },
      technicalRoute: {
        label: '技术路线',
        fields: { id: { label: '编号' }, label: { label: '名称' }, summary: { label: '概述' } },
      },
      requestedFunding: { label: '申请市财政资助（万元）' },
      milestones: {
        label: '里程碑',
        item: '里程碑第 {n} 项',
        fields: {
          id: { label: '里程碑编号' },
          title: { label: '里程碑名称' },
          month: { label: '完成时间（第几个月）' },
          deliverables: { label: '交付成果', item: '交付成果第 {n} 项' },
          indicatorIds: { label: '对应指标编号', item: '对应指标编号第 {n} 项' },
        },
      },
      attachments: {
        label: '申报书文件',
        item: '申报书文件第 {n} 个',
        fields: {
          id: { label: '编号' },
          name: { label: '标题' },
          mediaType: { label: '文件类型' },
          sha256: { label: 'SHA-256' },
          size: { label: '大小' },
          path: { label: '路径' },
          role: { label: '用途' },
        },
      },
    },
  },
  panel: {
    label: '专家组',
    fields: {
      experts: {
        label: '专家',
        item: '专家第 {n} 位',
        fields: {
          id: { label: '专家编号' },
          name: { label: '姓名' },
          organisation: { label: '工作单位' },
          title: { label: '职称' },
          expertise: { label: '专业领域' },
          role: { label: '专家组组长' },
          nominatedBy: { label: '推荐方' },
        },
      },
      minSize: { label: '专家组最少人数' },
    },
  },
  rubric: {
    label: '评分细则',
    fields: {
      criteria: {
        label: '评分项',
        item: '评分项第 {n} 项',
        fields: {
          id: { label: '评分项编号' },
          name: { label: '评分项' },
          description: { label: '评分要点' },
          maxPoints: { label: '满分' },
          step: { label: '分值步长' },
          guidanceBands: {
            label: '评分档次',
            item: '评分档次第 {n} 档',
            fields: { min: { label: '下限' }, max: { label: '上限' }, label: { label: '说明' } },
          },
          weight: { label: '权重' },
          requiresComment: { label: '必须填写评语' },
          article: { label: '依据条款' },
        },
      },
      commentBelowFraction: { label: '低于满分此比例须写评语' },
    },
  },
  aggregation: {
    label: '汇总设置',
    fields: {
      method: { label: '汇总方法' },
      trimMinSheets: { label: '去极值所需最少有效评分表（份）' },
      deviationThreshold: { label: '偏离阈值（分）' },
      tieBreakOrder: { label: '同分比较顺序', item: '同分比较顺序第 {n} 项' },
      horseRaceCloseness: { label: '赛马制评分接近（分差）' },
      passScore: { label: '推荐最低分' },
      minValidSheets: { label: '最少有效评分表（份）' },
    },
  },
  schedule: {
    label: '日程',
    fields: { reviewDate: { label: '评审日期' }, publicityStart: { label: '公示开始日期' } },
  },
} as const satisfies FieldLabels;
