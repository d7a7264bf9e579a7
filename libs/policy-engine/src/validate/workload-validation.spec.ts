import { describe, expect, it } from 'vitest';
import { SnapshotBuilder, ValidationError } from '@podreach/policy-engine';

function problemsOf(object: unknown): { path: string; message: string }[] {
  const builder = new SnapshotBuilder();
  builder.addDocument(object, 'workloads.yaml');
  try {
    builder.finish();
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.problems.map(({ path, message }) => ({ path, message }));
  }
}

const p = (path: string, message: string) => ({ path, message });
const pod = (spec: unknown, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop' },
  spec,
  ...extra,
});
const containerPorts = (...ports: unknown[]) => ({ containers: [{ name: 'web', image: 'nginx', ports }] });
const deployment = (spec: unknown) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec,
});
const template = { metadata: { labels: { app: 'web' } }, spec: containerPorts({ containerPort: 80 }) };

describe('Pod and workload validation', () => {
  it.each([
    [
      'a pod with named ports',
      pod(
        containerPorts(
          { name: 'http', containerPort: 80 },
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
        ),
      ),
    ],
    ['a pod without spec', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1' } }],
    ['a deployment scaled to zero', deployment({ replicas: 0, template })],
    [
      'a CronJob',
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'backup' },
        spec: { schedule: '@daily', jobTemplate: { spec: { template } } },
      },
    ],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'container port 0',
      pod(containerPorts({ containerPort: 0 })),
      [p('spec.containers[0].ports[0].containerPort', 'must be between 1 and 65535, inclusive')],
    ],
    [
      'a container port without number',
      pod(containerPorts({ name: 'http' })),
      [p('spec.containers[0].ports[0].containerPort', 'is required')],
    ],
    [
      'a container port as a string',
      pod(containerPorts({ containerPort: '80' })),
      [p('spec.containers[0].ports[0].containerPort', 'must be an integer, not a string')],
    ],
    [
      'an invalid port name',
      pod(containerPorts({ name: 'HTTP_PORT', containerPort: 80 })),
      [
        p(
          'spec.containers[0].ports[0].name',
          'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        ),
        p('spec.containers[0].ports[0].name', 'must contain at least one letter (a-z)'),
      ],
    ],
    [
      'a repeated port name',
      pod(containerPorts({ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 })),
      [p('spec.containers[0].ports[1].name', 'Duplicate value: "http"')],
    ],
    [
      'an unknown container port protocol',
      pod(containerPorts({ containerPort: 80, protocol: 'HTTP' })),
      [
        p(
          'spec.containers[0].ports[0].protocol',
          'Unsupported value: "HTTP": supported values: "TCP", "UDP", "SCTP"',
        ),
      ],
    ],
    [
      'hostNetwork as a string',
      pod({ hostNetwork: 'true' }),
      [p('spec.hostNetwork', 'must be a boolean, not a string')],
    ],
    [
      'podIPs that are not objects',
      pod({}, { status: { podIPs: ['10.0.0.1'] } }),
      [p('status.podIPs[0]', 'must be a mapping, not a string')],
    ],
    [
      'a podIP that is a number',
      pod({}, { status: { podIP: 10 } }),
      [p('status.podIP', 'must be a string, not an integer')],
    ],
    [
      'an owner reference without name',
      pod({}, { metadata: { name: 'web-1', ownerReferences: [{ kind: 'ReplicaSet', controller: true }] } }),
      [p('metadata.ownerReferences[0].name', 'is required')],
    ],
    [
      'negative replicas',
      deployment({ replicas: -1, template }),
      [p('spec.replicas', 'must be greater than or equal to 0')],
    ],
    [
      'replicas as a string',
      deployment({ replicas: '3', template }),
      [p('spec.replicas', 'must be an integer, not a string')],
    ],
    ['no template', deployment({ replicas: 1 }), [p('spec.template', 'is required')]],
    [
      'no spec',
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' } },
      [p('spec', 'is required')],
    ],
    [
      'a CronJob without job template',
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'backup' }, spec: {} },
      [p('spec.jobTemplate', 'is required')],
    ],
    [
      'an invalid template label',
      deployment({ template: { metadata: { labels: { app: 'web app' } } } }),
      [
        p(
          'spec.template.metadata.labels.app',
          `value "web app": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', 'my_value', or '12345')`,
        ),
      ],
    ],
    [
      'an invalid template port',
      deployment({ template: { spec: containerPorts({ containerPort: 70000 }) } }),
      [
        p(
          'spec.template.spec.containers[0].ports[0].containerPort',
          'must be between 1 and 65535, inclusive',
        ),
      ],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });

  it.each([
    ['no metadata', { apiVersion: 'v1', kind: 'Namespace' }, [p('metadata.name', 'is required')]],
    [
      'metadata that is not a mapping',
      { apiVersion: 'v1', kind: 'Node', metadata: 'node-1' },
      [p('metadata', 'must be a mapping, not a string')],
    ],
    [
      'a namespace name with a dot',
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop.prod' } },
      [
        p(
          'metadata.name',
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name')",
        ),
      ],
    ],
    [
      'a namespace name of 64 characters',
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a'.repeat(64) } },
      [p('metadata.name', 'must be no more than 63 characters')],
    ],
    [
      'node addresses without address',
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'node-1' },
        status: { addresses: [{ type: 'InternalIP' }] },
      },
      [p('status.addresses[0].address', 'is required')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });

  it('accepts a node name with dots, which a namespace may not have', () => {
    expect(
      problemsOf({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'ip-10-0-0-1.ec2.internal' } }),
    ).toEqual([]);
  });
});
