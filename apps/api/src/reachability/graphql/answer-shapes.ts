import {
  peerText,
  type AnswerMeta as EngineAnswerMeta,
  type CheckAnswer as EngineCheckAnswer,
  type ConnectionSetJson,
  type ConnectivityAnswer,
  type DirectionAnswer as EngineDirectionAnswer,
  type DirectionVerdict as EngineDirectionVerdict,
  type Peer as EnginePeer,
  type Protocol,
} from '@podreach/policy-engine';
import { pageAt, pageOf, type PageArgs } from '../../graphql/paging';
import type {
  AnswerMeta,
  CheckAnswer,
  Connectivity,
  DirectionAnswer,
  DirectionVerdict,
} from './answers.models';
import type { ConnectionSet, Peer, PortRange } from './common.models';
import type { DirectionEnum, GranularityEnum, PeerTypeEnum, ProtocolEnum } from './graphql-enums';

/**
 * Engine answers in GraphQL's shape. The engine's answers are the REST answers; GraphQL differs only where
 * its types need it: ConnectionSet lists every protocol, peers carry their text form, optional flags are
 * booleans, and long lists are paged.
 */
const FULL_RANGE: PortRange[] = [{ start: 1, end: 65535 }];

function ranges(conn: ConnectionSetJson, protocol: Protocol): PortRange[] {
  if (conn.all) return FULL_RANGE;
  return (conn.protocols[protocol] ?? []).map(([start, end]) => ({ start, end }));
}

export function connectionSet(conn: ConnectionSetJson): ConnectionSet {
  return {
    all: conn.all,
    tcp: ranges(conn, 'TCP'),
    udp: ranges(conn, 'UDP'),
    sctp: ranges(conn, 'SCTP'),
    text: conn.text,
  };
}

export function peer(p: EnginePeer): Peer {
  return { ...p, type: p.type as PeerTypeEnum, text: peerText(p) };
}

function meta(answer: EngineAnswerMeta): AnswerMeta {
  return {
    options: answer.options,
    complete: answer.complete,
    incompleteReasons: answer.incompleteReasons ?? [],
    warnings: answer.warnings,
  };
}

export function directionAnswer(answer: EngineDirectionAnswer, page: PageArgs): DirectionAnswer {
  return {
    ...meta(answer),
    target: peer(answer.target),
    direction: answer.direction as DirectionEnum,
    isolated: answer.isolated,
    isolatedBy: answer.isolatedBy,
    unenforceable: answer.unenforceable === true,
    peers: pageOf(answer.peers, page, (p) => ({
      peer: peer(p.peer),
      conn: connectionSet(p.conn),
      partial: p.partial === true,
      rules: p.rules.map((r) => ({ ...r, direction: r.direction as DirectionEnum })),
    })),
  };
}

function verdict(v: EngineDirectionVerdict): DirectionVerdict {
  return {
    ...v,
    direction: v.direction as DirectionEnum,
    subject: v.subject === undefined ? undefined : peer(v.subject),
    conn: connectionSet(v.conn),
    allowedBy: v.allowedBy.map((r) => ({ ...r, direction: r.direction as DirectionEnum })),
  };
}

export function checkAnswer(answer: EngineCheckAnswer): CheckAnswer {
  return {
    ...meta(answer),
    src: peer(answer.src),
    dst: peer(answer.dst),
    protocol: answer.protocol as ProtocolEnum | undefined,
    port: answer.port,
    allowed: answer.allowed,
    conn: connectionSet(answer.conn),
    partial: answer.partial === true,
    egress: verdict(answer.egress),
    ingress: verdict(answer.ingress),
  };
}

/** A page of connectivity: `answer.connections` holds the connections from `start` on, of `total`. */
export function connectivity(answer: ConnectivityAnswer, start: number, total: number): Connectivity {
  const nodes = answer.connections.map((c) => ({
    src: peer(c.src),
    dst: peer(c.dst),
    conn: connectionSet(c.conn),
    partial: c.partial === true,
  }));
  return {
    ...meta(answer),
    granularity: answer.granularity as GranularityEnum,
    connections: pageAt(nodes, start, total),
  };
}
