import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { namespace, networkPolicy, pod } from '../../test/builders';
import { adminPolicy, baselinePolicy } from '../../test/conformance-admin/admin-builders';
import { clusterObjects, randomCluster } from '../../test/properties/random-cluster';
import type { AnalysisOptions, Peer } from '../evaluate/answers';
import { workloadPeer } from '../evaluate/endpoints';
import { analyze, type SnapshotAnalysis } from '../evaluate/snapshot-analysis';
import type { AdminPolicyObject, K8sObject } from '../model/objects';
import { PairVerdicts, endpointOf, type PairVerdict } from './pair-verdicts';

const byName = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });

/** Admin-tier policies whose rules pass, deny and allow by namespace, labels and networks. */
const ADMIN_POLICIES: AdminPolicyObject[] = [
  adminPolicy('v1alpha1', {
    name: 'guard',
    priority: 1,
    subject: { namespaces: {} },
    ingress: [
      { action: 'Pass', peers: [{ namespaces: byName('n1') }], ports: [{ named: 'web' }] },
      {
        action: 'Deny',
        peers: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'a' } } } }],
      },
    ],
    egress: [{ action: 'Deny', peers: [{ networks: ['10.1.0.0/29'] }] }],
  }),
  baselinePolicy('v1alpha2', {
    name: 'floor',
    priority: 0,
    subject: { namespaces: byName('n2') },
    ingress: [{ action: 'Deny', peers: [{ namespaces: {} }], ports: [{ named: 'alt' }] }],
  }),
];

const clusters = fc
  .tuple(randomCluster, fc.subarray(ADMIN_POLICIES))
  .map(([cluster, admin]): K8sObject[] => [...clusterObjects(cluster), ...admin]);

/** Every ordered pair of distinct workloads, and every pair with an outside range that connectivity lists. */
function pairsOf(analysis: SnapshotAnalysis, options: AnalysisOptions): [Peer, Peer][] {
  const workloads = analysis.model.workloads.map(workloadPeer);
  const ranges = analysis
    .connectivity(options)
    .connections.filter((c) => c.src.type === 'ipRange' || c.dst.type === 'ipRange')
    .map((c): [Peer, Peer] => [c.src, c.dst]);
  return [
    ...workloads.flatMap((src) =>
      workloads.filter((dst) => dst !== src).map((dst): [Peer, Peer] => [src, dst]),
    ),
    ...ranges,
  ];
}

/** What a check says of both directions, in the summary's terms. */
function checked(analysis: SnapshotAnalysis, src: Peer, dst: Peer, options: AnalysisOptions) {
  const answer = analysis.check(endpointOf(src), endpointOf(dst), {}, options);
  return {
    egress: {
      conn: answer.egress.conn.text,
      isolatedBy: answer.egress.isolatedBy,
      allowedBy: answer.egress.allowedBy,
    },
    ingress: {
      conn: answer.ingress.conn.text,
      isolatedBy: answer.ingress.isolatedBy,
      allowedBy: answer.ingress.allowedBy,
    },
  };
}

function plain(verdict: PairVerdict) {
  return {
    egress: { ...verdict.egress, conn: verdict.egress.conn.toText() },
    ingress: { ...verdict.ingress, conn: verdict.ingress.conn.toText() },
  };
}

describe('PairVerdicts', () => {
  it.each([false, true])(
    'says what check says of every pair of workloads and outside ranges (ipBlockMatchesPods=%s)',
    (ipBlockMatchesPods) => {
      const options = { ipBlockMatchesPods };
      fc.assert(
        fc.property(clusters, (objects) => {
          const analysis = analyze(objects);
          const verdicts = new PairVerdicts(analysis, options);
          for (const [src, dst] of pairsOf(analysis, options)) {
            expect(plain(verdicts.of(src, dst))).toEqual(checked(analysis, src, dst, options));
          }
        }),
        { numRuns: 60 },
      );
    },
    60_000,
  );

  it('reads pairs of workloads from the class matrix and checks only pairs with an outside range', () => {
    const analysis = analyze([
      namespace('shop'),
      pod('shop', 'web', { labels: { app: 'web' }, ips: ['10.0.0.1'] }),
      pod('shop', 'db', { labels: { app: 'db' }, ips: ['10.0.0.2'] }),
      networkPolicy('shop', 'db-from-web', {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 5432 }] }],
      }),
    ]);
    const check = vi.spyOn(analysis, 'check');
    const verdicts = new PairVerdicts(analysis, { ipBlockMatchesPods: false });
    const web: Peer = { type: 'workload', namespace: 'shop', kind: 'Pod', name: 'web' };
    const db: Peer = { type: 'workload', namespace: 'shop', kind: 'Pod', name: 'db' };

    const verdict = verdicts.of(web, db);
    expect(verdict.ingress.conn.toText()).toBe('TCP 5432');
    expect(verdict.ingress.isolatedBy.map((p) => p.name)).toEqual(['db-from-web']);
    expect(verdict.ingress.allowedBy.map((r) => `${r.policy.name} rule ${r.rule}`)).toEqual([
      'db-from-web rule 0',
    ]);
    expect(verdict.egress.conn.toText()).toBe('All Connections');
    expect(check).not.toHaveBeenCalled();

    verdicts.of({ type: 'ipRange', start: '192.0.2.0', end: '192.0.2.255' }, db);
    expect(check).toHaveBeenCalledTimes(1);
  });
});
