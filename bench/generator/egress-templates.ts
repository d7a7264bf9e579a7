/** Per-workload egress policies, and one with both directions: where a workload may connect to. */
import { MONITORING_NAMESPACE } from './namespaces';
import {
  DNS_PEER,
  DNS_PORTS,
  PARTNER_BLOCKS,
  PRIVATE_RANGES,
  byApp,
  byLabel,
  namespaceNamed,
  policyPort,
} from './policy-peers';
import type { Template } from './policy-templates';

export const egressInternet: Template = ({ target }) => ({
  name: `allow-${target.name}-egress-internet`,
  spec: {
    podSelector: byApp(target.name),
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ ipBlock: { cidr: '0.0.0.0/0', except: PRIVATE_RANGES } }],
        ports: [{ protocol: 'TCP', port: 443 }],
      },
    ],
  },
});

export const egressPartner: Template = ({ target, random }) => {
  const block = random.pick(PARTNER_BLOCKS);
  const range = random.pick([
    [8000, 8100],
    [30000, 32767],
  ]);
  return {
    name: `allow-${target.name}-egress-partner`,
    spec: {
      podSelector: byApp(target.name),
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ipBlock: { cidr: block.cidr, ...(block.except ? { except: [...block.except] } : {}) } }],
          ports: [{ protocol: 'TCP', port: range[0], endPort: range[1] }],
        },
      ],
    },
  };
};

export const egressToDatabases: Template = ({ target }) => ({
  name: `allow-${target.name}-egress-db`,
  spec: {
    podSelector: byApp(target.name),
    policyTypes: ['Egress'],
    egress: [
      { to: [{ podSelector: byLabel('tier', 'db') }], ports: [{ protocol: 'TCP', port: 'postgres' }] },
      { to: [DNS_PEER], ports: DNS_PORTS },
    ],
  },
});

export const egressIpv6: Template = ({ target }) => ({
  name: `allow-${target.name}-egress-v6`,
  spec: {
    podSelector: byApp(target.name),
    policyTypes: ['Egress'],
    egress: [
      { to: [{ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:ff::/48'] } }], ports: [{ port: 443 }] },
    ],
  },
});

export const statsdEgress: Template = ({ target }) => ({
  name: `allow-${target.name}-statsd`,
  spec: {
    podSelector: byApp(target.name),
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ namespaceSelector: namespaceNamed(MONITORING_NAMESPACE) }],
        ports: [{ protocol: 'UDP', port: 8125 }],
      },
    ],
  },
});

/** Both directions in one policy; its second ingress rule has ports but no `from` (every source). */
export const combined: Template = ({ target, random }) => ({
  name: `${target.name}-policy`,
  spec: {
    podSelector: byApp(target.name),
    policyTypes: ['Ingress', 'Egress'],
    ingress: [
      {
        from: [{ podSelector: byLabel('tier', 'frontend') }],
        ports: [policyPort(target.ports[0], random, false)],
      },
      { ports: [{ protocol: 'TCP', port: 'metrics' }] },
    ],
    egress: [
      { to: [{ podSelector: byLabel('tier', 'db') }, { podSelector: byLabel('tier', 'cache') }] },
      { to: [DNS_PEER], ports: DNS_PORTS },
    ],
  },
});
