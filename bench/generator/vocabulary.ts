/** Words and workload roles the generator builds names, labels and ports from. */
import type { RawContainerPort } from './raw-objects';

export const TEAMS = words(`
  payments checkout identity search catalog orders shipping billing ledger pricing reviews media profile
  notify reports inventory loyalty fraud growth ads support analytics mobile partners risk tax returns booking`);

export const ENVIRONMENTS = ['prod', 'staging', 'dev'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const APP_WORDS = words(`
  cart account session invoice quote stock rating upload thumbnail mailer export import scheduler gateway
  router indexer crawler ranker tracker matcher wallet refund label courier promo coupon feed`);

/** What a workload does decides its kind, its `tier` label, its replica range and its named ports. */
export interface Role {
  suffix: string;
  tier: 'frontend' | 'backend' | 'worker' | 'db' | 'cache' | 'queue';
  kind: 'Deployment' | 'StatefulSet';
  /** Replica range; Deployments draw from the cluster-wide skewed distribution instead when absent. */
  replicas?: readonly [number, number];
  ports: readonly RawContainerPort[];
}

const METRICS: RawContainerPort = { name: 'metrics', containerPort: 9102, protocol: 'TCP' };

export const ROLES: readonly (readonly [Role, number])[] = [
  [{ suffix: 'web', tier: 'frontend', kind: 'Deployment', ports: [http(8080), METRICS] }, 20],
  [
    {
      suffix: 'api',
      tier: 'backend',
      kind: 'Deployment',
      ports: [http(8080), { name: 'grpc', containerPort: 9090, protocol: 'TCP' }, METRICS],
    },
    35,
  ],
  [
    {
      suffix: 'worker',
      tier: 'worker',
      kind: 'Deployment',
      ports: [METRICS, { name: 'statsd', containerPort: 8125, protocol: 'UDP' }],
    },
    20,
  ],
  [
    {
      suffix: 'db',
      tier: 'db',
      kind: 'StatefulSet',
      replicas: [1, 5],
      ports: [
        { name: 'postgres', containerPort: 5432, protocol: 'TCP' },
        { ...METRICS, containerPort: 9187 },
      ],
    },
    12,
  ],
  [
    {
      suffix: 'cache',
      tier: 'cache',
      kind: 'StatefulSet',
      replicas: [1, 6],
      ports: [
        { name: 'redis', containerPort: 6379, protocol: 'TCP' },
        { ...METRICS, containerPort: 9121 },
      ],
    },
    8,
  ],
  [
    {
      suffix: 'queue',
      tier: 'queue',
      kind: 'StatefulSet',
      replicas: [3, 9],
      ports: [
        { name: 'kafka', containerPort: 9092, protocol: 'TCP' },
        { name: 'replication', containerPort: 9093, protocol: 'TCP' },
        { name: 'sctp-feed', containerPort: 9899, protocol: 'SCTP' },
      ],
    },
    5,
  ],
];

function words(text: string): readonly string[] {
  return text.trim().split(/\s+/);
}

function http(port: number): RawContainerPort {
  return { name: 'http', containerPort: port, protocol: 'TCP' };
}

/** The alphabet Kubernetes uses for generated name suffixes and pod-template hashes (no vowels, no 0/1/3). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
