import { networkPolicy } from '../builders';
import { conformanceSuite, probe } from './scenario';
import { nsIs, podIs } from './xyz-cluster';

const OUTSIDE = '192.0.2.10';

// policyTypes decides which directions a policy isolates; rules of a direction it does not list are ignored.
conformanceSuite('policyTypes: absent, empty and explicit', [
  {
    name: 'policyTypes and rules absent: Ingress only, nothing allowed in',
    policies: [networkPolicy('x', 'bare', {})],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/*'] })],
  },
  {
    name: 'policyTypes absent with egress rules: Egress is listed too',
    policies: [networkPolicy('x', 'egress-to-y', { egress: [{ to: [{ namespaceSelector: nsIs('y') }] }] })],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/*', `x/* -> x/*,z/*,${OUTSIDE}`] })],
  },
  {
    name: 'policyTypes absent with egress: [] leaves egress open',
    policies: [networkPolicy('x', 'empty-egress', { egress: [] })],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/*'] })],
  },
  {
    name: 'policyTypes [Egress] ignores ingress rules and denies all egress',
    policies: [
      networkPolicy('x', 'egress-only', {
        policyTypes: ['Egress'],
        ingress: [{ from: [{ podSelector: podIs('b') }] }],
      }),
    ],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['x/* -> *'] })],
  },
  {
    name: 'policyTypes [Ingress] ignores egress rules',
    policies: [
      networkPolicy('x', 'ingress-only', {
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: podIs('a') }] }],
      }),
    ],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: [`y/*,z/*,${OUTSIDE} -> x/*`] })],
  },
  {
    name: 'policyTypes [Ingress, Egress] with ingress: [] and egress: [] denies both ways',
    policies: [networkPolicy('x', 'empty', { policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] })],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/*', 'x/* -> *'] })],
  },
  {
    name: 'policyTypes [Ingress, Egress] with rules absent denies both ways',
    policies: [networkPolicy('x', 'absent', { policyTypes: ['Ingress', 'Egress'] })],
    probes: [probe('UDP', 81, { allow: true, except: ['* -> x/*', 'x/* -> *'] })],
  },
  {
    name: 'policyTypes [Egress] with rules: ingress stays open',
    policies: [
      networkPolicy('x', 'egress-to-z', {
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: nsIs('z') }] }],
      }),
    ],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: [`x/* -> x/*,y/*,${OUTSIDE}`] })],
  },
]);
