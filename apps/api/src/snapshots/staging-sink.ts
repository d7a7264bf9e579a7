import type { SnapshotBuilder } from '@podreach/policy-engine';
import type { SnapshotStage } from './snapshot-stage';
import type { DocumentSink } from './upload/document-sink';

/**
 * What the decoder feeds: the builder, which then hands each `batchRows` objects it added to the stage,
 * so that they are stored while the rest of the upload is decoded. The stage's failure (a lost connection,
 * its timeout) is thrown from here, which stops the decoding.
 */
export function stagingSink(
  builder: SnapshotBuilder,
  stage: Pick<SnapshotStage, 'add'>,
  batchRows: number,
): DocumentSink {
  const handOver = () => stage.add(builder.takeAdded(batchRows));
  return {
    addDocument(raw, documentName) {
      builder.addDocument(raw, documentName);
      handOver();
    },
    addObject(raw, documentName, listKind, listApiVersion) {
      builder.addObject(raw, documentName, listKind, listApiVersion);
      handOver();
    },
  };
}
