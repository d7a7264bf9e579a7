import type { ConnectivityChange, DiffAnswer } from '../diff/diff-answer';
import type { FieldChange } from '../diff/value-diff';
import { JsonArrayStream, jsonPieces } from './json-stream';
import { connectionSetJson, optionsJson, peerJson } from './json-values';

/** The `format=json` diff document (schema version 1): the answer with its documented keys in order. */
export function diffDocument(answer: DiffAnswer): DiffAnswer {
  return {
    ...documentHead(answer),
    connectivity: answer.connectivity.map(changeJson),
    ...documentTail(answer),
  };
}

/**
 * The diff document in pieces, one connectivity change per piece: joined, they equal
 * `JSON.stringify(diffDocument(answer))` byte for byte.
 */
export function* renderDiffJson(answer: DiffAnswer): Iterable<string> {
  yield* jsonPieces({
    ...documentHead(answer),
    connectivity: new JsonArrayStream(answer.connectivity.map(changeJson)),
    ...documentTail(answer),
  });
}

function documentHead(answer: DiffAnswer) {
  const reasons = answer.incompleteReasons ?? [];
  return {
    schemaVersion: 1 as const,
    base: snapshotJson(answer.base),
    head: answer.head === null ? null : snapshotJson(answer.head),
    whatIf: answer.whatIf,
    options: optionsJson(answer.options),
    complete: answer.complete,
    ...(reasons.length > 0 ? { incompleteReasons: [...reasons] } : {}),
    summary: {
      added: answer.summary.added,
      removed: answer.summary.removed,
      changed: answer.summary.changed,
      policiesChanged: answer.summary.policiesChanged,
    },
  };
}

function documentTail(answer: DiffAnswer) {
  return {
    workloads: {
      added: answer.workloads.added.map(peerJson),
      removed: answer.workloads.removed.map(peerJson),
    },
    policies: answer.policies.map((p) => ({
      kind: p.kind,
      ...(p.namespace !== undefined ? { namespace: p.namespace } : {}),
      name: p.name,
      change: p.change,
      fields: p.fields.map(fieldJson),
    })),
    labels: answer.labels.map((l) => ({
      kind: l.kind,
      ...(l.namespace !== undefined ? { namespace: l.namespace } : {}),
      name: l.name,
      change: l.change,
      fields: l.fields.map(fieldJson),
    })),
  };
}

function snapshotJson(ref: { id: string; label?: string }) {
  return ref.label === undefined ? { id: ref.id } : { id: ref.id, label: ref.label };
}

function fieldJson(field: FieldChange): FieldChange {
  return { path: field.path, before: field.before, after: field.after };
}

function changeJson(change: ConnectivityChange): ConnectivityChange {
  return {
    type: change.type,
    src: peerJson(change.src),
    dst: peerJson(change.dst),
    before: change.before === null ? null : connectionSetJson(change.before),
    after: change.after === null ? null : connectionSetJson(change.after),
    ...(change.workloadChange !== undefined ? { workloadChange: { ...change.workloadChange } } : {}),
    ...(change.exposure !== undefined ? { exposure: change.exposure } : {}),
    causedBy: change.causedBy.map((cause) => ({
      kind: cause.kind,
      ...(cause.direction !== undefined ? { direction: cause.direction } : {}),
      ...(cause.policy !== undefined ? { policy: { ...cause.policy } } : {}),
      ...(cause.change !== undefined ? { change: cause.change } : {}),
      ...(cause.object !== undefined ? { object: { ...cause.object } } : {}),
      ...(cause.fields !== undefined ? { fields: [...cause.fields] } : {}),
      detail: cause.detail,
    })),
  };
}
