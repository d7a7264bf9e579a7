import type { ConnectionSetJson } from '../evaluate/answers';
import { ConnectionSet } from '../sets';

/**
 * Connection sets read from and written to answers, once per object. A connectivity answer shares one JSON
 * object among all pairs with the same set, so its hundreds of thousands of entries hold a few dozen sets;
 * the changes written back share one JSON object per set the same way.
 */
export class ConnectionSetCache {
  private readonly sets = new Map<ConnectionSetJson, ConnectionSet>();
  private readonly jsons = new Map<ConnectionSet, ConnectionSetJson>();

  /** `ConnectionSet.fromJSON`, parsed once per JSON object. */
  fromJSON(json: ConnectionSetJson): ConnectionSet {
    let set = this.sets.get(json);
    if (set === undefined) {
      set = ConnectionSet.fromJSON(json);
      this.sets.set(json, set);
    }
    return set;
  }

  /** `set.toJSON()`, built once per set object; callers must not modify the result. */
  toJSON(set: ConnectionSet): ConnectionSetJson {
    let json = this.jsons.get(set);
    if (json === undefined) {
      json = set.toJSON();
      this.jsons.set(set, json);
    }
    return json;
  }
}
