import type { JsonDocumentReader } from './json-document-reader';
import { JsonTokenizer, MAX_DEPTH } from './json-tokenizer';

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

/** JSON's four whitespace characters, and what ends a number or literal. */
const isSpace = (c: number) => c === 32 || c === NEWLINE || c === 13 || c === 9;
const endsScalar = (c: number) => isSpace(c) || c === 44 || c === 58 || c === 93 || c === 125;

/**
 * Splits one JSON document, as its text arrives, into the values the reader wants (elements of a
 * top-level array, members of a top-level object, items of its `items` array) and hands each one's
 * text to the native `JSON.parse`. Only the punctuation between those values is checked here. Input
 * found broken is replayed through stream-json's tokenizer, from the last value read, for an error
 * that names the line (and column) as before.
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

  constructor(
    private readonly documentName: string,
    private readonly reader: JsonDocumentReader,
  ) {}

  /** Reads the next piece of text. */
  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (this.reading) {
        i = this.readValue(text, i);
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === NEWLINE) this.newline(i);
      if (!isSpace(c)) this.punctuation(text, i, c);
      // A value's first character is read again as part of it.
      if (!this.reading) i += 1;
    }
    this.offset += text.length;
  }

  /** Ends the document: anything left open means the upload was cut off. */
  end(): void {
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
