import {
  classifyKind,
  readNamedDocuments,
  type ContainerPort,
  type K8sObject,
  type Labels,
  type OwnerRef,
  type PodTemplate,
} from '@podreach/policy-engine';
import type { ManifestFile } from './manifest-files';

type Manifest = Record<string, unknown>;

const CORE = 'v1';
const WORKLOAD_API_VERSIONS: Record<string, string> = {
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicationController: CORE,
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

function metadata(name: string, labels: Labels, namespace?: string, owner?: OwnerRef): Manifest {
  return {
    name,
    ...(namespace === undefined ? {} : { namespace }),
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
    ...(owner === undefined
      ? {}
      : { ownerReferences: [{ kind: owner.kind, name: owner.name, controller: true }] }),
  };
}

/**
 * Container ports back in a pod spec: one container per port, because a port name only has to be unique
 * within its container and the normalized form no longer says which container a port came from.
 */
function podSpec(ports: ContainerPort[], extra: Manifest): Manifest {
  const containers = ports.map((port, i) => ({
    name: `port-${i}`,
    ports: [
      {
        ...(port.name === undefined ? {} : { name: port.name }),
        containerPort: port.port,
        protocol: port.protocol,
      },
    ],
  }));
  return { ...extra, containers };
}

function template(kind: string, value: PodTemplate): Manifest {
  const spec = {
    template: {
      metadata: { labels: value.labels },
      spec: podSpec(value.ports, { hostNetwork: value.hostNetwork }),
    },
  };
  return kind === 'CronJob' ? { jobTemplate: { spec } } : spec;
}

/** A normalized object as the smallest manifest that the server normalizes back to the same object. */
function manifestOf(object: K8sObject): Manifest {
  switch (object.kind) {
    case 'Namespace':
    case 'Node': {
      const status = object.kind === 'Node' ? { status: { addresses: object.addresses } } : {};
      return {
        apiVersion: CORE,
        kind: object.kind,
        metadata: metadata(object.name, object.labels),
        ...status,
      };
    }
    case 'Pod':
      return {
        apiVersion: CORE,
        kind: 'Pod',
        metadata: metadata(object.name, object.labels, object.namespace, object.owner),
        spec: podSpec(object.ports, {
          hostNetwork: object.hostNetwork,
          ...(object.nodeName === undefined ? {} : { nodeName: object.nodeName }),
        }),
        status: {
          ...(object.phase === undefined ? {} : { phase: object.phase }),
          podIPs: object.ips.map((ip) => ({ ip })),
        },
      };
    case 'NetworkPolicy':
      return {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: metadata(object.name, object.labels, object.namespace),
        spec: object.spec,
      };
    case 'AdminNetworkPolicy':
    case 'BaselineAdminNetworkPolicy':
    case 'ClusterNetworkPolicy':
      return {
        apiVersion: object.apiVersion,
        kind: object.kind,
        metadata: metadata(object.name, object.labels),
        spec: object.spec,
      };
    default: {
      const replicas = object.replicas === undefined ? {} : { replicas: object.replicas };
      return {
        apiVersion: WORKLOAD_API_VERSIONS[object.kind],
        kind: object.kind,
        metadata: metadata(object.name, object.labels, object.namespace, object.owner),
        spec: { ...replicas, ...template(object.kind, object.template) },
      };
    }
  }
}

/** Each object of a document: a List's or typed list's items (which may take the list's kind), or itself. */
function* objectsOf(value: unknown, listKind?: string, listApiVersion?: string): Generator<Manifest> {
  if (Array.isArray(value)) {
    for (const item of value) yield* objectsOf(item);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as Manifest;
  const kind = typeof object.kind === 'string' ? object.kind : undefined;
  if (kind !== undefined && kind.endsWith('List') && Array.isArray(object.items)) {
    const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : undefined;
    for (const item of object.items) yield* objectsOf(item, kind, apiVersion);
    return;
  }
  // As the engine reads lists: a typed list's items may omit kind and apiVersion (`PodList` items are Pods).
  const itemKind =
    listKind !== undefined && listKind !== 'List' ? listKind.slice(0, -'List'.length) : undefined;
  const ownKind = kind ?? itemKind;
  const apiVersion = object.apiVersion ?? (ownKind === itemKind ? listApiVersion : undefined);
  yield { ...object, kind: ownKind, apiVersion };
}

/**
 * Policies of other network plugins, reduced to their kind and name. The server keeps none of their
 * contents either, but must see that they exist: traffic they block is invisible, so every answer about
 * the snapshot has to say it is incomplete.
 */
function foreignPolicyStubs(files: ManifestFile[]): Manifest[] {
  const stubs: Manifest[] = [];
  for (const file of files) {
    for (const document of readNamedDocuments(file.text, file.name)) {
      for (const object of objectsOf(document.value)) {
        const { kind, apiVersion } = object;
        if (typeof kind !== 'string') continue;
        const found = classifyKind(kind, typeof apiVersion === 'string' ? apiVersion : undefined);
        if (found.type !== 'foreign') continue;
        const meta = (object.metadata ?? {}) as Manifest;
        stubs.push({ apiVersion, kind, metadata: { name: meta.name, namespace: meta.namespace } });
      }
    }
  }
  return stubs;
}

/**
 * What `podreach upload` sends: a `v1 List` of the normalized objects written back as minimal manifests
 * (only the fields the analysis needs: no images, env, annotations or secrets leave the machine), plus a
 * stub of each foreign policy. The server normalizes it to the same objects and content hash.
 */
export function uploadManifests(objects: K8sObject[], files: ManifestFile[]): Manifest {
  return {
    apiVersion: CORE,
    kind: 'List',
    items: [...objects.map(manifestOf), ...foreignPolicyStubs(files)],
  };
}
