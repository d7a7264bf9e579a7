import { parseAllDocuments, type Document } from 'yaml';
import { EngineError } from '../errors';
import { MAX_NESTING_DEPTH, nestsDeeperThan } from './nesting-depth';

/** A top-level value of an upload and the name problems and warnings use for it. */
export interface NamedDocument {
  name: string;
  value: unknown;
}

const JSON_START = /^\s*[[{]/;
const YAML_SEPARATOR = /^---\s*$/m;
const STACK_OVERFLOW = /^Maximum call stack size exceeded$/;

/** `line L, column C` of a character offset, for JSON errors that only give a position. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function tryJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    return { error: position ? `${lineColumn(text, Number(position[1]))}: ${message}` : message };
  }
}

function parseError(document: string, problem: string): EngineError {
  return new EngineError('PARSE_ERROR', `${document}: ${problem}`, { document });
}

/** A parsed value nested no deeper than a streamed JSON upload may be (PARSE_ERROR otherwise). */
function shallowEnough<T>(value: T, document: string): T {
  if (nestsDeeperThan(value, MAX_NESTING_DEPTH)) {
    throw parseError(document, `nested deeper than ${MAX_NESTING_DEPTH} levels`);
  }
  return value;
}

/**
 * A YAML document's value. Aliases may not expand much (a few kilobytes of `&a [*b, *b, ...]` would
 * otherwise expand to gigabytes), which the YAML library reports with a ReferenceError.
 */
function yamlValue(document: Document.Parsed, name: string): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof ReferenceError) {
      throw parseError(
        name,
        'not valid YAML: its aliases expand too much (more than 100 uses of anchored nodes)',
      );
    }
    throw error;
  }
}

/**
 * Parses JSON or YAML text into its top-level values, each with a name: `documentName` for a single
 * document, `documentName document N` (1-based, counting every document of the stream) for a YAML
 * stream of several. Empty documents (a bare `---`, comments only) are left out. Text that starts with
 * `{` or `[` and has no `---` line is parsed as JSON (much faster for large `kubectl get -o json`
 * dumps); anything else as YAML, which JSON documents are part of. Throws `EngineError('PARSE_ERROR')`
 * naming the document, line and column.
 */
export function readNamedDocuments(text: string, documentName: string): NamedDocument[] {
  if (JSON_START.test(text) && !YAML_SEPARATOR.test(text)) {
    // Text that opens like JSON must be JSON (unless it is a stream of documents): the YAML parser would
    // accept JSON with `//` comments, taking each comment for a key.
    const json = tryJson(text);
    if ('value' in json) return [{ name: documentName, value: shallowEnough(json.value, documentName) }];
    throw new EngineError('PARSE_ERROR', `${documentName}: not valid JSON: ${json.error}`, {
      document: documentName,
    });
  }
  const documents = parseAllDocuments(text, { merge: true, prettyErrors: true });
  if (!Array.isArray(documents)) return [];
  const several = documents.length > 1;
  const out: NamedDocument[] = [];
  documents.forEach((document, i) => {
    const name = several ? `${documentName} document ${i + 1}` : documentName;
    const [error] = document.errors;
    if (error) {
      const where = error.linePos
        ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}`
        : 'unknown position';
      const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      // The parser recurses per level and reports running out of stack as an error of the document.
      const summary = STACK_OVERFLOW.test(message) ? 'nested too deeply' : message;
      throw new EngineError('PARSE_ERROR', `${name}: ${where}: not valid YAML: ${summary}`, {
        document: name,
      });
    }
    const value = shallowEnough(yamlValue(document, name), name);
    if (value !== null && value !== undefined) out.push({ name, value });
  });
  return out;
}

/**
 * Parses JSON or YAML text (multi-document YAML allowed) into its top-level values. Throws
 * `EngineError('PARSE_ERROR', ...)` naming the document and the line and column when it cannot be parsed.
 */
export function readDocuments(text: string, documentName: string): unknown[] {
  return readNamedDocuments(text, documentName).map((document) => document.value);
}
