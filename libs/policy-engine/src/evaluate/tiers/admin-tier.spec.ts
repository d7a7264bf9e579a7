import { describe, expect, it } from 'vitest';
import { networkPolicy } from '../../../test/builders';
import {
  adminPolicy,
  baselinePolicy,
  EVERY_NAMESPACE,
  house,
} from '../../../test/conformance-admin/admin-builders';
import { houseCluster, WORLD } from '../../../test/conformance-admin/house-cluster';
import type { K8sObject } from '../../model/objects';
import { analyze } from '../snapshot-analysis';

const harry = { type: 'pod' as const, namespace: 'gryffindor', name: 'harry-potter-0' };
const cedric = { type: 'pod' as const, namespace: 'hufflepuff', name: 'cedric-diggory-0' };
const harryWorkload = {
  type: 'workload' as const,
  namespace: 'gryffindor',
  name: 'harry-potter',
  kind: 'StatefulSet',
};

function snapshot(...policies: K8sObject[]) {
  return analyze([...houseCluster(), ...policies]);
}

const passHufflepuff = adminPolicy('v1alpha1', {
  name: 'team-a-guard',
  priority: 10,
  subject: house('gryffindor'),
  ingress: [
    { name: 'deny-slytherin', action: 'Deny', peers: [house('slytherin')] },
    { action: 'Pass', peers: [house('hufflepuff')] },
  ],
});
const allowFromHufflepuff = networkPolicy('gryffindor', 'allow-web', {
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { house: 'hufflepuff' } } }] }],
});

