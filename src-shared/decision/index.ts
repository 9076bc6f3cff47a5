export * from './gather';
export * from './draft';
export * from './check';
export * from './race-selection';
export * from './share';
