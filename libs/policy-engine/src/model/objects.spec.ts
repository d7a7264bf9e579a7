import { describe, expect, it } from 'vitest';
import { objectKey } from '@podreach/policy-engine';

describe('objectKey', () => {
  it('names namespaced and cluster-scoped objects', () => {
    expect(objectKey({ kind: 'Pod', namespace: 'x', name: 'a' })).toBe('Pod/x/a');
    expect(objectKey({ kind: 'Namespace', name: 'x' })).toBe('Namespace/x');
  });
});
