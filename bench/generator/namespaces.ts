/**
 * Namespaces: three system namespaces every cluster has (DNS, ingress controller, monitoring), then team
 * namespaces `<team>-<env>` with `team` and `env` labels, each team owning a prod, staging and dev namespace.
 */
import { ENVIRONMENTS, TEAMS, type Environment } from './vocabulary';

export interface NamespacePlan {
  name: string;
  labels: Record<string, string>;
  /** Absent for system namespaces. */
  team?: string;
  env?: Environment;
}

export const KUBE_SYSTEM = 'kube-system';
export const INGRESS_NAMESPACE = 'ingress-nginx';
export const MONITORING_NAMESPACE = 'monitoring';

const SYSTEM_NAMESPACES: readonly NamespacePlan[] = [
  { name: KUBE_SYSTEM, labels: {} },
  { name: INGRESS_NAMESPACE, labels: { 'app.kubernetes.io/name': 'ingress-nginx', team: 'platform' } },
  { name: MONITORING_NAMESPACE, labels: { team: 'platform', purpose: 'monitoring' } },
];

/** `count` namespaces, system ones first; every one carries the `kubernetes.io/metadata.name` label. */
export function planNamespaces(count: number): NamespacePlan[] {
  if (count <= SYSTEM_NAMESPACES.length) {
    throw new Error(`a cluster needs more than ${SYSTEM_NAMESPACES.length} namespaces, asked for ${count}`);
  }
  const plans = [...SYSTEM_NAMESPACES];
  for (let i = 0; plans.length < count; i++) {
    const team = teamName(Math.floor(i / ENVIRONMENTS.length));
    const env = ENVIRONMENTS[i % ENVIRONMENTS.length];
    const labels: Record<string, string> = { team, env };
    if (env === 'prod') labels['pod-security.kubernetes.io/enforce'] = 'restricted';
    plans.push({ name: `${team}-${env}`, labels, team, env });
  }
  return plans.map((plan) => ({
    ...plan,
    labels: { ...plan.labels, 'kubernetes.io/metadata.name': plan.name },
  }));
}

/** Team names cycle through the word list, numbered from the second round on (`payments-2`). */
export function teamName(index: number): string {
  const round = Math.floor(index / TEAMS.length);
  const word = TEAMS[index % TEAMS.length];
  return round === 0 ? word : `${word}-${round + 1}`;
}
