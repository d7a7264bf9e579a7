import fc from 'fast-check';
import { field, isPolicy, keyPath, kindIs, mutation, type Manifest, type Mutation } from './fuzz-fixtures';
import { badCidr, badLabelKey, badOperator, badPortName, badPortNumber, badProtocol } from './fuzz-values';

/** Targeted mutations of NetworkPolicies and admin policies: ports, protocols, CIDRs, selectors, peers. */

/** Appends `rule` to the policy's ingress rules; returns its path. */
export function addIngressRule(policy: Manifest, rule: Manifest): string {
  const spec = field(policy, 'spec');
  const rules = Array.isArray(spec.ingress) ? spec.ingress : (spec.ingress = []);
  rules.push(rule);
  return `spec.ingress[${rules.length - 1}]`;
}

/** Policy mutations whose problem path is known. */
export const policyMutation: fc.Arbitrary<Mutation> = fc.oneof(
  badPortNumber.map((port) =>
    mutation(`port ${port}`, isPolicy, (o) => `${addIngressRule(o, { ports: [{ port }] })}.ports[0].port`),
  ),
  badPortName.map((port) =>
    mutation(`port name ${JSON.stringify(port)}`, isPolicy, (o) => {
      return `${addIngressRule(o, { ports: [{ port }] })}.ports[0].port`;
    }),
  ),
  fc.integer({ min: 2, max: 65_535 }).chain((port) =>
    fc.integer({ min: 1, max: port - 1 }).map((endPort) =>
      mutation(`endPort ${endPort} < port ${port}`, isPolicy, (o) => {
        return `${addIngressRule(o, {
          ports: [
            { protocol: 'TCP', port: 1 },
            { port, endPort },
          ],
        })}.ports[1].endPort`;
      }),
    ),
  ),
  fc
    .integer({ min: 65_536, max: 2 ** 31 })
    .map((endPort) =>
      mutation(
        `endPort ${endPort}`,
        isPolicy,
        (o) => `${addIngressRule(o, { ports: [{ port: 80, endPort }] })}.ports[0].endPort`,
      ),
    ),
  badProtocol.map((protocol) =>
    mutation(`protocol ${JSON.stringify(protocol)}`, isPolicy, (o) => {
      return `${addIngressRule(o, { ports: [{ protocol, port: 80 }] })}.ports[0].protocol`;
    }),
  ),
  badCidr.map((cidr) =>
    mutation(
      `cidr ${JSON.stringify(cidr)}`,
      isPolicy,
      (o) => `${addIngressRule(o, { from: [{ ipBlock: { cidr } }] })}.from[0].ipBlock.cidr`,
    ),
  ),
  fc
    .constantFrom(
      ['10.0.0.0/16', '192.168.0.0/24'],
      ['10.0.0.0/16', '10.0.0.0/16'],
      ['10.0.0.0/16', '10.0.0.0/8'],
      ['10.0.0.0/16', 'fd00::/8'],
      ['2001:db8::/32', '2001:db9::/48'],
      ['0.0.0.0/0', 'not-a-cidr'],
    )
    .map(([cidr, except]) =>
      mutation(`except ${except} of ${cidr}`, isPolicy, (o) => {
        return `${addIngressRule(o, { from: [{ ipBlock: { cidr, except: [except] } }] })}.from[0].ipBlock.except[0]`;
      }),
    ),
  badOperator.map((operator) =>
    mutation(`operator ${JSON.stringify(operator)}`, isPolicy, (o) => {
      const selector = field(o, 'spec', 'podSelector');
      const expressions = Array.isArray(selector.matchExpressions)
        ? selector.matchExpressions
        : (selector.matchExpressions = []);
      expressions.push({ key: 'app', operator, values: ['web'] });
      return `spec.podSelector.matchExpressions[${expressions.length - 1}].operator`;
    }),
  ),
  badLabelKey.map((key) =>
    mutation(`selector key ${JSON.stringify(key)}`, isPolicy, (o) => {
      Object.defineProperty(field(o, 'spec', 'podSelector', 'matchLabels'), key, {
        value: 'web',
        enumerable: true,
      });
      return keyPath('spec.podSelector.matchLabels', key);
    }),
  ),
  fc.constantFrom<unknown>('Ingres', 'ingress', '', 1, null).map((type) =>
    mutation(`policyType ${JSON.stringify(type)}`, isPolicy, (o) => {
      field(o, 'spec').policyTypes = [type];
      return 'spec.policyTypes[0]';
    }),
  ),
  fc
    .constantFrom({}, { ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} })
    .map((peer) =>
      mutation(
        `peer ${JSON.stringify(peer)}`,
        isPolicy,
        (o) => `${addIngressRule(o, { from: [peer] })}.from[0]`,
      ),
    ),
  fc.constantFrom<unknown>(-1, 1001, 1.5, '10').map((priority) =>
    mutation(`priority ${JSON.stringify(priority)}`, kindIs('AdminNetworkPolicy'), (o) => {
      field(o, 'spec').priority = priority;
      return 'spec.priority';
    }),
  ),
  badCidr.map((network) =>
    mutation(
      `network ${JSON.stringify(network)}`,
      kindIs('AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'),
      (o) => {
        field(o, 'spec').egress = [{ action: 'Deny', to: [{ networks: [network] }] }];
        return 'spec.egress[0].to[0].networks[0]';
      },
    ),
  ),
);
