import { PROTOCOLS, type Protocol } from '../model/objects';
import { ConnectionSet, PortSet } from '../sets';
import { namedPortKey, type PodClass } from './pod-classes';

const PROTOCOL_FIELDS: Readonly<Record<string, Protocol>> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' };

type Fields = Record<string, unknown>;

function fieldsOf(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

function portRange(start: unknown, end: unknown): PortSet | undefined {
  return typeof start === 'number' && typeof end === 'number' && start <= end
    ? PortSet.range(start, end)
    : undefined;
}

/** A v1alpha1 `ports` entry: `portNumber`, `portRange` or `namedPort`; `undefined` when unreadable. */
function v1alpha1Entry(entry: Fields): ConnectionSet | string | undefined {
  if (typeof entry.namedPort === 'string') return entry.namedPort;
  const number = fieldsOf(entry.portNumber);
  const range = fieldsOf(entry.portRange);
  const spec = number ?? range;
  // The CRD defaults `protocol` to TCP.
  const protocol = (spec?.protocol ?? 'TCP') as Protocol;
  if (spec === undefined || !PROTOCOLS.includes(protocol)) return undefined;
  const ports =
    number !== undefined ? portRange(number.port, number.port) : portRange(range?.start, range?.end);
  return ports && ConnectionSet.of(protocol, ports);
}

/** A v1alpha2 `protocols` entry: `tcp|udp|sctp: {destinationPort: {number}|{range}}` or a named port. */
function v1alpha2Entry(entry: Fields): ConnectionSet | string | undefined {
  if (typeof entry.destinationNamedPort === 'string') return entry.destinationNamedPort;
  for (const [field, protocol] of Object.entries(PROTOCOL_FIELDS)) {
    const destination = fieldsOf(fieldsOf(entry[field])?.destinationPort);
    if (destination === undefined) continue;
    const range = fieldsOf(destination.range);
    const ports =
      range !== undefined
        ? portRange(range.start, range.end)
        : portRange(destination.number, destination.number);
    return ports && ConnectionSet.of(protocol, ports);
  }
  return undefined;
}

/**
 * The ports of one admin rule (`ports` in v1alpha1, `protocols` in v1alpha2). Absent: every port of every
 * protocol. A named port resolves on the destination pod against its container ports of that name, each
 * with that container port's own protocol; toward an address it matches nothing. An entry that cannot be
 * read fails closed, like a peer: it matches nothing in an allowing rule and everything otherwise.
 */
export class AdminRulePorts {
  private readonly fixed: ConnectionSet;
  readonly names: readonly string[];
  private readonly perClass = new Map<number, ConnectionSet>();

  constructor(rule: Fields, allowing: boolean) {
    const written = Array.isArray(rule.protocols) ? rule.protocols : rule.ports;
    if (!Array.isArray(written) || written.length === 0) {
      this.fixed = ConnectionSet.all();
      this.names = [];
      return;
    }
    const read = Array.isArray(rule.protocols) ? v1alpha2Entry : v1alpha1Entry;
    let fixed = ConnectionSet.none();
    const names: string[] = [];
    for (const raw of written) {
      const entry = fieldsOf(raw);
      const parsed = entry === undefined ? undefined : read(entry);
      if (typeof parsed === 'string') names.push(parsed);
      else if (parsed !== undefined) fixed = fixed.union(parsed);
      else if (!allowing) fixed = ConnectionSet.all();
    }
    this.fixed = fixed;
    this.names = names;
  }

  /** What the rule matches toward a pod of the given class. */
  toward(destination: PodClass): ConnectionSet {
    if (this.names.length === 0) return this.fixed;
    let result = this.perClass.get(destination.id);
    if (result === undefined) {
      result = this.fixed;
      for (const name of this.names) {
        for (const protocol of PROTOCOLS) {
          const ports = destination.namedPorts.get(namedPortKey(name, protocol));
          if (ports !== undefined) result = result.union(ConnectionSet.of(protocol, ports));
        }
      }
      this.perClass.set(destination.id, result);
    }
    return result;
  }

  /** What the rule matches toward an address: named ports resolve to nothing there. */
  towardAddress(): ConnectionSet {
    return this.fixed;
  }
}