describe('admin tiers in answers', () => {
  it('explains a check by walking the tiers of each direction', () => {
    const answer = snapshot(passHufflepuff, allowFromHufflepuff).check(cedric, harry, {
      protocol: 'TCP',
      port: 80,
    });
    expect(answer.allowed).toBe(true);
    expect(answer.complete).toBe(true);
    expect(answer.ingress.explanation).toBe(
      'ingress of gryffindor/harry-potter-0: admin: Pass (team-a-guard, rule 1) -> NetworkPolicy: allowed by gryffindor/allow-web rule 0',
    );
    expect(answer.ingress.isolatedBy).toContainEqual({ kind: 'AdminNetworkPolicy', name: 'team-a-guard' });
  });

  it('names the deciding admin rule with its action and rule name', () => {
    const answer = snapshot(passHufflepuff).check(
      { type: 'pod', namespace: 'slytherin', name: 'draco-malfoy-0' },
      harry,
      { protocol: 'TCP', port: 80 },
    );
    expect(answer.allowed).toBe(false);
    expect(answer.ingress.decision).toBe('denied');
    expect(answer.ingress.explanation).toBe(
      'ingress of gryffindor/harry-potter-0: admin: Deny (team-a-guard, rule 0 "deny-slytherin")',
    );
  });

  it('reports Allow rules of the admin tier among the rules that allowed', () => {
    const allow = adminPolicy('v1alpha2', {
      name: 'allow-hufflepuff',
      priority: 1,
      subject: house('gryffindor'),
      ingress: [{ name: 'web', action: 'Allow', peers: [house('hufflepuff')] }],
    });
    const answer = snapshot(allow).check(cedric, harry, { protocol: 'TCP', port: 80 });
    expect(answer.ingress.allowedBy).toEqual([
      {
        tier: 'admin',
        policy: { kind: 'ClusterNetworkPolicy', name: 'allow-hufflepuff' },
        direction: 'ingress',
        rule: 0,
        action: 'Allow',
        ruleName: 'web',
      },
    ]);
    expect(answer.ingress.explanation).toBe(
      'ingress of gryffindor/harry-potter-0: admin: Accept (allow-hufflepuff, rule 0 "web")',
    );
  });

  it('walks a Pass through the baseline to the default allow', () => {
    const banp = baselinePolicy('v1alpha1', {
      name: 'default',
      priority: 0,
      subject: house('gryffindor'),
      ingress: [{ action: 'Deny', peers: [house('ravenclaw')] }],
    });
    const answer = snapshot(passHufflepuff, banp).check(cedric, harry, { protocol: 'TCP', port: 80 });
    expect(answer.ingress.explanation).toBe(
      'ingress of gryffindor/harry-potter-0: admin: Pass (team-a-guard, rule 1) -> default: allowed',
    );
  });

  it('marks verdicts decided between equal priorities as ambiguous, and warns', () => {
    const rules = (action: 'Allow' | 'Deny') => [{ action, peers: [house('hufflepuff')] }];
    const analysis = snapshot(
      adminPolicy('v1alpha1', {
        name: 'a-allow',
        priority: 10,
        subject: house('gryffindor'),
        ingress: rules('Allow'),
      }),
      adminPolicy('v1alpha1', {
        name: 'b-deny',
        priority: 10,
        subject: house('gryffindor'),
        ingress: rules('Deny'),
      }),
    );
    const answer = analysis.check(cedric, harry, { protocol: 'TCP', port: 80 });
    expect(answer).toMatchObject({ allowed: true, ambiguous: true, ingress: { ambiguous: true } });
    expect(answer.egress.ambiguous).toBeUndefined();
    expect(answer.warnings.map((w) => w.code)).toContain('ADMIN_PRIORITY_AMBIGUOUS');
    const unrelated = analysis.check(
      { type: 'pod', namespace: 'ravenclaw', name: 'luna-lovegood-0' },
      harry,
      {},
    );
    expect(unrelated.ambiguous).toBeUndefined();
  });

  it.each([
    [
      'a rule shadowed by an earlier rule of the same policy',
      adminPolicy('v1alpha1', {
        name: 'shadow',
        priority: 1,
        subject: house('gryffindor'),
        ingress: [
          { action: 'Deny', peers: [EVERY_NAMESPACE] },
          { action: 'Allow', peers: [house('hufflepuff')], ports: [{ protocol: 'TCP', port: 80 }] },
        ],
      }),
      'ADMIN_RULE_SHADOWED',
    ],
    [
      'a domainNames peer',
      {
        ...adminPolicy('v1alpha2', { name: 'dns', priority: 1, subject: house('gryffindor') }),
        spec: {
          tier: 'Admin',
          priority: 1,
          subject: house('gryffindor'),
          egress: [{ action: 'Accept', to: [{ domainNames: ['example.com'] }] }],
        },
      } as K8sObject,
      'ADMIN_DOMAIN_NAMES_UNRESOLVED',
    ],
  ])('warns about %s', (_, policy, code) => {
    expect(snapshot(policy).warnings.map((w) => w.code)).toContain(code);
  });

  it('warns when nodes peers cannot be resolved without Node objects', () => {
    const policy = adminPolicy('v1alpha1', {
      name: 'no-nodes',
      priority: 1,
      subject: house('gryffindor'),
      egress: [{ action: 'Deny', peers: [{ nodes: {} }] }],
    });
    const analysis = analyze([...houseCluster({ nodes: false }), policy]);
    expect(analysis.warnings.map((w) => w.code)).toContain('ADMIN_NODES_UNKNOWN');
  });

  it('includes the admin tiers in ingress, egress and connectivity answers', () => {
    const denyWorld = adminPolicy('v1alpha1', {
      name: 'no-world',
      priority: 1,
      subject: house('gryffindor'),
      egress: [{ action: 'Deny', peers: [{ networks: ['192.0.2.0/24'] }] }],
      ingress: [{ action: 'Deny', peers: [house('slytherin')] }],
    });
    const analysis = snapshot(denyWorld);
    const ingress = analysis.ingress(harryWorkload);
    expect(ingress.isolatedBy).toEqual([{ kind: 'AdminNetworkPolicy', name: 'no-world' }]);
    expect(ingress.peers.map((p) => p.peer)).not.toContainEqual(
      expect.objectContaining({ namespace: 'slytherin' }),
    );
    const egress = analysis.egress(harryWorkload);
    const worldRange = egress.peers.find((p) => p.peer.type === 'ipRange' && p.peer.start === '192.0.2.0');
    expect(worldRange).toBeUndefined();
    const connections = analysis.connectivity().connections;
    expect(
      connections.some(
        (c) =>
          c.src.type === 'workload' &&
          c.src.namespace === 'slytherin' &&
          c.dst.type === 'workload' &&
          c.dst.namespace === 'gryffindor',
      ),
    ).toBe(false);
    expect(analysis.check(harry, { type: 'ip', address: WORLD }, {}).allowed).toBe(false);
  });
});
