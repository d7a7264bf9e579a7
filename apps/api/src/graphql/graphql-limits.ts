/** Most items one page of any GraphQL list may hold. */
export const MAX_PAGE_SIZE = 1000;

/** Items of a page when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 100;
