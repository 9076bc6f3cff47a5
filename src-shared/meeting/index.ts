export * from './layout';
export * from './forms';
export * from './build';
export * from './verify';
