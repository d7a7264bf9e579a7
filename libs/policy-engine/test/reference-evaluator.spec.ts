import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../src/model/objects';
import { namespace, networkPolicy, node, pod } from './builders';
import { EVALUATORS } from './evaluators';
import { cidrContains, sameAddress } from './reference/cidr';
import { selectorMatches } from './reference/label-selector';
import { referencePods } from './reference-evaluator';

describe('reference CIDR check', () => {
  it.each([
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['10.0.1.0/24', '10.0.1.255', true],
    ['10.0.1.2/32', '10.0.1.2', true],
    ['10.0.1.2/32', '10.0.1.3', false],
    ['0.0.0.0/0', '203.0.113.9', true],
    ['0.0.0.0/0', '2001:db8::1', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::/0', '::1', true],
    ['::ffff:0:0/96', '::ffff:10.0.0.1', true],
    ['fd00::/8', '10.0.0.1', false],
  ])('%s holds %s: %s', (cidr, address, expected) => {
    expect(cidrContains(cidr, address)).toBe(expected);
  });

  it('compares addresses by value, not by spelling', () => {
    expect(sameAddress('fd00::1', 'fd00:0:0:0:0:0:0:1')).toBe(true);
    expect(sameAddress('10.0.0.1', '10.0.0.2')).toBe(false);
  });

  it.each(['10.0.0.256', '10.0.0', 'fd00:::1', '1:2:3:4:5:6:7:8:9', 'host'])('rejects %s', (text) => {
    expect(() => cidrContains('0.0.0.0/0', text)).toThrow();
  });
});

describe('reference label selector', () => {
  const labels = { app: 'web', tier: 'front' };
  it.each<[string, LabelSelector, boolean]>([
    ['{} matches everything', {}, true],
    ['matchLabels equal', { matchLabels: { app: 'web' } }, true],
    ['matchLabels different value', { matchLabels: { app: 'db' } }, false],
    ['In', { matchExpressions: [{ key: 'app', operator: 'In', values: ['db', 'web'] }] }, true],
    ['In on a missing key', { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }, false],
    [
      'NotIn on a missing key',
      { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] },
      true,
    ],
    [
      'NotIn on a listed value',
      { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] },
      false,
    ],
    ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, false],
    [
      'matchLabels AND matchExpressions',
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] },
      false,
    ],
  ])('%s', (_name, selector, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });

  it('rejects what the API server rejects', () => {
    expect(() =>
      selectorMatches({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, labels),
    ).toThrow();
    expect(() =>
      selectorMatches({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, labels),
    ).toThrow();
  });
});

describe('rules outside the 9x9 matrix', () => {
  const web = pod('x', 'web', { labels: { app: 'web' }, ips: ['10.0.0.10'], nodeName: 'n1' });
  const client = pod('y', 'client', { labels: { app: 'client' }, ips: ['10.0.1.10'], nodeName: 'n2' });
  const agent = pod('y', 'agent', {
    labels: { app: 'agent' },
    ips: ['192.168.0.2'],
    nodeName: 'n2',
    hostNetwork: true,
  });
  const base = [
    namespace('x'),
    namespace('y'),
    node('n1', ['192.168.0.1']),
    node('n2', ['192.168.0.2']),
    web,
    client,
    agent,
  ];
  const denyAll = networkPolicy('x', 'deny-all', { policyTypes: ['Ingress', 'Egress'] });
  const fromAllPods = networkPolicy('x', 'from-all-pods', {
    ingress: [{ from: [{ namespaceSelector: {} }] }],
  });
  const fromNodes = networkPolicy('x', 'from-nodes', {
    ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/24' } }] }],
  });
  const options = { ipBlockMatchesPods: false };

  describe.each(EVALUATORS)('$name', (evaluator) => {
    it('a pod always reaches itself', () => {
      expect(evaluator.load([...base, denyAll])(web, web, 'TCP', 80, options)).toBe(true);
    });

    it("a pod's own node reaches it whatever the policies say; another node does not", () => {
      const allows = evaluator.load([...base, denyAll]);
      expect(allows('192.168.0.1', web, 'TCP', 10250, options)).toBe(true);
      expect(allows('192.168.0.2', web, 'TCP', 10250, options)).toBe(false);
    });

    it('a node that also lists its host and DNS names is still matched by its IP address', () => {
      const named = node('n1', ['192.168.0.1']);
      named.addresses.push(
        { type: 'Hostname', address: 'n1' },
        { type: 'InternalDNS', address: 'n1.internal' },
      );
      const allows = evaluator.load([...base.filter((o) => o.name !== 'n1'), named, denyAll]);
      expect(allows('192.168.0.1', web, 'TCP', 10250, options)).toBe(true);
      expect(allows(agent, web, 'TCP', 10250, options)).toBe(false);
    });

    it('a hostNetwork pod is its node address: selectors do not match it, an ipBlock does', () => {
      expect(evaluator.load([...base, fromAllPods])(agent, web, 'TCP', 80, options)).toBe(false);
      expect(evaluator.load([...base, fromAllPods])(client, web, 'TCP', 80, options)).toBe(true);
      expect(evaluator.load([...base, fromNodes])(agent, web, 'TCP', 80, options)).toBe(true);
    });

    it('policies do not apply to a hostNetwork pod as a destination', () => {
      const denyY = networkPolicy('y', 'deny-all', { policyTypes: ['Ingress'] });
      const allows = evaluator.load([...base, denyY]);
      expect(allows(web, agent, 'TCP', 80, options)).toBe(true);
      expect(allows(web, client, 'TCP', 80, options)).toBe(false);
    });

    it('a namespace that is only mentioned still has its name label', () => {
      const byName = networkPolicy('x', 'from-y', {
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'y' } } }] }],
      });
      const objects = [web, client, byName];
      expect(evaluator.load(objects)(client, web, 'TCP', 80, options)).toBe(true);
    });
  });

  it('leaves pods that finished out of the cluster', () => {
    const done = pod('x', 'job-1', { phase: 'Succeeded' });
    const failed = pod('x', 'job-2', { phase: 'Failed' });
    expect(referencePods([web, done, failed]).map((p) => p.name)).toEqual(['web']);
  });
});
