import type { SnapshotBuilder } from '@podreach/policy-engine';

/**
 * The calls the decoder makes on the engine's SnapshotBuilder, and all it needs of it: a whole
 * document (`addDocument`), or one item of a list (`addObject`, with the list's kind and apiVersion
 * for items that lack their own).
 */
export type DocumentSink = Pick<SnapshotBuilder, 'addDocument' | 'addObject'>;
