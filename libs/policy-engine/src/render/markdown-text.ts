/**
 * Characters with a meaning anywhere in a GitHub Markdown line: escapes, code, emphasis, links, HTML and
 * entities, table cells, strikethrough and math. A backslash before any ASCII punctuation is a valid
 * CommonMark escape that renders as the character itself.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&$]/g;

/** What starts a block at the beginning of list-item or paragraph text: heading, list, quote, setext line. */
const BLOCK_START = /^(#|-|\+|=|\d+(?=[.)]))/;

/**
 * Text that renders literally in Markdown: inside a table cell (a `|` cannot end the cell), a list item or a
 * heading. Line breaks become spaces, since a newline would end the table row or the list item.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(BLOCK_START, (marker) => (/^\d/.test(marker) ? `${marker}\\` : `\\${marker}`));
}

/**
 * Text as a code span, which also keeps GitHub from turning names into links, mentions or emoji (an IPv6
 * address such as `2001:db8::100:1` contains `:100:`). Inside a code span only the backtick is special, and in
 * a table cell the `|` too: GFM splits cells before it parses code, so the pipe is written `\|`, which the
 * table parser unescapes. A backslash right before that pipe would escape the backslash instead, so text with
 * a backslash (in a table), a backtick or a line break is written as escaped plain text.
 */
export function markdownCode(text: string, inTable: boolean): string {
  const plain = text === '' || /[`\r\n]/.test(text) || (inTable && text.includes('\\'));
  if (plain) {
    return markdownText(text);
  }
  return `\`${inTable ? text.replace(/\|/g, '\\|') : text}\``;
}
