/**
 * The JSON forms of the values every answer shares. They rebuild each value with its documented keys in their
 * documented order, so the bytes of a document do not depend on how the engine happened to construct it, and
 * nothing the engine keeps for itself leaks into the public schema.
 */
import type { AnalysisOptions, ConnectionSetJson, Peer } from '../evaluate/answers';
import { PROTOCOLS, type ObjectRef, type Protocol, type Warning } from '../model/objects';

/**
 * The options an answer was computed with. Listed key by key: a new option is a compile error here until it is
 * added to the documents, rather than silently missing from them.
 */
export function optionsJson(options: AnalysisOptions): AnalysisOptions {
  return { ipBlockMatchesPods: options.ipBlockMatchesPods };
}

/** A peer as the API documents it: workload, pod or outside address range. */
export function peerJson(peer: Peer): Peer {
  switch (peer.type) {
    case 'workload':
      return { type: 'workload', namespace: peer.namespace, name: peer.name, kind: peer.kind };
    case 'pod':
      return { type: 'pod', namespace: peer.namespace, name: peer.name };
    case 'ipRange':
      return { type: 'ipRange', start: peer.start, end: peer.end };
  }
}

/** A connection set with its protocols in name order (`SCTP`, `TCP`, `UDP`), as its text form orders them. */
export function connectionSetJson(conn: ConnectionSetJson): ConnectionSetJson {
  if (conn.all) {
    return { all: true, text: 'All Connections' };
  }
  const protocols: Partial<Record<Protocol, [number, number][]>> = {};
  for (const protocol of PROTOCOLS) {
    const ranges = conn.protocols[protocol];
    if (ranges !== undefined) {
      protocols[protocol] = ranges.map(([start, end]): [number, number] => [start, end]);
    }
  }
  return { all: false, protocols, text: conn.text };
}

/** A warning: stable `code`, `message` for people, and the object it is about when there is one. */
export function warningJson(warning: Warning): Warning {
  return warning.object === undefined
    ? { code: warning.code, message: warning.message }
    : { code: warning.code, message: warning.message, object: objectRefJson(warning.object) };
}

function objectRefJson(ref: ObjectRef): ObjectRef {
  return ref.namespace === undefined
    ? { kind: ref.kind, name: ref.name }
    : { kind: ref.kind, namespace: ref.namespace, name: ref.name };
}
