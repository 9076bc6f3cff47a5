export * from './draft';
export * from './print';
