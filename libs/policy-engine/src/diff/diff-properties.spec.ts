import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namespace, networkPolicy, pod } from '../../test/builders';
import type { AdminPolicyObject, K8sObject, NetworkPolicyPeer, Protocol } from '../model/objects';
import { canonicalJson } from '../parse/canonical-json';
import { diffLabels } from './label-diff';
import { diffPolicies } from './policy-diff';
import { diffValues, type FieldChange } from './value-diff';

/** Small JSON values over a small vocabulary, so that generated lists share items and line up in many ways. */
function jsonOf(leaves: unknown[]): fc.Arbitrary<unknown> {
  const key = fc.constantFrom('x', 'y', 'app.kubernetes.io/name');
  return fc.letrec<{ json: unknown }>((tie) => ({
    json: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...leaves),
      fc.array(tie('json'), { maxLength: 5 }),
      fc.dictionary(key, tie('json'), { maxKeys: 3 }),
    ),
  })).json;
}
const json = jsonOf(['a', 'b', 1, 2, true, null]);
/** Without `null`, which diffs as an absent field. */
const jsonWithoutNull = jsonOf(['a', 'b', 1, 2, true]);

const word = fc.constantFrom('a', 'b', 'c');
const labels = fc.dictionary(fc.constantFrom('app', 'team', 'pod-template-hash'), word, { maxKeys: 3 });
const peer: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  labels.map((matchLabels) => ({ podSelector: { matchLabels } })),
  fc.record({ namespaceSelector: fc.constant({}), podSelector: fc.record({ matchLabels: labels }) }),
  fc.uniqueArray(fc.constantFrom('10.1.0.0/16', '10.2.0.0/16'), { maxLength: 2 }).map((except) => ({
    ipBlock: { cidr: '10.0.0.0/8', ...(except.length > 0 && { except }) },
  })),
);
const port = fc.record({ protocol: fc.constantFrom<Protocol>('TCP', 'UDP'), port: fc.constantFrom(53, 80) });
const rule = fc.record({ from: fc.array(peer, { maxLength: 2 }), ports: fc.array(port, { maxLength: 2 }) });
const networkPolicyObject = fc
  .record({
    ns: word,
    name: word,
    ingress: fc.array(rule, { maxLength: 3 }),
    egress: fc.array(rule, { maxLength: 2 }),
  })
  .map(({ ns, name, ingress, egress }) =>
    networkPolicy(ns, name, { ingress, egress: egress.map(({ from, ports }) => ({ to: from, ports })) }),
  );
const adminPolicyObject = fc
  .record({
    name: word,
    priority: fc.constantFrom(1, 2),
    ingress: fc.array(
      fc.record({
        action: fc.constantFrom('Allow', 'Deny', 'Pass'),
        from: fc.array(labels, { maxLength: 2 }),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ name, priority, ingress }): AdminPolicyObject => ({
    kind: 'AdminNetworkPolicy',
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    name,
    labels: {},
    spec: {
      priority,
      subject: { namespaces: {} },
      ingress: ingress.map((r) => ({ ...r, from: r.from.map((l) => ({ namespaces: { matchLabels: l } })) })),
    },
  }));
const policies = fc.array(fc.oneof(networkPolicyObject, adminPolicyObject), { maxLength: 6 });

const workloadObjects = fc.array(
  fc.oneof(
    fc.record({ name: word, labels }).map(({ name, labels: l }): K8sObject => namespace(name, l)),
    fc
      .record({ ns: word, name: word, labels, owned: fc.boolean() })
      .map(({ ns, name, labels: l, owned }) =>
        pod(ns, `${name}-pod`, { labels: l, ...(owned && { owner: { kind: 'StatefulSet', name } }) }),
      ),
  ),
  { maxLength: 8 },
);

interface Change {
  change: 'added' | 'removed' | 'modified';
  fields: FieldChange[];
}

const MIRRORED = { added: 'removed', removed: 'added', modified: 'modified' } as const;

/** Changes in a form that compares whatever the order of fields; `mirror` swaps added/removed and before/after. */
function comparable(changes: readonly Change[], mirror = false): unknown[] {
  return changes.map(({ change, fields, ...owner }) => ({
    ...owner,
    change: mirror ? MIRRORED[change] : change,
    fields: fieldTexts(mirror ? fields.map(swapped) : fields),
  }));
}

function fieldTexts(fields: readonly FieldChange[]): string[] {
  return fields.map((field) => canonicalJson(field)).sort();
}

function swapped(field: FieldChange): FieldChange {
  return { path: field.path, before: field.after, after: field.before };
}

describe('diff properties', () => {
  const setLikeChoices = [
    ['ordered lists', {}],
    ['set-like lists', { isSetLike: () => true }],
  ] as const;

  it.each(setLikeChoices)('diffValues(A, A) is empty, with %s', (_name, options) => {
    fc.assert(fc.property(json, (a) => diffValues(a, structuredClone(a), '', options).length === 0));
  });

  it.each(setLikeChoices)('diffValues(B, A) mirrors diffValues(A, B), with %s', (_name, options) => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const forward = diffValues(a, b, '', options).map(swapped);
        expect(fieldTexts(diffValues(b, a, '', options))).toEqual(fieldTexts(forward));
      }),
    );
  });

  it('diffValues(A, B) is empty exactly when A and B are equal, for ordered lists', () => {
    fc.assert(
      fc.property(jsonWithoutNull, jsonWithoutNull, (a, b) => {
        expect(diffValues(a, b).length === 0).toBe(canonicalJson(a) === canonicalJson(b));
      }),
      { numRuns: 300 },
    );
  });

  it('diffPolicies(A, A) is empty', () => {
    fc.assert(fc.property(policies, (a) => diffPolicies(a, structuredClone(a)).length === 0));
  });

  it('diffPolicies(B, A) mirrors diffPolicies(A, B)', () => {
    fc.assert(
      fc.property(policies, policies, (a, b) => {
        expect(comparable(diffPolicies(b, a))).toEqual(comparable(diffPolicies(a, b), true));
      }),
    );
  });

  it('diffLabels(A, A) is empty', () => {
    fc.assert(fc.property(workloadObjects, (a) => diffLabels(a, structuredClone(a)).length === 0));
  });

  it('diffLabels(B, A) mirrors diffLabels(A, B)', () => {
    fc.assert(
      fc.property(workloadObjects, workloadObjects, (a, b) => {
        expect(comparable(diffLabels(b, a))).toEqual(comparable(diffLabels(a, b), true));
      }),
    );
  });
});
