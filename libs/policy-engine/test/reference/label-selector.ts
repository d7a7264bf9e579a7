import type { LabelSelector, LabelSelectorRequirement, Labels } from '../../src/model/objects';

function requirementMatches(requirement: LabelSelectorRequirement, labels: Labels): boolean {
  const values = requirement.values ?? [];
  const has = Object.hasOwn(labels, requirement.key);
  switch (requirement.operator) {
    case 'In':
      if (values.length === 0) throw new Error(`reference: In on ${requirement.key} needs values`);
      return has && values.includes(labels[requirement.key]);
    case 'NotIn':
      if (values.length === 0) throw new Error(`reference: NotIn on ${requirement.key} needs values`);
      // An object without the key is "not in" any set of values.
      return !has || !values.includes(labels[requirement.key]);
    case 'Exists':
      if (values.length > 0) throw new Error(`reference: Exists on ${requirement.key} takes no values`);
      return has;
    case 'DoesNotExist':
      if (values.length > 0) throw new Error(`reference: DoesNotExist on ${requirement.key} takes no values`);
      return !has;
  }
}

/**
 * Whether a label selector matches a set of labels: every `matchLabels` pair and every `matchExpressions`
 * requirement must hold, so `{}` matches everything. Invalid selectors throw: the reference only defines
 * what the API server accepts.
 */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  const pairsHold = Object.entries(selector.matchLabels ?? {}).every(
    ([key, value]) => Object.hasOwn(labels, key) && labels[key] === value,
  );
  return pairsHold && (selector.matchExpressions ?? []).every((req) => requirementMatches(req, labels));
}
