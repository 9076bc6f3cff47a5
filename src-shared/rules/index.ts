export * from './finding';
export * from './funding';
export * from './package';
export * from './decision';
export * from './taskbook';
export * from './lifecycle';
