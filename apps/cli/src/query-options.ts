import { PROTOCOLS, type ConnectionQuery, type Protocol } from '@podreach/policy-engine';
import { optionalPort, optionalString } from './args';
import { UsageError } from './cli-error';
import type { CommandArgs, OptionSpecs } from './command';

/** Options shared by the questions about one snapshot. */
export const QUERY_OPTIONS: OptionSpecs = {
  port: { type: 'string' },
  protocol: { type: 'string' },
  'ip-block-matches-pods': { type: 'boolean' },
  format: { type: 'string' },
};

export const QUERY_HELP = `  --port <n>                only this port
  --protocol <TCP|UDP|SCTP> only this protocol
  --ip-block-matches-pods   let NetworkPolicy ipBlock peers match pod IPs too (Calico does; Cilium and
                            most analyzers do not; default: off)
  --format <txt|json>       txt (default) for people, json (the engine's answer) for scripts`;

export type AnswerFormat = 'txt' | 'json';

/** The protocol and port of a question; protocols are accepted in any case (`tcp`). */
export function connectionQuery(args: CommandArgs, command: string): ConnectionQuery {
  const query: ConnectionQuery = {};
  const protocol = optionalString(args, 'protocol')?.toUpperCase();
  if (protocol !== undefined) {
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) {
      throw new UsageError(
        `--protocol must be TCP, UDP or SCTP, not "${optionalString(args, 'protocol')}"`,
        command,
      );
    }
    query.protocol = protocol as Protocol;
  }
  const port = optionalPort(args, command);
  if (port !== undefined) query.port = port;
  return query;
}

export function ipBlockMatchesPods(args: CommandArgs): boolean {
  return args.values['ip-block-matches-pods'] === true;
}
