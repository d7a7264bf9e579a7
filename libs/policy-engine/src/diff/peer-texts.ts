import type { Peer } from '../evaluate/answers';
import { peerText } from '../evaluate/peer-text';

/**
 * The text forms of the peers of answers, built once per peer object: an answer's entries share the peer
 * objects of their ends, so a list of pairs names a few thousand peers hundreds of thousands of times.
 */
export class PeerTexts {
  private readonly texts = new Map<Peer, string>();
  private readonly idsByText = new Map<string, number>();
  private readonly idsByPeer = new Map<Peer, number>();

  /** `peerText(peer)`, built once per peer object. */
  of(peer: Peer): string {
    let text = this.texts.get(peer);
    if (text === undefined) {
      text = peerText(peer);
      this.texts.set(peer, text);
    }
    return text;
  }

  /** A small number per text form (0, 1, ...): equal for peers with equal texts, found by object first. */
  id(peer: Peer): number {
    let id = this.idsByPeer.get(peer);
    if (id === undefined) {
      const text = this.of(peer);
      id = this.idsByText.get(text);
      if (id === undefined) {
        id = this.idsByText.size;
        this.idsByText.set(text, id);
      }
      this.idsByPeer.set(peer, id);
    }
    return id;
  }
}
