export * from './draft';
export * from './print';
export * from './edit';
export * from './judge';
export * from './rest';
