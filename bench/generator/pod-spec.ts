/** Container, pod spec and pod status bodies, with the noise real dumps carry (env, volumes, statuses). */
import type { Placement } from './nodes';
import type { RawContainerPort } from './raw-objects';
import type { WorkloadPlan } from './workloads';

export function containerFor(plan: WorkloadPlan): Record<string, unknown> {
  return {
    name: plan.name,
    image: `registry.example.com/${plan.namespace}/${plan.name}:1.4.2`,
    imagePullPolicy: 'IfNotPresent',
    ...(plan.ports.length > 0 ? { ports: plan.ports.map((port: RawContainerPort) => ({ ...port })) } : {}),
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'SERVICE_NAME', value: plan.name },
      {
        name: 'DATABASE_PASSWORD',
        valueFrom: { secretKeyRef: { name: `${plan.name}-credentials`, key: 'password' } },
      },
    ],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '512Mi' } },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

/** The pod template of a controller: labels and a spec without node or status. */
export function podTemplate(plan: WorkloadPlan, labels: Record<string, string>): Record<string, unknown> {
  return {
    metadata: { labels: { ...labels } },
    spec: {
      containers: [containerFor(plan)],
      ...(plan.hostNetwork ? { hostNetwork: true } : {}),
      dnsPolicy: plan.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      serviceAccountName: plan.name,
      terminationGracePeriodSeconds: 30,
    },
  };
}

/** A running pod's spec, bound to its node. */
export function podSpec(
  plan: WorkloadPlan,
  placement: Placement,
  volumeSuffix: string,
): Record<string, unknown> {
  return {
    containers: [
      {
        ...containerFor(plan),
        volumeMounts: [
          {
            name: `kube-api-access-${volumeSuffix}`,
            mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
            readOnly: true,
          },
        ],
      },
    ],
    ...(plan.hostNetwork ? { hostNetwork: true } : {}),
    dnsPolicy: plan.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    enableServiceLinks: true,
    nodeName: placement.nodeName,
    priority: 0,
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    serviceAccount: plan.name,
    serviceAccountName: plan.name,
    terminationGracePeriodSeconds: 30,
    tolerations: [
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ],
    volumes: [{ name: `kube-api-access-${volumeSuffix}`, projected: { defaultMode: 420, sources: [] } }],
  };
}

/** A running pod's status: phase, conditions, IPs and one container status. */
export function podStatus(
  plan: WorkloadPlan,
  placement: Placement,
  startTime: string,
): Record<string, unknown> {
  const condition = (type: string) => ({ type, status: 'True', lastTransitionTime: startTime });
  return {
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(
      condition,
    ),
    hostIP: placement.hostIP,
    hostIPs: [{ ip: placement.hostIP }],
    podIP: placement.podIP,
    podIPs: [{ ip: placement.podIP }],
    qosClass: 'Burstable',
    startTime,
    containerStatuses: [
      {
        name: plan.name,
        image: `registry.example.com/${plan.namespace}/${plan.name}:1.4.2`,
        imageID: `registry.example.com/${plan.namespace}/${plan.name}@sha256:${'0'.repeat(64)}`,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: startTime } },
      },
    ],
  };
}
