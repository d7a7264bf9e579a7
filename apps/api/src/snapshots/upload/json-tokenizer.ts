import { EngineError, MAX_NESTING_DEPTH } from '@podreach/policy-engine';
import { jsonParser, type Token } from 'stream-json/core/parser.js';

/** What stream-json's tokenizer returns per call: a batch of tokens, or its `none` symbol. */
type TokenBatch = { values: Token[] } | symbol;
type Tokenize = (text: string | symbol) => TokenBatch;

// stream-chain's `none` is a registered symbol; handing it to the tokenizer means "end of input".
const END_OF_INPUT = Symbol.for('object-stream.none');

/** Long lines (minified JSON) are fed in slices of this many characters, so errors stay locatable. */
const MAX_SLICE = 1024;

/** Deepest nesting accepted: the engine's limit for every upload, streamed or read whole. */
export const MAX_DEPTH = MAX_NESTING_DEPTH;

const PARSER_PREFIX = /^Parser cannot parse input: /;

/**
 * stream-json's tokenizer, fed a line at a time. It reports what is wrong but not where, so feeding
 * it line by line lets a syntax error name its line (and, in a long line, the column near it). The
 * JSON reader only uses it to explain input it found broken, replaying the part it could not read.
 */
export class JsonTokenizer {
  private readonly tokenize = jsonParser({ streamValues: false }) as unknown as Tokenize;
  private depth = 0;

  /** `line` and `column` are where the text written next starts in the document. */
  constructor(
    private readonly documentName: string,
    private line = 1,
    private column = 1,
  ) {}

  /** Tokenizes text that stands in for what precedes the replayed part; positions do not move. */
  prime(text: string): void {
    const { line, column } = this;
    this.write(text, ignore);
    this.line = line;
    this.column = column;
  }

  /** Tokenizes the next piece of text and hands every complete token to `onToken`. */
  write(text: string, onToken: (token: Token) => void): void {
    for (let start = 0; start < text.length;) {
      const newline = text.indexOf('\n', start);
      const lineEnd = newline === -1 ? text.length : newline + 1;
      // Slices end on the same columns wherever the text starts, so a position is that of its slice.
      const end = Math.min(lineEnd, start + MAX_SLICE - ((this.column - 1) % MAX_SLICE));
      const slice = text.slice(start, end);
      let batch: TokenBatch;
      try {
        batch = this.tokenize(slice);
      } catch (error) {
        throw this.syntaxError(reason(error), sliceStart(this.column));
      }
      this.emit(batch, onToken);
      this.advance(slice);
      start = end;
    }
  }

  /** Ends the input: a value left open means the upload was cut off. */
  end(onToken: (token: Token) => void): void {
    let batch: TokenBatch;
    try {
      batch = this.tokenize(END_OF_INPUT);
    } catch {
      throw this.syntaxError('unexpected end of input (is the upload truncated?)');
    }
    this.emit(batch, onToken);
  }

  private emit(batch: TokenBatch, onToken: (token: Token) => void): void {
    if (typeof batch === 'symbol') return;
    for (const token of batch.values) {
      if (token.name === 'startObject' || token.name === 'startArray') {
        this.depth += 1;
        if (this.depth > MAX_DEPTH) {
          throw this.syntaxError(`nested deeper than ${MAX_DEPTH} levels`, sliceStart(this.column));
        }
      } else if (token.name === 'endObject' || token.name === 'endArray') {
        this.depth -= 1;
      }
      onToken(token);
    }
  }

  private advance(slice: string): void {
    if (slice.endsWith('\n')) {
      this.line += 1;
      this.column = 1;
    } else {
      this.column += slice.length;
    }
  }

  /** `body: not valid JSON: line 3: expected ','`, in the words of the engine's own parse errors. */
  syntaxError(problem: string, column = this.column): EngineError {
    const where = column === 1 ? `line ${this.line}` : `line ${this.line}, near column ${column}`;
    return new EngineError('PARSE_ERROR', `${this.documentName}: not valid JSON: ${where}: ${problem}`, {
      document: this.documentName,
      line: this.line,
      column,
    });
  }
}

/** The first column of the slice that holds `column`. */
function sliceStart(column: number): number {
  return column - ((column - 1) % MAX_SLICE);
}

function ignore(): void {}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.replace(PARSER_PREFIX, '') : String(error);
}
