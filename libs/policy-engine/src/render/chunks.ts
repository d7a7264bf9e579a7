/**
 * Joins consecutive small pieces into chunks of at least `minLength` characters (the last may be shorter), so a
 * stream of a million one-line pieces becomes a few hundred writes. Pieces are never split.
 */
export function* coalesce(pieces: Iterable<string>, minLength = 16_384): Iterable<string> {
  let pending: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    pending.push(piece);
    length += piece.length;
    if (length >= minLength) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (length > 0) {
    yield pending.join('');
  }
}
