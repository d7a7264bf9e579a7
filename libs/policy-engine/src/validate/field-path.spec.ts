import { describe, expect, it } from 'vitest';
import { childPath, indexPath, keyPath } from './field-path';

describe('field paths', () => {
  it('reads like the API server prints them', () => {
    const port = childPath(
      indexPath(childPath(indexPath(childPath('spec', 'ingress'), 0), 'ports'), 1),
      'endPort',
    );
    expect(port).toBe('spec.ingress[0].ports[1].endPort');
  });

  it.each([
    ['app', 'metadata.labels.app'],
    ['app.kubernetes.io/name', 'metadata.labels["app.kubernetes.io/name"]'],
    ['tier-1', 'metadata.labels["tier-1"]'],
    ['say "hi"', 'metadata.labels["say \\"hi\\""]'],
  ])('quotes the key %j only when it is not a plain identifier', (key, path) => {
    expect(keyPath('metadata.labels', key)).toBe(path);
  });
});
