import { describe, expect, it } from 'vitest';
import { EngineError, readDocuments, readNamedDocuments } from '@podreach/policy-engine';

function parseError(text: string, name = 'upload'): EngineError {
  try {
    readDocuments(text, name);
  } catch (error) {
    return error as EngineError;
  }
  throw new Error('expected a parse error');
}

describe('readDocuments', () => {
  it.each([
    ['a JSON object', '{"kind": "Pod"}', [{ kind: 'Pod' }]],
    ['a JSON array', '[{"kind": "Pod"}, {"kind": "Node"}]', [[{ kind: 'Pod' }, { kind: 'Node' }]]],
    ['JSON after whitespace', '\n  {"kind": "Pod"}\n', [{ kind: 'Pod' }]],
    [
      'one YAML document',
      'kind: Pod\nmetadata:\n  name: web\n',
      [{ kind: 'Pod', metadata: { name: 'web' } }],
    ],
    ['a YAML stream', 'kind: Pod\n---\nkind: Node\n', [{ kind: 'Pod' }, { kind: 'Node' }]],
    ['a stream with empty documents', '---\n---\nkind: Pod\n---\n# nothing here\n---\n', [{ kind: 'Pod' }]],
    [
      'a YAML stream of JSON documents',
      '{"kind": "Pod"}\n---\n{"kind": "Node"}\n',
      [{ kind: 'Pod' }, { kind: 'Node' }],
    ],
    ['only a separator', '---\n', []],
    ['nothing at all', '', []],
    ['comments only', '# a comment\n', []],
    [
      'YAML anchors and merge keys',
      'a: &x {app: web}\nb:\n  <<: *x\n  tier: db\n',
      [{ a: { app: 'web' }, b: { app: 'web', tier: 'db' } }],
    ],
    ['YAML 1.2 scalars (yes stays a string)', 'enabled: yes\nport: 8080\n', [{ enabled: 'yes', port: 8080 }]],
  ])('reads %s', (_, text, values) => {
    expect(readDocuments(text, 'upload')).toEqual(values);
  });

  it('names the documents of a stream by position, counting empty ones', () => {
    const names = readNamedDocuments('kind: A\n---\n---\nkind: B\n', 'pods.yaml').map((d) => d.name);
    expect(names).toEqual(['pods.yaml document 1', 'pods.yaml document 3']);
  });

  it('names a single document by the document name alone', () => {
    expect(readNamedDocuments('kind: A\n', 'pod.yaml').map((d) => d.name)).toEqual(['pod.yaml']);
  });

  it.each([
    [
      'JSON with comments',
      '{\n  // the web pod\n  "kind": "Pod"\n}',
      'upload: not valid JSON: line 2, column 3:',
    ],
    ['JSON with a trailing comma', '{"kind": "Pod",}', 'upload: not valid JSON: line 1, column 16:'],
    ['truncated JSON', '{"items": [', 'upload: not valid JSON:'],
    ['broken YAML', 'kind: Pod\nmetadata:\n  name: [web\n', 'upload: line 4, column 1: not valid YAML:'],
    [
      'a tab-indented YAML document in a stream',
      'kind: Pod\n---\nkind: Node\nmetadata:\n\tname: n\n',
      'upload document 2: line 5, column 1: not valid YAML:',
    ],
    [
      'a duplicate YAML key',
      'kind: Pod\nkind: Node\n',
      'upload: line 2, column 1: not valid YAML: Map keys must be unique',
    ],
  ])('rejects %s with PARSE_ERROR naming the document and position', (_, text, start) => {
    const error = parseError(text);
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message.startsWith(start)).toBe(true);
  });
});

describe('readDocuments on input built to exhaust the reader', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const aliasBomb = ['a: &a [x, x, x, x, x, x, x, x, x]']
    .concat(
      ['b', 'c', 'd', 'e'].map((key, i) => `${key}: &${key} [${Array(9).fill(`*${'abcd'[i]}`).join(', ')}]`),
    )
    .join('\n');

  it.each([
    ['JSON nested 10,000 levels', nested(10_000), 'upload: nested deeper than 1000 levels'],
    ['JSON nested 1001 levels', nested(1001), 'upload: nested deeper than 1000 levels'],
    ['YAML nested 10,000 levels', `a: ${nested(10_000)}`, 'not valid YAML: nested too deeply'],
    ['a YAML alias bomb', aliasBomb, 'upload: not valid YAML: its aliases expand too much'],
  ])('rejects %s with PARSE_ERROR instead of running out of stack or memory', (_, text, message) => {
    const error = parseError(text);
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toContain(message);
  });

  it('reads JSON nested exactly as deep as a streamed upload may be', () => {
    expect(readDocuments(nested(1000), 'upload')).toHaveLength(1);
  });
});
