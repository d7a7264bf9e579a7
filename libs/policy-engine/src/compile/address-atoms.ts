import { bigintToIp, IpSet } from '../sets';
import { Bitset } from './bitset';

/** The first IPv6 point of the combined address line (IPv4 occupies 0..2^32-1). */
const V6_START = 1n << 32n;
const LINE_END = V6_START + (1n << 128n) - 1n;

/**
 * The address space (IPv4 and IPv6) cut at every boundary of every address block policies mention, into
 * atoms: each atom lies wholly inside or wholly outside each block, so a block is a set of atoms and every
 * address in one atom is treated alike by every rule.
 */
export class AddressAtoms {
  /** Start of each atom, ascending; atom i ends where atom i+1 starts (the last ends at the line's end). */
  private readonly starts: bigint[];

  constructor(blocks: Iterable<IpSet>) {
    const cuts = new Set<bigint>([0n, V6_START]);
    for (const block of blocks) for (const cut of block.boundaries()) if (cut <= LINE_END) cuts.add(cut);
    this.starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  get count(): number {
    return this.starts.length;
  }

  /** The atom holding a point of the combined line (`ipToBigint`). */
  atomOf(value: bigint): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= value) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The atoms a set covers; the set must be a union of atoms (any block the atoms were cut for is). */
  atomsOf(set: IpSet): Bitset {
    const atoms = Bitset.empty(this.count);
    for (const [start, end] of set.intervals()) {
      for (let i = this.atomOf(start); i < this.count && this.starts[i] <= end; i++) atoms.add(i);
    }
    return atoms;
  }

  first(atom: number): bigint {
    return this.starts[atom];
  }

  last(atom: number): bigint {
    return atom + 1 < this.count ? this.starts[atom + 1] - 1n : LINE_END;
  }

  /** Whether atoms `atom` and `atom + 1` may be reported as one range (never across IPv4 and IPv6). */
  joinsNext(atom: number): boolean {
    return atom + 1 < this.count && this.starts[atom + 1] !== V6_START;
  }

  /** `start`/`end` of a run of atoms in the usual short address form. */
  rangeText(firstAtom: number, lastAtom: number): { start: string; end: string } {
    return { start: bigintToIp(this.first(firstAtom)), end: bigintToIp(this.last(lastAtom)) };
  }
}

/** The addresses an ipBlock peer matches: its `cidr` minus every `except`. */
export function ipBlockSet(block: { cidr: string; except?: string[] }): IpSet {
  let set = IpSet.fromCidr(block.cidr);
  for (const except of block.except ?? []) set = set.subtract(IpSet.fromCidr(except));
  return set;
}
