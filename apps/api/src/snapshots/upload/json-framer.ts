import type { JsonDocumentReader } from './json-document-reader';
import { JsonTokenizer, MAX_DEPTH } from './json-tokenizer';
import { closingBrace, mayNestDeeperThan, newlinesIn, prettyIndent } from './pretty-json';

/** What the framer expects next outside a value. */
type Expect = 'value' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'valueOrClose' | 'end';
/** An open container the framer walks: the top-level array or object, or the list's `items`. */
type Frame = 'array' | 'object' | 'items';

const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

/** `prettyElement`'s answer when the element it was given goes on in the next text. */
const HOLD = -2;
/**
 * Most characters held back for one element. Kubernetes objects stay far below (etcd stores at most
 * 1.5 MiB); a larger element is read character by character.
 */
const MAX_HELD = 8 * 1024 * 1024;

/** JSON's four whitespace characters, and what ends a number or literal. */
const isSpace = (c: number) => c === 32 || c === NEWLINE || c === 13 || c === 9;
const endsScalar = (c: number) => isSpace(c) || c === 44 || c === 58 || c === 93 || c === 125;

/**
 * Splits one JSON document, as its text arrives, into the values the reader wants (elements of a
 * top-level array, members of a top-level object, items of its `items` array) and hands each one's
 * text to the native `JSON.parse`. Only the punctuation between those values is checked here. Input
 * found broken is replayed through stream-json's tokenizer, from the last value read, for an error
 * that names the line (and column) as before.
 *
 * Finding where a value ends takes a look at every character, which in JavaScript costs more than
 * parsing it. Pretty-printed items (kubectl's output) skip that: see `prettyElement`.
 */
export class JsonFramer {
  private expect: Expect = 'value';
  private readonly frames: Frame[] = [];
  private key: string | undefined;
  /** The document read so far with every value replaced by a stand-in: the replay's context. */
  private skeleton = '';
  /** Text of the value being read, and its state. */
  private parts: string[] = [];
  private reading = false;
  private scalar = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private startLine = 1;
  private startColumn = 1;
  /** Characters seen, and where the current line starts among them. */
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  /**
   * The end of the last text, from the start of the line of a pretty-printed element it cut off: read
   * again with the next text, so that the element can still be read whole. `holding` is where that
   * element starts, and `searchedTo` how far its end was looked for (both counted like `offset`).
   */
  private held = '';
  private holding = -1;
  private searchedTo = 0;
  /** Off once an element looked pretty-printed but was not: the shortcut then costs more than it saves. */
  private shortcut = true;
  private ending = false;

  constructor(
    private readonly documentName: string,
    private readonly reader: JsonDocumentReader,
  ) {}

  /** Reads the next piece of text. */
  write(chunk: string): void {
    const text = this.held + chunk;
    this.held = '';
    let i = 0;
    while (i < text.length) {
      if (this.reading) {
        i = this.readValue(text, i);
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === NEWLINE) this.newline(i);
      else if (c === OPEN_BRACE && this.expectsElement()) {
        const after = this.prettyElement(text, i);
        if (after === HOLD) {
          const lineStart = this.lineStart - this.offset;
          this.held = text.slice(lineStart);
          this.offset += lineStart;
          return;
        }
        if (after >= 0) {
          i = after;
          continue;
        }
      }
      if (!isSpace(c)) this.punctuation(text, i, c);
      // A value's first character is read again as part of it.
      if (!this.reading) i += 1;
    }
    this.offset += text.length;
  }

  /** Ends the document: anything left open means the upload was cut off. */
  end(): void {
    this.ending = true;
    if (this.held !== '') this.write('');
    if (this.reading && this.scalar) this.valueRead(this.parts.join(''));
    if (this.expect !== 'end' || this.reading) {
      const tokenizer = this.replay(this.reading ? this.parts.join('') : '');
      tokenizer.end(ignore);
      throw tokenizer.syntaxError('unexpected end of input (is the upload truncated?)');
    }
    this.reader.finish();
  }

