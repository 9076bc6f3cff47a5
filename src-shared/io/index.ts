export * from './read';
export * from './scan';
export * from './sniff';
