import fc from 'fast-check';
import {
  any,
  field,
  hasPodSpec,
  isPolicy,
  keyPath,
  kindIs,
  mutation,
  namespaced,
  understood,
  type Manifest,
  type Mutation,
} from './fuzz-fixtures';
import { addIngressRule, policyMutation } from './fuzz-policy-mutations';
import { badLabelKey, badLabelValue, badName, badPortName, badPortNumber } from './fuzz-values';

/** Targeted mutations of pods, workloads and every object's metadata, and mutations the API accepts. */

/** Appends a container with `ports` to the pod spec of a pod or workload; returns the container's path. */
function addContainer(object: Manifest, ports: Manifest[]): string {
  const specPath = object.kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec'];
  const spec = field(object, ...specPath);
  const containers = Array.isArray(spec.containers) ? spec.containers : (spec.containers = []);
  containers.push({ name: 'fuzz', image: 'fuzz', ports });
  return `${specPath.join('.')}.containers[${containers.length - 1}]`;
}

const wrongTypeForMapping = fc.constantFrom<unknown>('x', 1, true, ['a']);

/** Mutations whose problem path is known. */
export const targetedMutation: fc.Arbitrary<Mutation> = fc.oneof(
  policyMutation,
  fc.oneof(badPortNumber, fc.constant<unknown>('80')).map((containerPort) =>
    mutation(`containerPort ${String(containerPort)}`, hasPodSpec, (o) => {
      return `${addContainer(o, [{ containerPort }])}.ports[0].containerPort`;
    }),
  ),
  badPortName.map((name) =>
    mutation(`container port name ${JSON.stringify(name)}`, hasPodSpec, (o) => {
      return name === '' ? undefined : `${addContainer(o, [{ containerPort: 80, name }])}.ports[0].name`;
    }),
  ),
  fc.constant(
    mutation('duplicate container port name', hasPodSpec, (o) => {
      return `${addContainer(o, [
        { containerPort: 80, name: 'web' },
        { containerPort: 81, name: 'web' },
      ])}.ports[1].name`;
    }),
  ),
  fc.constantFrom<unknown>(-1, -(2 ** 31), 1.5, '3', 1e20).map((replicas) =>
    mutation(`replicas ${String(replicas)}`, kindIs('Deployment', 'ReplicaSet', 'StatefulSet'), (o) => {
      field(o, 'spec').replicas = replicas;
      return 'spec.replicas';
    }),
  ),
  fc.constantFrom<unknown>('yes', 1, 'true').map((hostNetwork) =>
    mutation(`hostNetwork ${String(hostNetwork)}`, kindIs('Pod'), (o) => {
      field(o, 'spec').hostNetwork = hostNetwork;
      return 'spec.hostNetwork';
    }),
  ),
  fc.constantFrom<unknown>(10, ['10.0.0.1'], {}).map((podIP) =>
    mutation(`podIP ${JSON.stringify(podIP)}`, kindIs('Pod'), (o) => {
      field(o, 'status').podIP = podIP;
      return 'status.podIP';
    }),
  ),
  badName.map((name) =>
    mutation(`name ${JSON.stringify(name.slice(0, 20))}`, understood, (o) => {
      field(o, 'metadata').name = name;
      return 'metadata.name';
    }),
  ),
  badName
    .filter((name) => name !== '')
    .map((namespace) =>
      mutation(`namespace ${JSON.stringify(namespace.slice(0, 20))}`, namespaced, (o) => {
        field(o, 'metadata').namespace = namespace;
        return 'metadata.namespace';
      }),
    ),
  badLabelKey.map((key) =>
    mutation(`label key ${JSON.stringify(key)}`, understood, (o) => {
      Object.defineProperty(field(o, 'metadata', 'labels'), key, { value: 'x', enumerable: true });
      return keyPath('metadata.labels', key);
    }),
  ),
  fc
    .tuple(fc.constantFrom('app', 'app.kubernetes.io/name', 'constructor'), badLabelValue)
    .map(([key, value]) =>
      mutation(`label value ${JSON.stringify(value)}`, understood, (o) => {
        field(o, 'metadata', 'labels')[key] = value;
        return keyPath('metadata.labels', key);
      }),
    ),
  wrongTypeForMapping.map((metadata) =>
    mutation(`metadata ${JSON.stringify(metadata)}`, understood, (o) => {
      o.metadata = metadata;
      return 'metadata';
    }),
  ),
  fc.constantFrom<unknown>(1, true, ['Pod'], { kind: 'Pod' }, '').map((kind) =>
    mutation(`kind ${JSON.stringify(kind)}`, any, (o) => {
      o.kind = kind;
      return 'kind';
    }),
  ),
  fc.constantFrom<unknown>('true', 1).map((controller) =>
    mutation(`owner controller ${JSON.stringify(controller)}`, understood, (o) => {
      field(o, 'metadata').ownerReferences = [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', controller },
      ];
      return 'metadata.ownerReferences[0].controller';
    }),
  ),
);

/** Changes the API accepts: they must not turn a valid upload into a refused one. */
export const validMutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Another group's kind of the same name, an unknown version, or none: skipped or read as Kubernetes'.
  fc
    .constantFrom<unknown>('crd.projectcalico.org/v1', 'example.com/v1', 'cilium.io/v2', 42, '', null)
    .map((apiVersion) =>
      mutation(`apiVersion ${JSON.stringify(apiVersion)}`, understood, (o) => {
        o.apiVersion = apiVersion;
        return undefined;
      }),
    ),
  fc.constantFrom('Pods', 'deployment', 'NetworkPolicyList', 'Secret', '😀').map((kind) =>
    mutation(`kind ${kind}`, understood, (o) => {
      o.kind = kind;
      return undefined;
    }),
  ),
  fc.constantFrom('1e3', '0x50', 'null').map((port) =>
    mutation(`named port ${port}`, isPolicy, (o) => {
      addIngressRule(o, { ports: [{ port }] });
      return undefined;
    }),
  ),
  fc.constantFrom('2001:db8::/32', '::/0', '10.0.0.0/8', '10.1.2.3/16', '::ffff:0:0/96').map((cidr) =>
    mutation(`ipBlock ${cidr}`, isPolicy, (o) => {
      addIngressRule(o, {
        from: [{ ipBlock: { cidr } }],
        ports: [{ protocol: 'SCTP', port: 1, endPort: 65_535 }],
      });
      return undefined;
    }),
  ),
  fc
    .constantFrom('constructor', 'toString', 'x__proto__x', 'hasOwnProperty', 'app.kubernetes.io/name')
    .map((key) =>
      mutation(`label ${key}`, understood, (o) => {
        field(o, 'metadata', 'labels')[key] = 'valueOf';
        return undefined;
      }),
    ),
  fc.constantFrom('constructor', 'prototype', 'tostring', 'x'.repeat(63)).map((namespace) =>
    mutation(`namespace ${namespace.slice(0, 20)}`, namespaced, (o) => {
      field(o, 'metadata').namespace = namespace;
      return undefined;
    }),
  ),
  fc.constant(
    mutation('unknown fields', understood, (o) => {
      o.extra = { '😀': 'ü\u0000', nested: [[[{}]]], huge: 1e308 };
      return undefined;
    }),
  ),
);
