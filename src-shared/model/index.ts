export * from './common';
export * from './package';
export * from './sheet';
export * from './decision';
export * from './taskbook';
export * from './lifecycle';
export * from './detect';
export * from './document-kind';
