export * from './draft';
export * from './print';
export * from './edit';
