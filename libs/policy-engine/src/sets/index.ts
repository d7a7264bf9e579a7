export * from './interval-set';
export * from './port-set';
export * from './ip-set';
export * from './ip-special';
export * from './connection-set';
