export * from './summary';
export * from './details';
