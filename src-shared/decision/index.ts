export * from './gather';
export * from './draft';
export * from './check';
