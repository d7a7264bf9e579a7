/**
 * The benchmark cluster generator (bench/generator): same seed, same cluster; exact sizes; objects the API
 * server would accept, with owners, controller labels and addresses consistent; kubectl's List form; churn.
 * It lives here because the unit test project only collects specs under libs/ and apps/.
 */
import { describe, expect, it } from 'vitest';
import {
  churn,
  generateCluster,
  kubectlListChunks,
  kubectlListText,
  type GeneratedCluster,
  type RawNetworkPolicy,
  type RawObject,
  type SizeProfile,
} from '../../../bench/generator';
import { diffPolicies } from '../src/diff';
import { buildSnapshotContent } from '../src/parse';

const TINY: SizeProfile = { name: 'tiny', pods: 120, policies: 30, namespaces: 6 };
const small = generateCluster({ size: 'S', seed: 42 });

const ofKind = (cluster: GeneratedCluster, kind: string) => cluster.objects.filter((o) => o.kind === kind);
const spec = (o: RawObject) => o.spec as Record<string, unknown>;
const status = (o: RawObject) => o.status as Record<string, unknown>;
const policies = (cluster: GeneratedCluster) => ofKind(cluster, 'NetworkPolicy') as RawNetworkPolicy[];

describe('generateCluster', () => {
  it('gives identical objects for the same seed and different ones for another seed', () => {
    const again = generateCluster({ size: 'S', seed: 42 });
    expect(kubectlListText(again.objects)).toBe(kubectlListText(small.objects));
    expect(generateCluster({ size: 'S', seed: 43 }).objects).not.toEqual(small.objects);
  });

  it.each([
    ['tiny', TINY],
    ['S', 'S' as const],
  ])('holds exactly the pods, policies and namespaces of size %s', (_name, size) => {
    const cluster = size === 'S' ? small : generateCluster({ size, seed: 1 });
    const profile = cluster.size;
    expect(cluster.stats).toMatchObject({
      pods: profile.pods,
      policies: profile.policies,
      namespaces: profile.namespaces,
    });
    expect(ofKind(cluster, 'Pod')).toHaveLength(profile.pods);
    expect(cluster.stats.objects).toBe(cluster.objects.length);
  });

  it('is accepted by the engine as a kubectl List, with nothing skipped and every pod kept', () => {
    const content = buildSnapshotContent([{ name: 'cluster.json', text: kubectlListText(small.objects) }]);
    expect(content.counts).toMatchObject({
      Namespace: 20,
      Pod: 1000,
      NetworkPolicy: 200,
      Node: small.stats.nodes,
      ReplicaSet: small.stats.replicaSets,
    });
    expect(content.skipped).toEqual([]);
    expect(content.complete).toBe(true);
  });

  it('gives every object a unique kind/namespace/name and a namespace that exists', () => {
    const keys = small.objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    const namespaces = new Set(ofKind(small, 'Namespace').map((o) => o.metadata.name));
    for (const o of small.objects)
      if (o.metadata.namespace) expect(namespaces).toContain(o.metadata.namespace);
    for (const ns of ofKind(small, 'Namespace')) {
      expect(ns.metadata.labels?.['kubernetes.io/metadata.name']).toBe(ns.metadata.name);
    }
  });

  it('shares no nested value between objects, as parsed JSON would not', () => {
    const seen = new Set<object>();
    let shared = 0;
    const walk = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      if (seen.has(value)) shared++;
      seen.add(value);
      for (const child of Object.values(value)) walk(child);
    };
    small.objects.forEach(walk);
    expect(shared).toBe(0);
  });

  it('owns every pod by a controller that exists, with the labels that controller adds', () => {
    const byUid = new Map(small.objects.map((o) => [o.metadata.uid, o]));
    for (const pod of ofKind(small, 'Pod')) {
      const [owner] = pod.metadata.ownerReferences ?? [];
      const controller = byUid.get(owner.uid);
      expect(controller).toMatchObject({
        kind: owner.kind,
        metadata: { name: owner.name, namespace: pod.metadata.namespace },
      });
      const labels = pod.metadata.labels ?? {};
      if (owner.kind === 'ReplicaSet') {
        expect(owner.name).toBe(
          `${controller?.metadata.ownerReferences?.[0].name}-${labels['pod-template-hash']}`,
        );
        expect(controller?.metadata.ownerReferences?.[0].kind).toBe('Deployment');
      } else if (owner.kind === 'StatefulSet') {
        expect(labels['statefulset.kubernetes.io/pod-name']).toBe(pod.metadata.name);
        expect(labels['controller-revision-hash']).toMatch(new RegExp(`^${owner.name}-`));
      } else {
        expect(owner.kind).toBe('DaemonSet');
        expect(labels['controller-revision-hash']).toBeDefined();
      }
    }
  });

  it('runs 1-50 pods per top-level workload', () => {
    const perWorkload = new Map<string, number>();
    const ownerOf = new Map(small.objects.map((o) => [o.metadata.uid, o]));
    for (const pod of ofKind(small, 'Pod')) {
      let owner = ownerOf.get(pod.metadata.ownerReferences?.[0].uid ?? '');
      if (owner?.kind === 'ReplicaSet') owner = ownerOf.get(owner.metadata.ownerReferences?.[0].uid ?? '');
      const key = `${owner?.kind}/${owner?.metadata.namespace}/${owner?.metadata.name}`;
      perWorkload.set(key, (perWorkload.get(key) ?? 0) + 1);
    }
    expect(perWorkload.size).toBe(small.stats.workloads);
    for (const count of perWorkload.values()) expect(count).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perWorkload.values())).toBeLessThanOrEqual(50);
  });

  it('gives pods unique IPs in 10.0.0.0/8 on existing nodes; hostNetwork pods use their node address', () => {
    const nodeAddress = new Map(
      ofKind(small, 'Node').map((n) => [
        n.metadata.name,
        (status(n).addresses as { address: string }[])[0].address,
      ]),
    );
    const podIPs = ofKind(small, 'Pod')
      .filter((pod) => spec(pod).hostNetwork !== true)
      .map((pod) => status(pod).podIP as string);
    expect(new Set(podIPs).size).toBe(podIPs.length);
    for (const ip of podIPs) expect(ip).toMatch(/^10\.\d+\.\d+\.\d+$/);
    for (const pod of ofKind(small, 'Pod')) {
      expect(nodeAddress.has(spec(pod).nodeName as string)).toBe(true);
      if (spec(pod).hostNetwork === true)
        expect(status(pod).podIP).toBe(nodeAddress.get(spec(pod).nodeName as string));
    }
    expect(small.stats.hostNetworkPods).toBeGreaterThan(0);
  });

  it('mixes the policy shapes real clusters use', () => {
    const texts = policies(small).map((p) => JSON.stringify(p.spec));
    const share = (pattern: RegExp) => texts.filter((t) => pattern.test(t)).length;
    const defaultDeny = policies(small).filter((p) => p.metadata.name.startsWith('default-deny'));
    expect(defaultDeny.length).toBeGreaterThanOrEqual(10);
    for (const pattern of [
      /"namespaceSelector":\{"matchLabels":\{"team"/,
      /"namespaceSelector":\{"matchLabels":\{[^}]*\}\},"podSelector"/,
      /"k8s-app":"kube-dns"/,
      /"except":\[/,
      /"port":"(http|metrics|postgres)"/,
      /"endPort":/,
      /"operator":"(NotIn|DoesNotExist)"/,
      /"protocol":"SCTP"/,
      /"ingress":\[\{\}\]/,
    ]) {
      expect(share(pattern), String(pattern)).toBeGreaterThan(0);
    }
  });
});

