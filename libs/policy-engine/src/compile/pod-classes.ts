import type { Labels, Protocol } from '../model/objects';
import type { ModelPod, SnapshotModel } from '../model/snapshot-model';
import { ipToBigint, isValidIp, PortSet } from '../sets';
import type { AddressAtoms } from './address-atoms';

/**
 * Pods every policy treats alike: same namespace, same values of every label key a selector uses, same
 * resolution of every named port a policy uses, and (only when ipBlocks match pod IPs) IPs in the same
 * address atoms. Answers are computed per class and spread to pods and workloads at the end.
 */
export interface PodClass {
  id: number;
  namespace: string;
  /** Index into `model.namespaces`. */
  namespaceIndex: number;
  /** Labels of the first pod; selectors only look at keys on which all pods of the class agree. */
  labels: Labels;
  /** Container ports by `name/PROTOCOL`, for named-port resolution on this class as destination. */
  namedPorts: ReadonlyMap<string, PortSet>;
  /** Atoms of the pods' IPs (filled only when ipBlocks match pod IPs). */
  atoms: readonly number[];
  pods: ModelPod[];
}

export interface PodClassing {
  classes: PodClass[];
  /** Class of each enforceable pod; hostNetwork pods have none (they are never subjects or peers). */
  classOf: ReadonlyMap<ModelPod, number>;
}

/** Key of a named container port: `name/PROTOCOL`. */
export function namedPortKey(name: string, protocol: Protocol): string {
  return `${name}/${protocol}`;
}

/**
 * The named container ports of a class as text. Classes with equal texts resolve every named port alike, so
 * a rule with named ports allows them the same.
 */
export function namedPortsText(podClass: PodClass): string {
  return [...podClass.namedPorts]
    .map(([key, ports]) => `${key}=${ports.toString()}`)
    .sort()
    .join(';');
}

/**
 * Groups the enforceable pods of a snapshot into classes. `selectorKeys` are the label keys some selector
 * uses, `portNames` the named ports some policy uses; `atoms`, when given, also splits pods by the address
 * atoms of their IPs.
 */
export function buildPodClasses(
  model: SnapshotModel,
  selectorKeys: ReadonlySet<string>,
  portNames: ReadonlySet<string>,
  atoms?: AddressAtoms,
): PodClassing {
  const keys = [...selectorKeys].sort();
  const namespaceIndex = new Map(model.namespaces.map((ns, i) => [ns.name, i]));
  const byKey = new Map<string, PodClass>();
  const classes: PodClass[] = [];
  const classOf = new Map<ModelPod, number>();
  for (const pod of model.pods) {
    if (pod.hostNetwork) continue;
    const podAtoms = atoms === undefined ? [] : atomsOfPod(pod, atoms);
    const key = [
      pod.namespace,
      labelSignature(pod.labels, keys),
      portSignature(pod, portNames),
      podAtoms.join(','),
    ].join('\0');
    let podClass = byKey.get(key);
    if (podClass === undefined) {
      podClass = {
        id: classes.length,
        namespace: pod.namespace,
        namespaceIndex: namespaceIndex.get(pod.namespace) ?? -1,
        labels: pod.labels,
        namedPorts: relevantNamedPorts(pod, portNames),
        atoms: podAtoms,
        pods: [],
      };
      byKey.set(key, podClass);
      classes.push(podClass);
    }
    podClass.pods.push(pod);
    classOf.set(pod, podClass.id);
  }
  return { classes, classOf };
}

function labelSignature(labels: Labels, keys: readonly string[]): string {
  let out = '';
  for (const key of keys) {
    const value = labels[key];
    // Label values never contain control characters, so \u0001 marks an absent key unambiguously.
    out += (value === undefined ? '\u0001' : value) + '\u0002';
  }
  return out;
}

function relevantNamedPorts(pod: ModelPod, portNames: ReadonlySet<string>): Map<string, PortSet> {
  const ports = new Map<string, PortSet>();
  for (const port of pod.ports) {
    if (port.name === undefined || !portNames.has(port.name)) continue;
    const key = namedPortKey(port.name, port.protocol);
    ports.set(key, (ports.get(key) ?? PortSet.empty()).union(PortSet.of(port.port)));
  }
  return ports;
}

function portSignature(pod: ModelPod, portNames: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (const port of pod.ports) {
    if (port.name !== undefined && portNames.has(port.name))
      parts.push(`${port.name}/${port.protocol}=${port.port}`);
  }
  return parts.sort().join(';');
}

function atomsOfPod(pod: ModelPod, atoms: AddressAtoms): number[] {
  const found = new Set<number>();
  for (const ip of pod.ips) if (isValidIp(ip)) found.add(atoms.atomOf(ipToBigint(ip)));
  return [...found].sort((a, b) => a - b);
}
