import { describe, expect, it } from 'vitest';
import { namespace, networkPolicy, pod } from '../../test/builders';
import {
  API_VERSIONS,
  adminPolicy,
  baselinePolicy,
  type AdminAction,
  type ApiVersion,
} from '../../test/conformance-admin/admin-builders';
import { peerText } from '../evaluate/peer-text';
import type { K8sObject } from '../model/objects';
import { diffSnapshots } from './snapshot-diff';

/** Namespaces `client` and `server`, one bare pod each; nothing isolates anything. */
const cluster: K8sObject[] = [
  namespace('client', { role: 'client' }),
  namespace('server', { role: 'server' }),
  pod('client', 'c', { labels: { app: 'c' }, ips: ['10.0.0.1'] }),
  pod('server', 's', { labels: { app: 's' }, ips: ['10.0.0.2'] }),
];

const serverDefaultDeny = networkPolicy('server', 'default-deny', {});

/** An admin-tier policy on the server namespace's ingress: `action` for traffic from the client namespace. */
const guard = (version: ApiVersion, action: AdminAction) =>
  adminPolicy(version, {
    name: 'server-guard',
    priority: 10,
    subject: { namespaces: { matchLabels: { role: 'server' } } },
    ingress: [{ name: 'from-client', action, peers: [{ namespaces: { matchLabels: { role: 'client' } } }] }],
  });

const baselineDeny = (version: ApiVersion) =>
  baselinePolicy(version, {
    name: 'server-baseline',
    priority: 10,
    subject: { namespaces: { matchLabels: { role: 'server' } } },
    ingress: [{ action: 'Deny', peers: [{ namespaces: {} }] }],
  });

interface Scenario {
  name: string;
  base: (version: ApiVersion) => K8sObject[];
  head: (version: ApiVersion) => K8sObject[];
  type: 'added' | 'removed';
  /** The admin or baseline policy that must be named among the causes. */
  cause: (version: ApiVersion) => K8sObject;
}

const scenarios: Scenario[] = [
  {
    name: 'a new admin Deny removes a connection NetworkPolicy never restricted',
    base: () => cluster,
    head: (v) => [...cluster, guard(v, 'Deny')],
    type: 'removed',
    cause: (v) => guard(v, 'Deny'),
  },
  {
    name: 'a new admin Allow overrides a NetworkPolicy default-deny',
    base: () => [...cluster, serverDefaultDeny],
    head: (v) => [...cluster, serverDefaultDeny, guard(v, 'Allow')],
    type: 'added',
    cause: (v) => guard(v, 'Allow'),
  },
  {
    name: 'turning an admin Deny into Pass hands the decision back to (absent) NetworkPolicies',
    base: (v) => [...cluster, guard(v, 'Deny')],
    head: (v) => [...cluster, guard(v, 'Pass')],
    type: 'added',
    cause: (v) => guard(v, 'Pass'),
  },
  {
    name: 'a new baseline Deny removes what no NetworkPolicy decided',
    base: () => cluster,
    head: (v) => [...cluster, baselineDeny(v)],
    type: 'removed',
    cause: (v) => baselineDeny(v),
  },
  {
    name: 'a baseline Deny stops mattering once a NetworkPolicy isolates the pod and allows the client',
    base: (v) => [...cluster, baselineDeny(v)],
    head: (v) => [
      ...cluster,
      baselineDeny(v),
      networkPolicy('server', 'allow-client', {
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { role: 'client' } } }] }],
      }),
    ],
    type: 'added',
    cause: () => networkPolicy('server', 'allow-client', {}),
  },
];

describe.each(API_VERSIONS)('diffs of admin and baseline tiers (%s)', (version) => {
  it.each(scenarios)('$name', (scenario) => {
    const answer = diffSnapshots(
      { id: 'base', objects: scenario.base(version) },
      { id: 'head', objects: scenario.head(version) },
    );
    const change = answer.connectivity.find(
      (entry) => peerText(entry.src) === 'client/c[Pod]' && peerText(entry.dst) === 'server/s[Pod]',
    );
    expect(change?.type).toBe(scenario.type);
    const expected = scenario.cause(version);
    const named = change?.causedBy.some(
      (cause) => cause.policy?.kind === expected.kind && cause.policy?.name === expected.name,
    );
    expect(named, JSON.stringify(change?.causedBy)).toBe(true);
    const policyChange = answer.policies.find((p) => p.kind === expected.kind && p.name === expected.name);
    expect(policyChange).toBeDefined();
  });

  it('an unchanged admin policy gives an empty diff', () => {
    const objects = [...cluster, guard(version, 'Deny'), baselineDeny(version)];
    const answer = diffSnapshots({ id: 'a', objects }, { id: 'b', objects });
    expect(answer.summary).toEqual({ added: 0, removed: 0, changed: 0, policiesChanged: 0 });
  });
});
