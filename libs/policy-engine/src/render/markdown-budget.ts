/**
 * Pieces of a Markdown document kept under a character limit: `tryAdd` takes a piece only while the pieces so
 * far and `reserve` more characters (for what must close the document) stay within the limit; `add` always
 * takes one (closing tags, the note about what was left out), spending the reserve.
 */
export class MarkdownBudget {
  private readonly pieces: string[] = [];
  private used = 0;

  constructor(
    private readonly limit: number,
    private readonly reserve: number,
  ) {}

  tryAdd(piece: string): boolean {
    if (this.used + piece.length + this.reserve > this.limit) return false;
    this.add(piece);
    return true;
  }

  add(piece: string): void {
    this.pieces.push(piece);
    this.used += piece.length;
  }

  /** The pieces in order. */
  result(): readonly string[] {
    return this.pieces;
  }
}
