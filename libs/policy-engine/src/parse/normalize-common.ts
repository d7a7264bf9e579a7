import type {
  ContainerPort,
  LabelSelector,
  LabelSelectorRequirement,
  OwnerRef,
  Protocol,
} from '../model/objects';
import type { JsonObject } from '../validate';
import {
  arrayField,
  booleanField,
  integerField,
  objectField,
  objectsIn,
  stringField,
  stringMap,
} from './raw-fields';

/** `metadata.labels`, default `{}`. */
export function labelsOf(object: JsonObject): Record<string, string> {
  return stringMap(objectField(objectField(object, 'metadata'), 'labels'));
}

/**
 * The controller owner (`ownerReferences[].controller == true`). A pod owned by a Node is the mirror of a
 * static pod: no controller manages it, so it is a bare pod with no owner.
 */
export function controllerOwner(object: JsonObject): OwnerRef | undefined {
  const owners = objectsIn(arrayField(objectField(object, 'metadata'), 'ownerReferences'));
  const controller = owners.find((owner) => booleanField(owner, 'controller') === true);
  const kind = stringField(controller, 'kind');
  const name = stringField(controller, 'name');
  if (kind === undefined || name === undefined || kind === 'Node') return undefined;
  return { kind, name };
}

/** A protocol field, defaulted to TCP as the API server does. */
export function protocolOf(value: JsonObject | undefined, field = 'protocol'): Protocol {
  return (stringField(value, field) as Protocol | undefined) ?? 'TCP';
}

/** Ports of a pod spec's containers, in container order, protocol defaulted to TCP. */
export function containerPortsOf(podSpec: JsonObject | undefined): ContainerPort[] {
  const ports: ContainerPort[] = [];
  for (const container of objectsIn(arrayField(podSpec, 'containers'))) {
    for (const port of objectsIn(arrayField(container, 'ports'))) {
      const number = integerField(port, 'containerPort');
      if (number === undefined) continue;
      const name = stringField(port, 'name');
      const protocol = protocolOf(port);
      ports.push(name ? { name, port: number, protocol } : { port: number, protocol });
    }
  }
  return ports;
}

/**
 * A label selector as the API server stores it: empty `matchLabels`/`matchExpressions` and empty
 * `values` are dropped (Go's `omitempty`), so a manifest's `matchLabels: {}` equals the dump's `{}`.
 */
export function labelSelectorOf(value: unknown): LabelSelector {
  const selector = value as JsonObject | undefined;
  const out: LabelSelector = {};
  const expressions = objectsIn(arrayField(selector, 'matchExpressions')).map((expression) => {
    const requirement: LabelSelectorRequirement = {
      key: stringField(expression, 'key') ?? '',
      operator: stringField(expression, 'operator') as LabelSelectorRequirement['operator'],
    };
    const values = (arrayField(expression, 'values') ?? []).filter((v): v is string => typeof v === 'string');
    if (values.length > 0) requirement.values = values;
    return requirement;
  });
  if (expressions.length > 0) out.matchExpressions = expressions;
  const matchLabels = stringMap(objectField(selector, 'matchLabels'));
  if (Object.keys(matchLabels).length > 0) out.matchLabels = matchLabels;
  return out;
}
