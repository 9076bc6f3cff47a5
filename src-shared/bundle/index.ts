export * from './bundle';
export * from './manifest';
export * from './trust';
export * from './zip';
