/** Per-workload ingress policies: who may connect to a workload, and on which ports. */
import { INGRESS_NAMESPACE, MONITORING_NAMESPACE } from './namespaces';
import { byApp, byLabel, namespaceNamed, policyPort } from './policy-peers';
import type { Template } from './policy-templates';
import type { Random } from './random';
import type { RawNetworkPolicySpec } from './raw-objects';
import { APP_WORDS } from './vocabulary';

/** Ingress-only policies sometimes list `policyTypes` and sometimes rely on its defaulting. */
function ingressOnly(random: Random): Pick<RawNetworkPolicySpec, 'policyTypes'> {
  return random.chance(0.5) ? { policyTypes: ['Ingress'] } : {};
}

export const fromTier: Template = ({ target, random }) => {
  const tier = random.pick(['frontend', 'backend', 'worker'].filter((t) => t !== target.tier));
  return {
    name: `allow-${target.name}-from-${tier}`,
    spec: {
      podSelector: byApp(target.name),
      ...ingressOnly(random),
      ingress: [
        {
          from: [{ podSelector: byLabel('tier', tier) }],
          ports: [policyPort(target.ports[0], random, true)],
        },
      ],
    },
  };
};

export const fromTeam: Template = ({ target, teams, random }) => {
  const team = random.pick(teams);
  return {
    name: `allow-${target.name}-from-team-${team}`,
    spec: {
      podSelector: byApp(target.name),
      ...ingressOnly(random),
      ingress: [
        {
          from: [{ namespaceSelector: byLabel('team', team) }],
          ports: target.ports.map((port) => policyPort(port, random, false)),
        },
      ],
    },
  };
};

/** Namespace AND pod selector in one peer: only that app, only in prod namespaces. */
export const fromAppInProd: Template = ({ target, workloads, random }) => {
  const client = random.pick(workloads);
  return {
    name: `allow-${target.name}-from-${client.name}-in-prod`,
    spec: {
      podSelector: byApp(target.name),
      ...ingressOnly(random),
      ingress: [
        {
          from: [{ namespaceSelector: byLabel('env', 'prod'), podSelector: byApp(client.name) }],
          ports: [policyPort(target.ports[0], random, false)],
        },
      ],
    },
  };
};

export const fromIngressController: Template = ({ target, random }) => ({
  name: `allow-${target.name}-from-ingress`,
  spec: {
    podSelector: byApp(target.name),
    ...ingressOnly(random),
    ingress: [
      {
        from: [
          {
            namespaceSelector: namespaceNamed(INGRESS_NAMESPACE),
            podSelector: byLabel('app.kubernetes.io/name', 'ingress-nginx'),
          },
        ],
        ports: [policyPort(target.ports[0], random, true)],
      },
    ],
  },
});

/** Asks for the `metrics` port by name even where a workload has none: such ports resolve nowhere. */
export const metricsScrape: Template = ({ target, random }) => ({
  name: `allow-${target.name}-metrics-scrape`,
  spec: {
    podSelector: byApp(target.name),
    ...ingressOnly(random),
    ingress: [
      {
        from: [
          {
            namespaceSelector: namespaceNamed(MONITORING_NAMESPACE),
            podSelector: byLabel('app.kubernetes.io/name', 'prometheus'),
          },
        ],
        ports: [{ port: 'metrics' }],
      },
    ],
  },
});

/** Tier-wide rules written with all four matchExpressions operators. */
export const expressions: Template = ({ target }) => ({
  name: `allow-${target.tier}-tier-from-non-dev`,
  spec: {
    podSelector: {
      matchLabels: { tier: target.tier },
      matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }],
    },
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [
          {
            namespaceSelector: {
              matchExpressions: [
                { key: 'env', operator: 'NotIn', values: ['dev'] },
                { key: 'team', operator: 'Exists' },
              ],
            },
            podSelector: {
              matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'backend'] }],
            },
          },
        ],
        ports: [
          { protocol: 'TCP', port: 9090 },
          { protocol: 'UDP', port: 8125 },
        ],
      },
    ],
  },
});

export const fromNodes: Template = ({ target, random }) => ({
  name: `allow-${target.name}-from-vpc`,
  spec: {
    podSelector: byApp(target.name),
    ...ingressOnly(random),
    ingress: [
      { from: [{ ipBlock: { cidr: '172.16.0.0/12' } }], ports: [policyPort(target.ports[0], random, false)] },
    ],
  },
});

/** `ingress: [{}]`: one empty rule allows every source on every port. */
export const allowAll: Template = ({ target }) => ({
  name: `allow-${target.name}-all-ingress`,
  spec: { podSelector: byApp(target.name), policyTypes: ['Ingress'], ingress: [{}] },
});

/** A policy left behind by a removed app: it selects no pod. */
export const stale: Template = ({ random }) => {
  const app = `${random.pick(APP_WORDS)}-legacy`;
  return {
    name: `allow-${app}`,
    spec: { podSelector: byApp(app), ingress: [{ from: [{ podSelector: {} }] }] },
  };
};

/** `from: [{podSelector: {}}]` without ports: every pod of the namespace, every port. */
export const sameNamespace: Template = ({ target, random }) => ({
  name: `allow-${target.name}-same-namespace`,
  spec: {
    podSelector: byApp(target.name),
    ...ingressOnly(random),
    ingress: [{ from: [{ podSelector: {} }] }],
  },
});

/** Queues also stream over SCTP to the other namespaces of their team. */
export const sctpFeed: Template = ({ target, namespace }) =>
  target.tier !== 'queue'
    ? undefined
    : {
        name: `allow-${target.name}-sctp-feed`,
        spec: {
          podSelector: byApp(target.name),
          ingress: [
            {
              from: [{ namespaceSelector: byLabel('team', namespace.team ?? 'platform') }],
              ports: [{ protocol: 'SCTP', port: 9899 }],
            },
          ],
        },
      };
