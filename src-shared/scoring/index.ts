export * from './sheet';
export * from './edit';
export * from './aggregate';
export * from './horse-race';
export * from './csv';
export * from './transcription';
