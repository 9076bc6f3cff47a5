/** A rule's verdict on a document: what is wrong, where, and which article says so. */
export type Severity = 'blocking' | 'warning' | 'info';

export interface Finding {
  /** Stable rule id, e.g. 'funding.cityShare'. */
  rule: string;
  /** The article of the measures, e.g. '第十三条（二）'; '' for how a document prints (print.ts). */
  article: string;
  severity: Severity;
  /** Chinese, citing the article. */
  message: string;
  /** Where in the document (for the UI to show it in place). */
  path: (string | number)[];
}

export function finding(
  rule: string,
  article: string,
  severity: Severity,
  message: string,
  path: (string | number)[] = [],
): Finding {
  return { rule, article, severity, message: `${message}（${article}）`, path };
}

export const hasBlocking = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === 'blocking');

/** 1000万元: the cap on city funds per project (第十三条（一）（二）). */
export const CITY_FUNDING_CAP = '1000';
/** 40%: the city's maximum share of the contract amount for 企业出题 projects (第十三条（二）). */
export const CITY_SHARE_MAX = '0.4';

/**
 * 10,000 万元 (1 亿元): a figure of city funds at or above this, ten times the cap of 第十三条, is no
 * slip past the cap but a figure written in 元 in a 万元 column (4000000 → 400 万元).
 */
export const CITY_FUNDING_IN_YUAN = '10000';
/**
 * 100,000 万元 (10 亿元): a project budget or contract amount at or above this is far past any
 * project of these measures (city funds at most 1000 万元, 40% of the contract for 企业出题) and
 * reads as 元 (the measures set no ceiling on the issuer's own money, so this is a warning).
 */
export const PROJECT_AMOUNT_IN_YUAN = '100000';
