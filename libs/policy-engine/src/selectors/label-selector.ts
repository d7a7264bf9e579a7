import { EngineError } from '../errors';
import type { LabelSelector, LabelSelectorRequirement, Labels } from '../model/objects';

/** A label selector turned into a fast matcher that can also describe itself. */
export interface CompiledSelector {
  matches(labels: Labels): boolean;
  /** The label keys the selector looks at, sorted and unique. */
  readonly keys: readonly string[];
  /** True for `{}` or an absent selector: every object matches. */
  readonly matchesAll: boolean;
  /** Canonical text, equal for equivalent spellings: `app=web,!legacy,tier in (a,b)`; `''` selects all. */
  readonly text: string;
}

type Operator = LabelSelectorRequirement['operator'];

interface Requirement {
  key: string;
  operator: Operator;
  values: ReadonlySet<string>;
  text: string;
}

function requirementText(key: string, operator: Operator, values: readonly string[]): string {
  switch (operator) {
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    case 'In':
      return values.length === 1 ? `${key}=${values[0]}` : `${key} in (${values.join(',')})`;
    case 'NotIn':
      return values.length === 1 ? `${key}!=${values[0]}` : `${key} notin (${values.join(',')})`;
    default:
      throw new EngineError('BAD_USER_INPUT', `unknown label selector operator "${String(operator)}"`);
  }
}

function requirement(key: string, operator: Operator, values: readonly string[] = []): Requirement {
  // Exists and DoesNotExist take no values; the validator reports any, matching ignores them.
  const kept = operator === 'Exists' || operator === 'DoesNotExist' ? [] : [...new Set(values)].sort();
  return { key, operator, values: new Set(kept), text: requirementText(key, operator, kept) };
}

function matchesRequirement(req: Requirement, labels: Labels): boolean {
  const present = Object.hasOwn(labels, req.key);
  switch (req.operator) {
    case 'In':
      return present && req.values.has(labels[req.key]);
    case 'NotIn':
      // Kubernetes: NotIn also matches objects that lack the key.
      return !present || !req.values.has(labels[req.key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
  }
}

/**
 * Compiles a label selector (SEMANTICS rule 7): `matchLabels` and every `matchExpressions` entry must all
 * hold. `In` needs the key with one of the values; `NotIn` matches when the key is absent or its value is not
 * listed; `Exists` needs the key; `DoesNotExist` needs it absent. `{}` and `undefined` match everything.
 */
export function compileSelector(sel: LabelSelector | undefined): CompiledSelector {
  const byText = new Map<string, Requirement>();
  for (const [key, value] of Object.entries(sel?.matchLabels ?? {})) {
    const req = requirement(key, 'In', [value]);
    byText.set(req.text, req);
  }
  for (const expr of sel?.matchExpressions ?? []) {
    const req = requirement(expr.key, expr.operator, expr.values);
    byText.set(req.text, req);
  }
  const reqs = [...byText.values()].sort((a, b) =>
    a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.text < b.text ? -1 : a.text > b.text ? 1 : 0,
  );
  const keys = [...new Set(reqs.map((r) => r.key))];
  return {
    matches: (labels) => reqs.every((r) => matchesRequirement(r, labels)),
    keys,
    matchesAll: reqs.length === 0,
    text: reqs.map((r) => r.text).join(','),
  };
}
