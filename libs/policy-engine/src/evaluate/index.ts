export * from './answers';
export * from './peer-text';
