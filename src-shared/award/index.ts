export * from './documents';
export * from './rules';
export * from './assessments';
export * from './timeline';
export * from './print';
export * from './evidence';