  private column(index: number): number {
    return this.offset + index - this.lineStart + 1;
  }

  private newline(index: number): void {
    this.line += 1;
    this.lineStart = this.offset + index + 1;
  }

  /** Whether the next value is an element of the top-level array or of the list's `items`. */
  private expectsElement(): boolean {
    const frame = this.frames[this.frames.length - 1];
    return (
      (frame === 'items' || frame === 'array') && (this.expect === 'value' || this.expect === 'valueOrClose')
    );
  }

  /**
   * Reads the object element whose `{` is at `start` in one step when it is pretty-printed: native
   * searches find the first `}` that starts a line indented as the `{`, and `JSON.parse` of the text up
   * to there succeeds only if that is really where the element ends (a complete JSON value cannot be
   * followed by more). Returns where reading goes on; HOLD to wait for the next text when the element
   * goes on past this one; or -1 to read the element character by character instead, as for minified
   * JSON or one `JSON.parse` refuses (whose error that reading then reports).
   */
  private prettyElement(text: string, start: number): number {
    const indent = this.shortcut ? prettyIndent(text, this.lineStart - this.offset, start) : undefined;
    if (indent === undefined) return -1;
    // Text searched before the element was held back is not searched again.
    const from = this.holding === this.offset + start ? this.searchedTo - this.offset : start + 1;
    const close = closingBrace(text, start, from, indent);
    if (close < 0 && !this.ending && text.length - start <= MAX_HELD) {
      this.holding = this.offset + start;
      this.searchedTo = this.offset + text.length;
      return HOLD;
    }
    this.holding = -1;
    const end = close + 1;
    // Nesting is limited as when read character by character.
    const deep = close >= 0 && mayNestDeeperThan(text, start, end, MAX_DEPTH - this.frames.length);
    const json = close < 0 || deep ? undefined : text.slice(start, end);
    const value = json === undefined ? NOT_JSON : parseOrNotJson(json);
    if (value === NOT_JSON) {
      this.shortcut = false;
      return -1;
    }
    this.startLine = this.line;
    this.startColumn = this.column(start);
    const newlines = newlinesIn(text, start, end);
    this.line += newlines.count;
    this.lineStart = this.offset + newlines.last + 1;
    this.handOn(value, json!);
    return end;
  }

  /** A character between values: structure, or the first character of a value. */
  private punctuation(text: string, i: number, c: number): void {
    const frame = this.frames[this.frames.length - 1];
    switch (this.expect) {
      case 'keyOrClose':
      case 'valueOrClose':
        if (c === (frame === 'object' ? CLOSE_BRACE : CLOSE_BRACKET)) return this.close(text, i);
        if (this.expect === 'valueOrClose') return this.startValue(text, i, c);
        if (c === QUOTE) return this.startValue(text, i, c);
        break;
      case 'key':
        if (c === QUOTE) return this.startValue(text, i, c);
        break;
      case 'value':
        if (c === OPEN_BRACKET && this.frames.length === 0) return this.open(text, i, 'array');
        if (c === OPEN_BRACE && this.frames.length === 0) return this.open(text, i, 'object');
        if (c === OPEN_BRACKET && frame === 'object' && this.key === 'items')
          return this.open(text, i, 'items');
        return this.startValue(text, i, c);
      case 'colon':
        if (c === 58) return this.accept(':', 'value');
        break;
      case 'commaOrClose':
        if (c === 44) return this.accept(',', frame === 'object' ? 'key' : 'value');
        if (c === (frame === 'object' ? CLOSE_BRACE : CLOSE_BRACKET)) return this.close(text, i);
        break;
      case 'end':
        break;
    }
    this.fail(text.slice(i, i + 1), this.line, this.column(i));
  }

  private accept(text: string, next: Expect): void {
    this.skeleton += text;
    this.expect = next;
  }

