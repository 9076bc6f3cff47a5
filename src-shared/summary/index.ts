export * from './summary';
export * from './details';
export * from './csv';
