/**
 * A double-quoted DOT string, usable both as an ID and as a label. DOT itself only unescapes `\"`, but labels
 * are escString values in which a backslash starts an escape (`\n`, `\N`, `\G`, ...), and a backslash right
 * before the closing quote would escape the quote; so backslashes are doubled, quotes escaped, and line breaks
 * written as `\n`. IDs written this way stay consistent because every reference to a node uses the same form.
 */
export function dotString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n');
  return `"${escaped}"`;
}
