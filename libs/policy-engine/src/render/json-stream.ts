/** A document field whose array is written item by item instead of being held in memory as a whole. */
export class JsonArrayStream {
  constructor(readonly items: Iterable<unknown>) {}
}

/**
 * Pieces of `JSON.stringify(document)` (compact, keys in the object's order), where every `JsonArrayStream`
 * field is written as an array with one piece per item. Fields that are `undefined` are left out, as
 * `JSON.stringify` leaves them out, so the joined pieces equal the stringified document byte for byte.
 */
export function* jsonPieces(document: Readonly<Record<string, unknown>>): Iterable<string> {
  let separator = '{';
  for (const [key, value] of Object.entries(document)) {
    if (value === undefined) {
      continue;
    }
    const name = `${separator}${JSON.stringify(key)}:`;
    separator = ',';
    if (!(value instanceof JsonArrayStream)) {
      yield name + JSON.stringify(value);
      continue;
    }
    let prefix = `${name}[`;
    for (const item of value.items) {
      yield prefix + JSON.stringify(item);
      prefix = ',';
    }
    // `prefix` is still the field's opening when the array had no items.
    yield prefix === ',' ? ']' : `${prefix}]`;
  }
  yield separator === '{' ? '{}' : '}';
}