  private open(text: string, i: number, frame: Frame): void {
    this.frames.push(frame);
    if (this.frames.length > MAX_DEPTH) this.fail(text.slice(i, i + 1), this.line, this.column(i));
    if (frame === 'array') this.reader.arrayStart();
    if (frame === 'items') this.reader.itemsStart();
    this.accept(text[i], frame === 'object' ? 'keyOrClose' : 'valueOrClose');
  }

  private close(text: string, i: number): void {
    this.frames.pop();
    this.accept(text[i], this.frames.length === 0 ? 'end' : 'commaOrClose');
  }

  private startValue(text: string, i: number, c: number): void {
    this.reading = true;
    this.parts = [];
    this.startLine = this.line;
    this.startColumn = this.column(i);
    this.scalar = c !== QUOTE && c !== OPEN_BRACE && c !== OPEN_BRACKET;
    this.inString = false;
    this.escaped = false;
    this.depth = 0;
  }

  /** Scans the value being read from `start`; returns where it stopped (its end or the text's). */
  private readValue(text: string, start: number): number {
    let i = start;
    let { depth, inString, escaped } = this;
    let backslash = -1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) this.newline(i);
      if (this.scalar) {
        if (endsScalar(c)) break;
      } else if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) {
            i += 1;
            break;
          }
        } else {
          // Inside a string only a quote or a backslash matters: jump to just before the next one. (A
          // newline passed over is not counted, but a string cannot hold one: JSON.parse refuses it.)
          if (backslash < i) backslash = indexOrEnd(text, '\\', i);
          i = Math.min(indexOrEnd(text, '"', i), backslash) - 1;
        }
      } else if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        depth += 1;
        if (depth + this.frames.length > MAX_DEPTH) {
          this.parts.push(text.slice(start, i + 1));
          this.fail(this.parts.join(''), this.startLine, this.startColumn);
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) {
          i += 1;
          break;
        }
      }
    }
    this.parts.push(text.slice(start, i));
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    const done = this.scalar ? i < text.length : depth === 0 && !inString;
    if (done) this.valueRead(this.parts.join(''));
    return i;
  }

  /** Parses a complete value and passes it on as what it is in the document. */
  private valueRead(json: string): void {
    this.reading = false;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      this.fail(json, this.startLine, this.startColumn);
    }
    const frame = this.frames[this.frames.length - 1];
    if (frame === 'object' && this.expect !== 'value') {
      if (typeof value !== 'string') this.fail(json, this.startLine, this.startColumn);
      this.key = value as string;
      this.accept('""', 'colon');
      return;
    }
    this.handOn(value, json);
  }

  /** Passes a value read whole on as what it is in the document. */
  private handOn(value: unknown, json: string): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame === undefined) this.reader.value(value);
    else if (frame === 'array') this.reader.element(value);
    else if (frame === 'items') this.reader.item(value, json);
    else this.reader.member(this.key!, value);
    this.accept('null', frame === undefined ? 'end' : 'commaOrClose');
  }

  /** Throws the error stream-json finds replaying `tail`, which starts at `line`/`column`. */
  private fail(tail: string, line: number, column: number): never {
    const tokenizer = this.replay(tail, line, column);
    throw tokenizer.syntaxError('unexpected characters');
  }

  private replay(tail: string, line = this.startLine, column = this.startColumn): JsonTokenizer {
    const tokenizer = new JsonTokenizer(this.documentName, line, column);
    tokenizer.prime(this.skeleton);
    tokenizer.write(tail, ignore);
    return tokenizer;
  }
}

function ignore(): void {}

const NOT_JSON = Symbol('not JSON');

function parseOrNotJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return NOT_JSON;
  }
}

/** Where `text` next has `char` from `from` on, or its length when nowhere. */
function indexOrEnd(text: string, char: string, from: number): number {
  const index = text.indexOf(char, from);
  return index < 0 ? text.length : index;
}
