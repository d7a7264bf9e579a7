/**
 * One output format of one kind of answer. A formatter yields the document in pieces, in order, so that the
 * API can stream a huge answer instead of building one string; joining the pieces gives the whole document.
 * Connectivity formatters are `Formatter<ConnectivityListing, ConnectivityContext>`; a diff formatter is a
 * `Formatter<DiffAnswer, DiffContext>` registered beside them.
 */
export type Formatter<TAnswer, TContext> = (answer: TAnswer, context: TContext) => Iterable<string>;

/** What a connectivity document names besides the answer itself. */
export interface ConnectivityContext {
  /** The id of the stored snapshot the answer is about. */
  snapshot: string;
}
