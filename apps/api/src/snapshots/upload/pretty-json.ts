/**
 * Shortcuts through JSON as kubectl and most tools print it: one member per line, each level indented
 * further, so an object whose `{` starts a line ends on the next line that has the same indentation
 * and starts with `}`. They only find candidates; the caller confirms each with `JSON.parse`.
 */

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;

/**
 * What comes right before the `}` that ends the object whose `{` is at `start`, when that `{` is alone
 * on its line (which begins at `lineStart`) but for indentation: a newline and the same indentation.
 * Undefined when anything else comes before or right after the `{` on its line (`{}`, minified JSON),
 * or the line began in text no longer at hand (`lineStart` < 0).
 */
export function prettyIndent(text: string, lineStart: number, start: number): string | undefined {
  if (lineStart < 0) return undefined;
  for (let i = lineStart; i < start; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return undefined;
  }
  // What is not here yet may end the line.
  const next = text.charCodeAt(start + 1);
  const after = text.charCodeAt(start + 2);
  const lineEnds =
    next === NEWLINE || Number.isNaN(next) || (next === RETURN && (after === NEWLINE || Number.isNaN(after)));
  return lineEnds ? `\n${text.slice(lineStart, start)}` : undefined;
}

/**
 * The first `}` from `from` on that `indent` (from `prettyIndent`) precedes, after `start`; -1 if none.
 * Closing braces are far rarer than line breaks, so this visits fewer places than searching for the
 * whole closing line, whose first characters start almost every line.
 */
export function closingBrace(text: string, start: number, from: number, indent: string): number {
  for (let i = text.indexOf('}', from); i !== -1; i = text.indexOf('}', i + 1)) {
    if (i - indent.length > start && text.startsWith(indent, i - indent.length)) return i;
  }
  return -1;
}

/** How many newlines `text` has from `start` up to `end`, and where the last one is (-1: none). */
export function newlinesIn(text: string, start: number, end: number): { count: number; last: number } {
  let count = 0;
  let last = -1;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    count += 1;
    last = i;
  }
  return { count, last };
}

/**
 * Whether the text from `start` up to `end` might nest deeper than `limit`: true when it has more than
 * `limit` opening brackets (those inside strings counted too, so it can only err towards true).
 */
export function mayNestDeeperThan(text: string, start: number, end: number, limit: number): boolean {
  if (end - start <= limit) return false;
  let openers = 0;
  for (const opener of ['{', '[']) {
    for (let i = text.indexOf(opener, start); i !== -1 && i < end; i = text.indexOf(opener, i + 1)) {
      if (++openers > limit) return true;
    }
  }
  return false;
}
