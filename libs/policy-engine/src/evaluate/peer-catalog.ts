import type { CompiledSnapshot } from '../compile/compiled-snapshot';
import { workloadKey, type ModelPod } from '../model/snapshot-model';
import type { Granularity, Peer } from './answers';
import { podPeer, workloadPeer } from './endpoints';
import { peerText } from './peer-text';

/** A peer of list answers: how it is named, its text (the sort key), its pods and their distinct classes. */
export interface CatalogEntry {
  peer: Peer;
  text: string;
  /** The top-level workload of the entry (`namespace/Kind/name`). */
  workload: string;
  pods: ModelPod[];
  classes: number[];
}

/**
 * Every workload and every pod of a compiled snapshot as list peers, built once per compiled snapshot so
 * that answers only walk arrays. Entries with no enforceable pod (hostNetwork only) are left out: policies
 * never match them as peers.
 */
export class PeerCatalog {
  private readonly entries = new Map<Granularity, CatalogEntry[]>();

  constructor(private readonly compiled: CompiledSnapshot) {}

  list(granularity: Granularity): CatalogEntry[] {
    let list = this.entries.get(granularity);
    if (list === undefined) {
      list = granularity === 'workload' ? this.workloads() : this.pods();
      this.entries.set(granularity, list);
    }
    return list;
  }

  private workloads(): CatalogEntry[] {
    return this.compiled.model.workloads.flatMap((w) => {
      const classes = this.classesOf(w.pods);
      if (classes.length === 0) return [];
      const peer = workloadPeer(w);
      return [
        {
          peer,
          text: peerText(peer),
          workload: workloadKey(w.namespace, w.kind, w.name),
          pods: w.pods,
          classes,
        },
      ];
    });
  }

  private pods(): CatalogEntry[] {
    return this.compiled.model.pods.flatMap((pod) => {
      const classes = this.classesOf([pod]);
      if (classes.length === 0) return [];
      const peer = podPeer(this.compiled.model, pod);
      return [{ peer, text: peerText(peer), workload: pod.workload, pods: [pod], classes }];
    });
  }

  private classesOf(pods: readonly ModelPod[]): number[] {
    const classes = new Set<number>();
    for (const pod of pods) {
      const c = this.compiled.classOf.get(pod);
      if (c !== undefined) classes.add(c);
    }
    return [...classes];
  }
}
