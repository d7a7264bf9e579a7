export * from './label-selector';
export * from './selector-string';
