/**
 * How validators hand back what they find: one call per problem, with the field path and a sentence a
 * person understands. The caller knows the document and the object, and turns each call into a
 * `ValidationProblem`.
 */
export type ReportProblem = (path: string, message: string) => void;
