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
