import { EngineError } from '../errors';
import { PROTOCOLS, type Protocol } from '../model/objects';
import { PortSet } from './port-set';

/** `{ all: true }` only when TCP, UDP and SCTP are each open on 1-65535. Ranges are canonical. */
export type ConnectionSetJson =
  | { all: true; text: 'All Connections' }
  | { all: false; protocols: Partial<Record<Protocol, [number, number][]>>; text: string };

/** Index of each protocol in `PROTOCOLS` (name order: SCTP, TCP, UDP), which is also the text order. */
const INDEX: Readonly<Record<Protocol, number>> = { SCTP: 0, TCP: 1, UDP: 2 };

type PortsByProtocol = readonly [PortSet, PortSet, PortSet];

const ALL_TEXT = 'All Connections';
const NONE_TEXT = 'No Connections';

/**
 * An immutable set of connections: for each protocol (TCP, UDP, SCTP) a canonical set of ports. "All" means
 * every port of all three protocols, as roxctl and netpol-analyzer count it.
 */
export class ConnectionSet {
  private static readonly NONE = new ConnectionSet([PortSet.empty(), PortSet.empty(), PortSet.empty()]);
  private static readonly ALL = new ConnectionSet([PortSet.all(), PortSet.all(), PortSet.all()]);

  private text: string | undefined;

  private constructor(private readonly byProtocol: PortsByProtocol) {}

  private static build(byProtocol: PortsByProtocol): ConnectionSet {
    if (byProtocol.every((p) => p.isEmpty())) return ConnectionSet.NONE;
    if (byProtocol.every((p) => p.isAll())) return ConnectionSet.ALL;
    return new ConnectionSet(byProtocol);
  }

  private combine(other: ConnectionSet, op: (a: PortSet, b: PortSet) => PortSet): ConnectionSet {
    const [a, b] = [this.byProtocol, other.byProtocol];
    return ConnectionSet.build([op(a[0], b[0]), op(a[1], b[1]), op(a[2], b[2])]);
  }

  static none(): ConnectionSet {
    return ConnectionSet.NONE;
  }

  static all(): ConnectionSet {
    return ConnectionSet.ALL;
  }

  /** `ports` of one protocol and nothing else. */
  static of(protocol: Protocol, ports: PortSet): ConnectionSet {
    const byProtocol: [PortSet, PortSet, PortSet] = [PortSet.empty(), PortSet.empty(), PortSet.empty()];
    byProtocol[INDEX[protocol]] = ports;
    return ConnectionSet.build(byProtocol);
  }

  /** Every port of one protocol. */
  static allOf(protocol: Protocol): ConnectionSet {
    return ConnectionSet.of(protocol, PortSet.all());
  }

  /** The inverse of `toJSON`; ranges are canonicalized, `text` is ignored. Throws BAD_USER_INPUT when malformed. */
  static fromJSON(json: ConnectionSetJson): ConnectionSet {
    if (json.all) return ConnectionSet.ALL;
    const protocols: Partial<Record<string, unknown>> = json.protocols ?? {};
    let result = ConnectionSet.NONE;
    for (const [name, ranges] of Object.entries(protocols)) {
      if (!(PROTOCOLS as readonly string[]).includes(name) || !Array.isArray(ranges)) {
        throw new EngineError('BAD_USER_INPUT', `invalid connection set: bad protocol entry "${name}"`);
      }
      for (const range of ranges) {
        if (!Array.isArray(range) || range.length !== 2) {
          throw new EngineError('BAD_USER_INPUT', `invalid connection set: bad port range under ${name}`);
        }
      }
      result = result.union(ConnectionSet.of(name as Protocol, PortSet.fromRanges(ranges)));
    }
    return result;
  }

  union(other: ConnectionSet): ConnectionSet {
    if (this === ConnectionSet.NONE || other === ConnectionSet.ALL) return other;
    if (other === ConnectionSet.NONE || this === ConnectionSet.ALL) return this;
    return this.combine(other, (a, b) => a.union(b));
  }

  intersect(other: ConnectionSet): ConnectionSet {
    if (this === ConnectionSet.ALL || other === ConnectionSet.NONE) return other;
    if (other === ConnectionSet.ALL || this === ConnectionSet.NONE) return this;
    return this.combine(other, (a, b) => a.intersect(b));
  }

  subtract(other: ConnectionSet): ConnectionSet {
    if (this === ConnectionSet.NONE || other === ConnectionSet.NONE) return this;
    return this.combine(other, (a, b) => a.subtract(b));
  }

  equals(other: ConnectionSet): boolean {
    return this.byProtocol.every((ports, i) => ports.equals(other.byProtocol[i]));
  }

  isEmpty(): boolean {
    return this === ConnectionSet.NONE;
  }

  isAll(): boolean {
    return this === ConnectionSet.ALL;
  }

  allows(protocol: Protocol, port: number): boolean {
    return this.byProtocol[INDEX[protocol]].has(port);
  }

  ports(protocol: Protocol): PortSet {
    return this.byProtocol[INDEX[protocol]];
  }

  /** This set limited to one protocol and/or one port, for questions that name them. */
  restrict(protocol?: Protocol, port?: number): ConnectionSet {
    const ports = port === undefined ? PortSet.all() : PortSet.of(port);
    if (protocol !== undefined) return ConnectionSet.of(protocol, this.ports(protocol).intersect(ports));
    return port === undefined ? this : this.combine(ConnectionSet.ALL, (a) => a.intersect(ports));
  }

  /**
   * `All Connections`, `No Connections`, or the non-empty protocols in name order, each `PROTO ports`,
   * joined by `,`: `SCTP 9003,TCP 80,8000-8080,UDP 53`.
   */
  toText(): string {
    if (this.text === undefined) {
      if (this.isAll()) this.text = ALL_TEXT;
      else if (this.isEmpty()) this.text = NONE_TEXT;
      else {
        this.text = PROTOCOLS.filter((p) => !this.ports(p).isEmpty())
          .map((p) => `${p} ${this.ports(p).toString()}`)
          .join(',');
      }
    }
    return this.text;
  }

  /** A cheap key for hashing and grouping: equal sets have equal keys. */
  key(): string {
    return this.toText();
  }

  toString(): string {
    return this.toText();
  }

  toJSON(): ConnectionSetJson {
    if (this.isAll()) return { all: true, text: ALL_TEXT };
    const protocols: Partial<Record<Protocol, [number, number][]>> = {};
    for (const p of PROTOCOLS) {
      const ports = this.ports(p);
      if (!ports.isEmpty()) protocols[p] = ports.ranges();
    }
    return { all: false, protocols, text: this.toText() };
  }
}
