import { describe, expect, it } from 'vitest';
import type { PolicyRef, RuleRef } from '../evaluate/answers';
import { ConnectionSet } from '../sets';
import type { VerdictSummary } from './pair-verdicts';
import { PolicyEffects, policyKey } from './policy-effects';

const policy = (name: string): PolicyRef => ({ kind: 'NetworkPolicy', namespace: 'shop', name });
const rule = (name: string, index = 0): RuleRef => ({
  tier: 'networkPolicy',
  policy: policy(name),
  direction: 'ingress',
  rule: index,
});
const verdict = (isolatedBy: string[], allowedBy: RuleRef[] = []): VerdictSummary => ({
  conn: ConnectionSet.none(),
  isolatedBy: isolatedBy.map(policy),
  allowedBy,
});

/** `deny` and `allow-web` changed between the snapshots; `keep` did not. */
const effects = () =>
  new PolicyEffects((key) => [policyKey(policy('deny')), policyKey(policy('allow-web'))].includes(key));
const lines = (list: ReturnType<PolicyEffects['between']>) =>
  list.map((e) => `${e.kind}: ${e.policy.name} ${e.effect}`);

describe('PolicyEffects', () => {
  it.each([
    {
      scenario: 'a new default-deny isolates the end',
      before: verdict([]),
      after: verdict(['deny']),
      expected: ['isolation: deny now isolates'],
    },
    {
      scenario: 'a removed policy no longer isolates it, whether or not it changed',
      before: verdict(['deny', 'keep']),
      after: verdict([]),
      expected: ['isolation: deny no longer isolates', 'isolation: keep no longer isolates'],
    },
    {
      // One effect per rule that allowed the pair; attribution drops the repeated cause.
      scenario: 'a changed policy whose rules allow the pair on both sides changed what it allows',
      before: verdict(['allow-web'], [rule('allow-web')]),
      after: verdict(['allow-web'], [rule('allow-web', 1)]),
      expected: [
        'policy: allow-web changed what it allows for',
        'policy: allow-web changed what it allows for',
      ],
    },
    {
      scenario: 'a changed policy allows the pair only now, an unchanged one is no cause',
      before: verdict(['keep'], [rule('keep')]),
      after: verdict(['keep', 'allow-web'], [rule('keep'), rule('allow-web')]),
      expected: ['isolation: allow-web now isolates', 'policy: allow-web now allows'],
    },
    {
      scenario: 'a changed policy no longer allows the pair',
      before: verdict(['allow-web'], [rule('allow-web')]),
      after: verdict(['allow-web']),
      expected: ['policy: allow-web no longer allows'],
    },
  ])('$scenario', ({ before, after, expected }) => {
    expect(lines(effects().between(before, after))).toEqual(expected);
  });

  it('compares a pair of verdicts once', () => {
    const memo = effects();
    const [before, after] = [verdict([]), verdict(['deny'])];
    expect(memo.between(before, after)).toBe(memo.between(before, after));
    expect(memo.between(after, before)).not.toBe(memo.between(before, after));
  });
});
