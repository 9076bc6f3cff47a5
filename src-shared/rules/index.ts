export * from './finding';
export * from './funding';
export * from './package';
export * from './taskbook';
export * from './lifecycle';
export * from './in-force';
export * from './print';
