/**
 * The output formats of rendered answers. Connectivity answers use all of them; the diff answer offers the same
 * set, so its renderer shares these names and content types.
 */
export type ConnectivityFormat = 'json' | 'txt' | 'md' | 'csv' | 'dot';

export const CONNECTIVITY_FORMATS: readonly ConnectivityFormat[] = ['json', 'txt', 'md', 'csv', 'dot'];

/**
 * The HTTP `Content-Type` of each format. Text types name UTF-8 explicitly: RFC 7763 requires the charset
 * parameter for Markdown, and without it some clients read `text/*` as US-ASCII.
 */
export const CONTENT_TYPES: Readonly<Record<ConnectivityFormat, string>> = {
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  dot: 'text/vnd.graphviz; charset=utf-8',
};

/** Narrows a query argument such as `?format=` to a known format. */
export function isConnectivityFormat(value: unknown): value is ConnectivityFormat {
  return typeof value === 'string' && (CONNECTIVITY_FORMATS as readonly string[]).includes(value);
}
