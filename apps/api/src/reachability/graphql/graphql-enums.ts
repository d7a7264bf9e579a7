import { registerEnumType } from '@nestjs/graphql';

/** The protocols of NetworkPolicy ports. */
export enum ProtocolEnum {
  TCP = 'TCP',
  UDP = 'UDP',
  SCTP = 'SCTP',
}

export enum GranularityEnum {
  workload = 'workload',
  pod = 'pod',
}

export enum PeerTypeEnum {
  workload = 'workload',
  pod = 'pod',
  ipRange = 'ipRange',
}

export enum DirectionEnum {
  ingress = 'ingress',
  egress = 'egress',
}

registerEnumType(ProtocolEnum, { name: 'Protocol' });
registerEnumType(GranularityEnum, {
  name: 'Granularity',
  description: 'Peers as workloads (default) or as single pods',
});
registerEnumType(PeerTypeEnum, { name: 'PeerType' });
registerEnumType(DirectionEnum, { name: 'Direction' });
