export * from './errors';
export * from './model/objects';
export * from './sets';
export * from './selectors';
export * from './parse';
export * from './evaluate';
export * from './render';
export * from './diff';
