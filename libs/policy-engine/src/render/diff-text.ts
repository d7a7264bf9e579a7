import type { ConnectivityChange, DiffAnswer, DiffSnapshotRef, Exposure } from '../diff/diff-answer';
import type { PolicyChange } from '../diff/policy-diff';
import type { DiffContext } from './diff-context';

/** How a snapshot is named in titles: its label, else its id. */
export function snapshotName(ref: DiffSnapshotRef): string {
  return ref.label ?? ref.id;
}

/** `main -> pr-7`, or `prod -> what-if` for a what-if answer. */
export function diffTitle(answer: DiffAnswer): string {
  return `${snapshotName(answer.base)} -> ${answer.head === null ? 'what-if' : snapshotName(answer.head)}`;
}

export const EXPOSURE_TEXT: Readonly<Record<Exposure, string>> = {
  public: 'exposed to public addresses',
  outside: 'exposed to outside addresses',
  allNamespaces: 'exposed to all namespaces',
};

/** The causes of a change as one line: their details joined by `; `, or `unknown` when none was found. */
export function causesText(change: ConnectivityChange): string {
  return change.causedBy.length === 0 ? 'unknown' : change.causedBy.map((cause) => cause.detail).join('; ');
}

/** `src added`, `dst removed`, both joined by `; `, or `''`. */
export function workloadChangeText(change: ConnectivityChange): string {
  const parts: string[] = [];
  if (change.workloadChange?.src !== undefined) parts.push(`src ${change.workloadChange.src}`);
  if (change.workloadChange?.dst !== undefined) parts.push(`dst ${change.workloadChange.dst}`);
  return parts.join('; ');
}

/** `NetworkPolicy shop/allow-web` or `AdminNetworkPolicy guard`. */
export function policyName(policy: PolicyChange): string {
  return `${policy.kind} ${policy.namespace === undefined ? '' : `${policy.namespace}/`}${policy.name}`;
}

/** Where the whole answer is: the context's URL, or the REST path that answers it. */
export function fullDiffPointer(answer: DiffAnswer, context: DiffContext): string {
  if (context.fullDiffUrl !== undefined) return context.fullDiffUrl;
  const base = encodeURIComponent(answer.base.id);
  return answer.head === null
    ? `POST /api/v1/snapshots/${base}/what-if`
    : `GET /api/v1/diff?base=${base}&head=${encodeURIComponent(answer.head.id)}&format=json`;
}
