import type { NetworkPolicyPort, Protocol } from '../model/objects';
import { ConnectionSet, PortSet } from '../sets';
import { namedPortKey, type PodClass } from './pod-classes';

/**
 * The `ports` of one NetworkPolicy rule. Numeric ports and ranges are fixed; a named port resolves per
 * destination pod against its container port with the same name and protocol, so the result depends on
 * the destination class. Toward an outside address a named port matches nothing.
 */
export class RulePorts {
  private readonly fixed: ConnectionSet;
  private readonly named: { key: string; protocol: Protocol }[] = [];
  private readonly perClass = new Map<number, ConnectionSet>();

  constructor(entries: NetworkPolicyPort[] | undefined) {
    // `ports` absent or empty: every port of every protocol.
    if (entries === undefined || entries.length === 0) {
      this.fixed = ConnectionSet.all();
      return;
    }
    let fixed = ConnectionSet.none();
    for (const entry of entries) {
      if (typeof entry.port === 'string') {
        this.named.push({ key: namedPortKey(entry.port, entry.protocol), protocol: entry.protocol });
      } else if (entry.port === undefined) {
        fixed = fixed.union(ConnectionSet.allOf(entry.protocol));
      } else {
        const ports = PortSet.range(entry.port, entry.endPort ?? entry.port);
        fixed = fixed.union(ConnectionSet.of(entry.protocol, ports));
      }
    }
    this.fixed = fixed;
  }

  /** Whether what the rule allows depends on the destination's named container ports. */
  get usesNamedPorts(): boolean {
    return this.named.length > 0;
  }

  /** Named ports this rule uses (their names), for classing and warnings. */
  namedKeys(): string[] {
    return this.named.map((n) => n.key);
  }

  /** What the rule allows toward a pod of the given class. */
  toward(destination: PodClass): ConnectionSet {
    if (this.named.length === 0) return this.fixed;
    let result = this.perClass.get(destination.id);
    if (result === undefined) {
      result = this.fixed;
      for (const { key, protocol } of this.named) {
        const ports = destination.namedPorts.get(key);
        if (ports !== undefined) result = result.union(ConnectionSet.of(protocol, ports));
      }
      this.perClass.set(destination.id, result);
    }
    return result;
  }

  /** What the rule allows toward an outside address: named ports resolve to nothing there. */
  towardAddress(): ConnectionSet {
    return this.fixed;
  }
}
