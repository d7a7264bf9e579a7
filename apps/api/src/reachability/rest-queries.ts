import { applyDecorators } from '@nestjs/common';
import { ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { AnalysisOptions, ConnectionQuery, DirectionQuery } from '@podreach/policy-engine';
import { ErrorBodyDto } from '../common/dto/error-body.dto';
import { parseBoolean, parseGranularity, parsePort, parseProtocol } from './reachability-input';

/** The query string of an analysis route, as Fastify parses it. */
export type QueryArgs = Record<string, unknown>;

/** `protocol` and `port`, validated. */
export function connectionQuery(args: QueryArgs): ConnectionQuery {
  return { protocol: parseProtocol(args.protocol), port: parsePort(args.port) };
}

/** `protocol`, `port` and `granularity`, validated. */
export function directionQuery(args: QueryArgs): DirectionQuery {
  return { ...connectionQuery(args), granularity: parseGranularity(args.granularity) };
}

/** The analysis options every analysis route accepts. */
export function analysisOptions(args: QueryArgs): AnalysisOptions {
  return { ipBlockMatchesPods: parseBoolean(args.ipBlockMatchesPods, 'ipBlockMatchesPods', false) };
}

/** OpenAPI of `ipBlockMatchesPods`, accepted by every analysis. */
export const ApiOptionsQuery = (): MethodDecorator =>
  ApiQuery({
    name: 'ipBlockMatchesPods',
    required: false,
    schema: { type: 'boolean', default: false },
    description: 'Whether NetworkPolicy ipBlock peers also match pod IPs (Calico: yes; Cilium: no)',
  });

/** OpenAPI of `protocol`, `port` and `ipBlockMatchesPods`, and the errors of bad values. */
export function ApiConnectionQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'protocol', required: false, enum: ['TCP', 'UDP', 'SCTP'], description: 'Any case' }),
    ApiQuery({ name: 'port', required: false, schema: { type: 'integer', minimum: 1, maximum: 65535 } }),
    ApiOptionsQuery(),
    ApiResponse({ status: 400, type: ErrorBodyDto, description: 'Bad protocol, port or option' }),
    ApiResponse({ status: 404, type: ErrorBodyDto, description: 'Unknown snapshot, namespace or target' }),
  );
}

/** OpenAPI of the queries of `ingress` and `egress`. */
export function ApiDirectionQuery(): MethodDecorator {
  return applyDecorators(
    ApiConnectionQuery(),
    ApiQuery({
      name: 'granularity',
      required: false,
      enum: ['workload', 'pod'],
      description: 'Peers as workloads or pods; default `pod` for a pod, `workload` for a workload',
    }),
  );
}