describe('kubectl List text', () => {
  it.each([
    ['indented as kubectl prints it', true],
    ['compact', false],
  ])('parses back to the objects when %s, in any chunk size', (_name, pretty) => {
    const objects = ofKind(small, 'Namespace').concat(policies(small).slice(0, 5));
    const text = kubectlListText(objects, { pretty });
    expect(JSON.parse(text)).toEqual({
      apiVersion: 'v1',
      items: objects,
      kind: 'List',
      metadata: { resourceVersion: '' },
    });
    expect([...kubectlListChunks(objects, { pretty, chunkSize: 10 })].join('')).toBe(text);
    expect(
      text.startsWith(
        pretty ? '{\n    "apiVersion": "v1",\n    "items": [\n        {' : '{"apiVersion":"v1"',
      ),
    ).toBe(true);
  });

  it('prints an empty List', () => {
    expect(JSON.parse(kubectlListText([]))).toMatchObject({ kind: 'List', items: [] });
  });
});

describe('churn', () => {
  const before = kubectlListText(small.objects);
  const { cluster: after, changes } = churn(small, 0.05, 7);

  it('changes 5% of the policies, deterministically, and leaves the original alone', () => {
    expect(changes).toHaveLength(10);
    expect(churn(small, 0.05, 7).changes).toEqual(changes);
    expect(kubectlListText(small.objects)).toBe(before);
    const count = (kind: string) => changes.filter((c) => c.change === kind).length;
    expect(after.stats.policies).toBe(200 - count('removed') + count('added'));
    expect(after.stats.pods).toBe(1000);
  });

  /** Normalized policies of a cluster, through the engine's own parser. */
  const normalizedPolicies = (cluster: GeneratedCluster) =>
    buildSnapshotContent([
      {
        name: 'policies.json',
        text: kubectlListText([...ofKind(cluster, 'Namespace'), ...policies(cluster)]),
      },
    ]).objects;

  it.each([0.05, 0.5])(
    'at %s, changes policies the engine accepts, and its policy diff finds exactly those',
    (fraction) => {
      const churned = churn(small, fraction, 11);
      const found = diffPolicies(normalizedPolicies(small), normalizedPolicies(churned.cluster));
      const key = (c: { change: string; namespace?: string; name: string }) =>
        `${c.change} ${c.namespace}/${c.name}`;
      expect(found.map(key).sort()).toEqual(churned.changes.map(key).sort());
    },
  );
});
