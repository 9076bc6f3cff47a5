import type { ProjectForm } from './documents';

/**
 * Each project form's name (第十七–二十条), apart from the schemas so that the bundle kinds
 * registry names a form without building them (issue 22).
 */
export const FORM_LABEL: Record<ProjectForm['form'], string> = {
  change: '变更申请',
  extension: '延期申请',
  termination: '终止/撤销',
  acceptance: '验收',
};
