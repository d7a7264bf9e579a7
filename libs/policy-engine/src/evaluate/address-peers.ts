import type { AddressAtoms } from '../compile/address-atoms';
import type { ConnectionSet } from '../sets';
import type { Peer, RuleRef } from './answers';
import { uniqueRules } from './rule-refs';

export interface AtomConnection {
  conn: ConnectionSet;
  partial: boolean;
  rules: RuleRef[];
}

/**
 * Outside peers as address ranges: adjacent atoms with the same connection set are merged (never across IPv4
 * and IPv6); ranges with no connection are left out.
 */
export function addressRanges(
  atoms: AddressAtoms,
  perAtom: readonly AtomConnection[],
): { peer: Peer; conn: ConnectionSet; partial: boolean; rules: RuleRef[] }[] {
  const out: { peer: Peer; conn: ConnectionSet; partial: boolean; rules: RuleRef[] }[] = [];
  let start = 0;
  for (let i = 0; i < perAtom.length; i++) {
    const here = perAtom[i];
    const next = perAtom[i + 1];
    const joins =
      next !== undefined &&
      atoms.joinsNext(i) &&
      next.partial === here.partial &&
      next.conn.equals(here.conn);
    if (joins) continue;
    if (!here.conn.isEmpty()) {
      const run = perAtom.slice(start, i + 1);
      out.push({
        peer: { type: 'ipRange', ...atoms.rangeText(start, i) },
        conn: here.conn,
        partial: here.partial,
        rules: uniqueRules(run.flatMap((a) => a.rules)),
      });
    }
    start = i + 1;
  }
  return out;
}
