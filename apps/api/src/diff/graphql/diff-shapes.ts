import type {
  ChangeCause as EngineChangeCause,
  ConnectivityChange as EngineConnectivityChange,
  DiffAnswer,
  FieldChange as EngineFieldChange,
  LabelChange,
  PolicyChange,
} from '@podreach/policy-engine';
import { connectionSet, peer } from '../../reachability/graphql/answer-shapes';
import type { DirectionEnum } from '../../reachability/graphql/graphql-enums';
import type {
  ChangeCause,
  ConnectivityChange,
  ConnectivityChangeTypeEnum,
  Diff,
  ExposureEnum,
  FieldChange,
  ObjectChange,
  ObjectChangeEnum,
} from './diff.models';

/**
 * The engine's diff answer in GraphQL's shape: the same fields as the REST JSON, except that peers carry their
 * text form, ConnectionSets list every protocol, field values are JSON text, and long lists are paged.
 */
export function diffNode(answer: DiffAnswer): Diff {
  return {
    base: answer.base,
    head: answer.head,
    whatIf: answer.whatIf,
    options: answer.options,
    complete: answer.complete,
    incompleteReasons: answer.incompleteReasons ?? [],
    summary: answer.summary,
    workloads: { added: answer.workloads.added.map(peer), removed: answer.workloads.removed.map(peer) },
    answer,
  };
}

export function connectivityChange(change: EngineConnectivityChange): ConnectivityChange {
  return {
    type: change.type as ConnectivityChangeTypeEnum,
    src: peer(change.src),
    dst: peer(change.dst),
    before: change.before === null ? null : connectionSet(change.before),
    after: change.after === null ? null : connectionSet(change.after),
    workloadChange: change.workloadChange as ConnectivityChange['workloadChange'],
    exposure: change.exposure as ExposureEnum | undefined,
    causedBy: change.causedBy.map(changeCause),
  };
}

function changeCause(cause: EngineChangeCause): ChangeCause {
  return {
    ...cause,
    direction: cause.direction as DirectionEnum | undefined,
    change: cause.change as ObjectChangeEnum | undefined,
    fields: cause.fields ?? [],
  };
}

/** A policy or label change; field values become JSON text (null where the field is absent). */
export function objectChange(change: PolicyChange | LabelChange): ObjectChange {
  return { ...change, change: change.change as ObjectChangeEnum, fields: change.fields.map(fieldChange) };
}

function fieldChange(field: EngineFieldChange): FieldChange {
  const text = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  return { path: field.path, before: text(field.before), after: text(field.after) };
}
