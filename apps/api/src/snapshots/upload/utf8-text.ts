import { EngineError } from '@podreach/policy-engine';

/**
 * Decodes UTF-8 chunk by chunk (a character split between chunks is kept for the next one) and drops
 * a leading byte-order mark. Bytes that are not UTF-8 are a PARSE_ERROR rather than silently replaced.
 */
export class Utf8Text {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly documentName: string) {}

  decode(chunk: Uint8Array): string {
    return this.run(() => this.decoder.decode(chunk, { stream: true }));
  }

  /** The text still held back at the end of the input; a cut-off character is an error. */
  end(): string {
    return this.run(() => this.decoder.decode());
  }

  private run(decode: () => string): string {
    try {
      return decode();
    } catch {
      throw new EngineError('PARSE_ERROR', `${this.documentName}: not valid UTF-8 text`, {
        document: this.documentName,
      });
    }
  }
}
