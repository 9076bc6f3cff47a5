export * from './bounds';
export * from './checklist';
export * from './photo';
export * from './report';
export * from './visit-date';
export * from './exif';
export * from './assignment-file';
